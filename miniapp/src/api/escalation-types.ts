/**
 * Issue 8's difficult cases (疑难个案, R6) as the API takes and answers them, from its zod schemas (`import type` only,
 * like types.ts: nothing of zod reaches the bundle).
 */
import type { z } from 'zod';
import type { childEscalationsSchema, escalationListsSchema, EscalationSummary, EscalationView } from '../../../functions/src/api/escalation-schemas';
import type { EscalationInput, EscalationStatus } from '../../../functions/src/domain/escalation';
import type { EscalationLevel } from '../../../functions/src/domain/escalation-levels';
import type { escalationStepInputSchema } from '../../../functions/src/domain/escalation-lifecycle';

export type { EscalationInput, EscalationLevel, EscalationStatus, EscalationSummary, EscalationView };

/** GET /escalations: the reader's level and its queue (null for a role that works none), the overdue below, counts. */
export type EscalationLists = z.infer<typeof escalationListsSchema>;
/** GET /children/{id}/escalations: the child's cases with their whole trail, newest first. */
export type ChildEscalations = z.infer<typeof childEscalationsSchema>;
/** One step at the level that holds the case; `version` is the one the page was loaded at. */
export type EscalationStepRequest = z.input<typeof escalationStepInputSchema>;
export type EscalationStepAction = EscalationStepRequest['action'];
