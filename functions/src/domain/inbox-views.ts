import { z } from 'zod';
import { decideChildAccess, mayReadDisputeReasonsInInbox } from './access-policy.js';
import type { Child } from './child.js';
import { inboxMessageKinds, type InboxMessage } from './inbox.js';
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

export const inboxItemSchema = z
  .object({
    id: idSchema,
    at: z.iso.datetime({ offset: true }),
    kind: z.enum(inboxMessageKinds),
    readAt: z.iso.datetime({ offset: true }).nullable(),
    /** For opening the visit's page; never shown. */
    childId: idSchema,
    visitId: idSchema,
    /** Null when the reader may no longer read the child (moved, taken off the team) or the visit is gone. */
    about: inboxAboutSchema.nullable(),
  })
  .strict();
export type InboxItem = z.infer<typeof inboxItemSchema>;

export function inboxItemFor(actor: Actor, message: InboxMessage, child: Child | undefined, visit: Visit | undefined): InboxItem {
  const { id, at, kind, readAt, childId, visitId } = message;
  const readable = child !== undefined && visit !== undefined && decideChildAccess(actor, 'read', child).allowed;
  return { id, at, kind, readAt, childId, visitId, about: readable ? aboutOf(actor, kind, child, visit) : null };
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
