import { z } from 'zod';
import { decideChildAccess, decideEscalationAccess, mayReadDisputeReasonsInInbox } from './access-policy.js';
import type { Child } from './child.js';
import { escalationStatusSchema, type Escalation } from './escalation.js';
import { escalationLevels } from './escalation-levels.js';
import { activityCancelledNoticeSchema, caseNoticeSchema, digestSchema, inboxMessageKinds, organizationIdleSchema, reportDueSchema, type InboxMessage } from './inbox.js';
import { idSchema } from './region.js';
import type { Actor } from './user.js';
import { contactChannelSchema, disputeOutcomeSchema, disputeReasonSchema, isWithdrawn, visitKindSchema, type Visit } from './visit.js';

/**
 * A message as its reader sees it in the inbox (issue 7, B8): what it is about, from the child and the visit as they
 * are now and as this reader may see them, not from the text written when it was sent (a reader who may no longer
 * read the child learns nothing more about it from an old message). No one's name but the child's: not who recorded
 * the visit, who settled it, nor anyone's notes.
 */
export const inboxAboutSchema = z
  .object({
    childName: z.string(),
    visitKind: visitKindSchema,
    contactChannel: contactChannelSchema.nullable(),
    visitStartedAt: z.string(),
    /** The author withdrew the visit since. */
    withdrawn: z.boolean(),
    /** How the dispute was settled; null on a message about the dispute itself. */
    outcome: disputeOutcomeSchema.nullable(),
    /** The guardian's reasons and note, on a message about the dispute, for the staff it goes to; else empty. */
    reasons: z.array(disputeReasonSchema),
    note: z.string(),
  })
  .strict();
export type InboxAbout = z.infer<typeof inboxAboutSchema>;

/** A difficult case (R6) as it is now: whose, where it is, whether acknowledged there. Not the problem's words. */
export const inboxCaseSchema = z
  .object({
    childName: z.string(),
    level: z.enum(escalationLevels),
    status: escalationStatusSchema,
    urgent: z.boolean(),
  })
  .strict();
export type InboxCase = z.infer<typeof inboxCaseSchema>;

export const inboxItemSchema = z
  .object({
    id: idSchema,
    at: z.iso.datetime({ offset: true }),
    kind: z.enum(inboxMessageKinds),
    readAt: z.iso.datetime({ offset: true }).nullable(),
    /** For opening the visit's or the case's page; never shown. Null on a digest. */
    childId: idSchema.nullable(),
    visitId: idSchema.nullable(),
    escalationId: idSchema.nullable(),
    /** A message about a visit; null when the reader may no longer read the child (moved, taken off the team) or the visit is gone. */
    about: inboxAboutSchema.nullable(),
    /** A message about a difficult case; null likewise when the reader may no longer read it. */
    case: inboxCaseSchema.nullable(),
    /** A digest's counts, the reader's own lists of that day; null on every other kind. */
    digest: digestSchema.nullable(),
    /** A reminder to send a monthly report (R4): opens the month's report; absent on every other kind. */
    report: reportDueSchema.optional(),
    /** R9's flag of an organization without service for two months: opens the district's month report. */
    organization: organizationIdleSchema.optional(),
    /** R5: the activity cancelled that the reader or their child was signed up for. */
    activity: activityCancelledNoticeSchema.optional(),
    /** R22 / R15: the dates of a notice about the family's child's case; the child's name while the reader may read the child. */
    caseNotice: caseNoticeSchema.extend({ childName: z.string().nullable() }).optional(),
  })
  .strict();
export type InboxItem = z.infer<typeof inboxItemSchema>;

/** The records a message names, as found. */
export interface InboxSubjects {
  child: Child | undefined;
  visit: Visit | undefined;
  escalation: Escalation | undefined;
}

export function inboxItemFor(actor: Actor, message: InboxMessage, { child, visit, escalation }: InboxSubjects): InboxItem {
  const { id, at, kind, readAt, childId, visitId, escalationId, digest, report, organization, activity, caseNotice } = message;
  const optional = { ...(report ? { report } : {}), ...(organization ? { organization } : {}), ...(activity ? { activity } : {}) };
  const item = { id, at, kind, readAt, childId, visitId, escalationId, about: null, case: null, digest, ...optional };
  if (caseNotice) {
    const readable = child !== undefined && decideChildAccess(actor, 'read', child).allowed;
    return { ...item, caseNotice: { ...caseNotice, childName: readable ? child.name : null } };
  }
  if (child === undefined) return item;
  if (escalationId !== null) {
    const readable = escalation !== undefined && decideEscalationAccess(actor, 'read', escalation, child).allowed;
    return readable ? { ...item, case: caseOf(child, escalation) } : item;
  }
  const readable = visit !== undefined && decideChildAccess(actor, 'read', child).allowed;
  return readable ? { ...item, about: aboutOf(actor, kind, child, visit) } : item;
}

function caseOf(child: Child, escalation: Escalation): InboxCase {
  return { childName: child.name, level: escalation.level, status: escalation.status, urgent: escalation.urgent };
}

function aboutOf(actor: Actor, kind: InboxMessage['kind'], child: Child, visit: Visit): InboxAbout {
  const dispute = kind === 'visitDisputed' && mayReadDisputeReasonsInInbox(actor.role);
  return {
    childName: child.name,
    visitKind: visit.kind,
    contactChannel: visit.contactChannel,
    visitStartedAt: visit.startedAt,
    withdrawn: isWithdrawn(visit),
    outcome: kind === 'disputeResolved' ? (visit.resolution?.outcome ?? null) : null,
    reasons: dispute ? visit.confirmation.reasons : [],
    note: dispute ? visit.confirmation.note : '',
  };
}

/**
 * One message per id: the copies of one event's message in several of the reader's inboxes (a director who recorded
 * the visit gets it as its author and as the village's director) are one message, unread while any copy is.
 * Keeps the order given (newest first).
 */
export function collapseCopies(messages: readonly InboxMessage[]): InboxMessage[] {
  const byId = new Map<string, InboxMessage>();
  for (const message of messages) {
    const seen = byId.get(message.id);
    if (seen === undefined) byId.set(message.id, message);
    else if (seen.readAt !== null) byId.set(message.id, { ...seen, readAt: latestReadAt(seen.readAt, message.readAt) });
  }
  return [...byId.values()];
}

function latestReadAt(a: string, b: string | null): string | null {
  if (b === null) return null;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

export function unreadCountOf(messages: readonly InboxMessage[]): number {
  return collapseCopies(messages).filter((message) => message.readAt === null).length;
}
