import { z } from 'zod';
import { idSchema } from './region.js';
import { multiLineText } from './text.js';

/**
 * The in-app inbox (ARCHITECTURE.md, notifications): a guardian disputing a visit, and how the dispute was settled.
 * Who is told what is the access policy's (access/inbox-access.ts). The reminder issue adds WeChat delivery.
 */
export const inboxMessageKinds = ['visitDisputed', 'disputeResolved'] as const;

/** Code points, as text.ts counts them: a message quoting a guardian's note is cut to this. */
export const INBOX_TEXT_MAX = 500;

export const inboxMessageSchema = z
  .object({
    id: idSchema,
    at: z.iso.datetime({ offset: true }),
    kind: z.enum(inboxMessageKinds),
    childId: idSchema,
    visitId: idSchema,
    /**
     * Chinese, as delivered: whose visit, when, the guardian's reasons or the outcome. The inbox page does not show
     * it: it words each message from the records as its reader may see them now (inbox-views.ts).
     */
    text: multiLineText(INBOX_TEXT_MAX),
    readAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .strict();
export type InboxMessage = z.infer<typeof inboxMessageSchema>;

/**
 * Where a message goes: a person; every supervisor of a town (for a child without a team); every children's
 * director of a village (each child of the village is theirs, team or not: R11).
 */
export type InboxOwner =
  | { kind: 'user'; userId: string }
  | { kind: 'town'; townId: string }
  | { kind: 'village'; villageId: string };

/**
 * Message ids sort by time (newest last in key order), so an inbox reads newest first without an index. The copies
 * of one event's message in several inboxes share one id, so a reader of two of them sees it once.
 */
export function messageIdOf(at: Date, random: string): string {
  return `${at.toISOString().replace(/\D/g, '')}-${random}`;
}
