import { z } from 'zod';
import { escalationAcknowledgeBy, type AcknowledgeLimits } from './acknowledge-limits.js';
import { escalationLevels, type EscalationLevel } from './escalation-levels.js';
import { idSchema, regionPathSchema, type RegionPath } from './region.js';
import { multiLineText } from './text.js';

export { escalationLevelNames, escalationStatusNames, escalationStepNames } from './labels.js';

/**
 * A difficult case (疑难个案, R6): a child's case the village cannot solve, raised by the child's social worker or
 * children's director with the handling form's fields. The town's supervisor owns it (the director and the
 * organization are told); at each level it is acknowledged, then resolved there or raised to the level above (town →
 * district → city). The whole trail stays with the child. Who may do what is access/escalation-access.ts's; which
 * step exists from which status is escalation-lifecycle.ts's.
 */
export const escalationStatuses = ['raised', 'acknowledged', 'resolved'] as const;
export const escalationStatusSchema = z.enum(escalationStatuses);
export type EscalationStatus = z.infer<typeof escalationStatusSchema>;

const TEXT_MAX = 1000;

/** The handling form (疑难个案处置表): what the problem is, what was tried, what help is needed, and whether it is urgent. */
export const escalationInputSchema = z
  .object({
    problem: multiLineText(TEXT_MAX),
    tried: multiLineText(TEXT_MAX),
    helpNeeded: multiLineText(TEXT_MAX),
    urgent: z.boolean(),
  })
  .strict();
export type EscalationInput = z.infer<typeof escalationInputSchema>;

const instantSchema = z.iso.datetime({ offset: true });
const levelSchema = z.enum(escalationLevels);

/** How one level held the case: when it came, by when it had to be acknowledged, when it was, and any reminder. */
export const escalationLevelStateSchema = z
  .object({
    level: levelSchema,
    raisedAt: instantSchema,
    acknowledgeBy: instantSchema,
    acknowledgedAt: instantSchema.nullable(),
    /** When the product reminded the level that it was overdue: once per level. */
    remindedAt: instantSchema.nullable(),
  })
  .strict();
export type EscalationLevelState = z.infer<typeof escalationLevelStateSchema>;

export const escalationTrailActions = ['raised', 'acknowledged', 'resolved', 'overdue'] as const;

/** One dated step; `byUserId` null for what the product did itself (an overdue reminder). */
export const escalationTrailStepSchema = z
  .object({
    at: instantSchema,
    byUserId: idSchema.nullable(),
    level: levelSchema,
    action: z.enum(escalationTrailActions),
    note: multiLineText(TEXT_MAX, { min: 0 }),
  })
  .strict();
export type EscalationTrailStep = z.infer<typeof escalationTrailStepSchema>;

export const escalationSchema = z
  .object({
    id: idSchema,
    childId: idSchema,
    /** Where the child lived when it was raised: whose queues it goes through. */
    path: regionPathSchema,
    raisedBy: idSchema,
    ...escalationInputSchema.shape,
    /** The level that holds it now, and its status there. */
    level: levelSchema,
    status: escalationStatusSchema,
    levels: z.array(escalationLevelStateSchema).min(1).max(escalationLevels.length),
    /** What the level that resolved it did. */
    resolution: multiLineText(TEXT_MAX).nullable(),
    trail: z.array(escalationTrailStepSchema).min(1),
    createdAt: instantSchema,
    updatedAt: instantSchema,
    version: z.number().int().positive(),
  })
  .strict();
export type Escalation = z.infer<typeof escalationSchema>;

export interface NewEscalation {
  id: string;
  childId: string;
  path: RegionPath;
  raisedBy: string;
  input: EscalationInput;
}

/** The state of the level that holds the case now. */
export function currentLevelState(escalation: Pick<Escalation, 'level' | 'levels'>): EscalationLevelState {
  return escalation.levels.find((state) => state.level === escalation.level)!;
}

/** A level's state as it receives the case at `now`. */
export function levelReceiving(level: EscalationLevel, urgent: boolean, limits: AcknowledgeLimits, now: Date): EscalationLevelState {
  return {
    level,
    raisedAt: now.toISOString(),
    acknowledgeBy: escalationAcknowledgeBy(now, urgent, limits).toISOString(),
    acknowledgedAt: null,
    remindedAt: null,
  };
}

/** A case as raised to the town (R6: the supervisor owns it), acknowledged within the district's limit. */
export function raiseEscalation(raised: NewEscalation, limits: AcknowledgeLimits, now: Date): Escalation {
  const at = now.toISOString();
  return {
    id: raised.id,
    childId: raised.childId,
    path: raised.path,
    raisedBy: raised.raisedBy,
    ...raised.input,
    level: 'town',
    status: 'raised',
    levels: [levelReceiving('town', raised.input.urgent, limits, now)],
    resolution: null,
    trail: [{ at, byUserId: raised.raisedBy, level: 'town', action: 'raised', note: '' }],
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

/** Not acknowledged by the level that holds it, past its limit: shown in red to the level above. */
export function isOverdue(escalation: Pick<Escalation, 'status' | 'level' | 'levels'>, now: Date): boolean {
  return escalation.status === 'raised' && now.getTime() >= Date.parse(currentLevelState(escalation).acknowledgeBy);
}

export function isOpen(escalation: Pick<Escalation, 'status'>): boolean {
  return escalation.status !== 'resolved';
}
