import { z } from 'zod';
import { idSchema } from './region.js';
import { multiLineText } from './text.js';

/**
 * The in-app inbox (ARCHITECTURE.md, notifications): a guardian disputing a visit, and how the dispute was settled;
 * a difficult case raised to a level, or overdue there (issue 8, R6). Who is told what is the access policy's
 * (access/inbox-access.ts). The reminder issue adds WeChat delivery.
 */
export const inboxMessageKinds = [
  'visitDisputed',
  'disputeResolved',
  'escalationRaised',
  'escalationOverdue',
  'dueDigest',
  'supervisorDigest',
  'guardianDigest',
  'reportDue',
  'organizationIdle',
  // Issue 11 part 2: a volunteer applied to the organization; its admin reviews on 志愿者申请.
  'volunteerApplied',
  'activityCancelled',
  // Issue 12 part 7, R23: the worker's yearly grade published, and the outcome of the review they asked for.
  'evaluationPublished',
  'evaluationReviewDecided',
  // Issue 12 part 3, R22 and R15: the family told of their child's case: collect the child (cleared to go home), the
  // case will close, the case closed.
  'stateGuardianshipCleared',
  'caseClosingAnnounced',
  'caseClosed',
] as const;

/**
 * The daily digest of a worker's own due list (issue 9, the reminders job): counts only, no child named, so it says
 * nothing the reader could not see on their 待办走访 list that day, and nothing once they may no longer.
 */
export const dueDigestSchema = z
  .object({
    /** The Beijing day it was made for. */
    date: z.iso.date(),
    overdue: z.int().min(0),
    /** Due from that day through the next `dueSoonDays` days. */
    dueSoon: z.int().min(0),
    dueSoonDays: z.int().min(1),
    /** R12: a director's village's safety education still due within its reminder weeks (absent before issue 11). */
    safetyDue: z.int().min(0).optional(),
  })
  .strict();
export type DueDigest = z.infer<typeof dueDigestSchema>;

/**
 * A town supervisor's daily digest (issue 9): counts of what the town's lists hold that needs them, no child named,
 * for the same reason as the due digest.
 */
export const supervisorDigestSchema = z
  .object({
    date: z.iso.date(),
    /** Visits overdue by more than `overdueAfterDays` days, whoever holds them. */
    overdueLong: z.int().min(0),
    overdueAfterDays: z.int().min(1),
    /** Children of the town with no team: nobody holds their visits. */
    withoutTeam: z.int().min(0),
    /** Visits the guardian disputed, not yet settled. */
    disputed: z.int().min(0),
    /** Visits the guardian has not answered for more than the district's `unconfirmedAfterDays`. */
    unconfirmed: z.int().min(0),
    unconfirmedAfterDays: z.int().min(1),
    /** Concern reports of the town not yet acknowledged. */
    unacknowledgedConcerns: z.int().min(0),
    /** R12: the town's safety education (its own, its villages', its schools') still due within its reminder weeks. */
    safetyDue: z.int().min(0).optional(),
  })
  .strict();
export type SupervisorDigest = z.infer<typeof supervisorDigestSchema>;

/** A guardian's daily digest: how many visits to their children wait for their answer (confirm or dispute). */
export const guardianDigestSchema = z
  .object({
    date: z.iso.date(),
    awaitingAnswer: z.int().min(1),
  })
  .strict();
export type GuardianDigest = z.infer<typeof guardianDigestSchema>;

/** The counts of any digest; the message's kind says which (each shape is strict, so the union parses one way). */
export const digestSchema = z.union([dueDigestSchema, supervisorDigestSchema, guardianDigestSchema]);
export type Digest = z.infer<typeof digestSchema>;

export type DigestKind = Extract<(typeof inboxMessageKinds)[number], 'dueDigest' | 'supervisorDigest' | 'guardianDigest'>;

/**
 * R4's reminder to a town or a district that has not sent last month's report (issue 9, the submission-reminders
 * job): which region and month, by when; the region's name only (a figure report names no child).
 */
export const reportDueSchema = z
  .object({
    regionId: idSchema,
    regionName: z.string().min(1).max(50),
    month: z.string().regex(/^\d{4}-\d{2}$/),
    deadline: z.iso.datetime({ offset: true }),
  })
  .strict();
