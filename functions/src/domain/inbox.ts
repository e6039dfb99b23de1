import { z } from 'zod';
import { idSchema } from './region.js';
import { multiLineText } from './text.js';

/**
 * The in-app inbox (ARCHITECTURE.md, notifications): for now one kind of message, a guardian disputing a visit,
 * which goes to the supervisor who leads the child's team (R1). The reminder issue adds WeChat delivery.
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
    /** Chinese, for the list: whose visit, when, and the guardian's reasons. */
    text: multiLineText(INBOX_TEXT_MAX),
    readAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .strict();
export type InboxMessage = z.infer<typeof inboxMessageSchema>;

/** Where a message goes: a person, or (for a child without a team) every supervisor of the town. */
export type InboxOwner = { kind: 'user'; userId: string } | { kind: 'town'; townId: string };

/** Message ids sort by time (newest last in key order), so an inbox reads newest first without an index. */
export function messageIdOf(at: Date, random: string): string {
  return `${at.toISOString().replace(/\D/g, '')}-${random}`;
}