export type ReportDue = z.infer<typeof reportDueSchema>;

/**
 * R9's flag to a district (issue 9 part 5, the monthly roll-up): one of its organizations gave no service in the month
 * rolled up nor in the month before. The organization's name only: no child is named.
 */
export const organizationIdleSchema = z
  .object({
    organizationId: idSchema,
    organizationName: z.string().min(1).max(100),
    districtId: idSchema,
    /** The second of the two months without service. */
    month: z.string().regex(/^\d{4}-\d{2}$/),
  })
  .strict();
export type OrganizationIdle = z.infer<typeof organizationIdleSchema>;

/** R5: an activity the reader (or their child) was signed up for was cancelled; its title and date, no child named. */
export const activityCancelledNoticeSchema = z
  .object({ activityId: idSchema, title: z.string().min(1).max(40), date: z.iso.date(), time: z.string() })
  .strict();
export type ActivityCancelledNotice = z.infer<typeof activityCancelledNoticeSchema>;

/**
 * R22 / R15: the dates a family is told about their child's case, and nobody's words (the plan's and the closing
 * report's stay on the case). `on`: the day to collect the child by (stateGuardianshipCleared), the earliest closing
 * day (caseClosingAnnounced) or the closing day (caseClosed); `followUpEndsOn` on caseClosed only.
 */
export const caseNoticeSchema = z.object({ on: z.iso.date(), followUpEndsOn: z.iso.date().nullable() }).strict();
export type CaseNotice = z.infer<typeof caseNoticeSchema>;

/** Code points, as text.ts counts them: a message quoting a guardian's note is cut to this. */
export const INBOX_TEXT_MAX = 500;

export const inboxMessageSchema = z
  .object({
    id: idSchema,
    at: z.iso.datetime({ offset: true }),
    kind: z.enum(inboxMessageKinds),
    /** The child a message is about; null for a digest, which is about the reader's whole list. */
    childId: idSchema.nullable(),
    /** The visit a dispute is about; null for a message about a difficult case. */
    visitId: idSchema.nullable(),
    /** The difficult case a message is about; messages written before there were any have none. */
    escalationId: idSchema.nullable().default(null),
    /** The counts of a digest (dueDigest, supervisorDigest, guardianDigest); null on every other kind. */
    digest: digestSchema.nullable().default(null),
    /** On a reportDue message only (absent on every other kind, as on messages written before there were any). */
    report: reportDueSchema.optional(),
    /** On an organizationIdle message only (absent on every other kind). */
    organization: organizationIdleSchema.optional(),
    /** On an activityCancelled message only (absent on every other kind). */
    activity: activityCancelledNoticeSchema.optional(),
    /** On a message to a family about their child's case only (absent on every other kind). */
    caseNotice: caseNoticeSchema.optional(),
    /**
     * Chinese, as delivered: whose visit or case, when, the guardian's reasons or the outcome. The inbox page does not
     * show it: it words each message from the records as its reader may see them now (inbox-views.ts).
     */
    text: multiLineText(INBOX_TEXT_MAX),
    readAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .strict();
export type InboxMessage = z.infer<typeof inboxMessageSchema>;

/**
 * Where a message goes: a person, or everyone who holds a post: the supervisors of a town (a child without a team,
 * a difficult case at the town), the children's directors of a village (each child of the village is theirs, team or
 * not: R11), the officers of a district or a city (a case at their level), the managers of a social organization (a
 * case about a child it serves).
 */
export type InboxOwner =
  | { kind: 'user'; userId: string }
  | { kind: 'town'; townId: string }
  | { kind: 'village'; villageId: string }
  | { kind: 'district'; districtId: string }
  | { kind: 'city'; cityId: string }
  | { kind: 'organization'; organizationId: string };

/**
 * Message ids sort by time (newest last in key order), so an inbox reads newest first without an index. The copies
 * of one event's message in several inboxes share one id, so a reader of two of them sees it once.
 */
export function messageIdOf(at: Date, random: string): string {
  return `${at.toISOString().replace(/\D/g, '')}-${random}`;
}
