import { addDays } from './calendar.js';
import type { DueEntry } from './due-entries.js';
import type { DueDigest } from './inbox.js';

/** The reminders job tells a worker of what falls due from today through this many days ahead (issue 9). */
export const DUE_SOON_DAYS = 3;

/** The last day a digest of `today` counts as due soon. */
export function dueSoonUntil(today: string): string {
  return addDays(today, DUE_SOON_DAYS);
}

/**
 * Each assignee's digest of `today` from the due entries read (those of a town up to dueSoonUntil(today)): how many
 * are overdue and how many fall due soon. Entries nobody is assigned to (a child without a team) have no reader here:
 * the town's supervisors' digest counts those children (supervisor-digest.ts).
 */
export function dueDigestsOf(entries: readonly DueEntry[], today: string): Map<string, DueDigest> {
  const until = dueSoonUntil(today);
  const digests = new Map<string, DueDigest>();
  for (const { assigneeId, obligation } of entries) {
    if (assigneeId === null || obligation.dueDate > until) continue;
    const digest = digests.get(assigneeId) ?? { date: today, overdue: 0, dueSoon: 0, dueSoonDays: DUE_SOON_DAYS };
    if (obligation.dueDate < today) digest.overdue += 1;
    else digest.dueSoon += 1;
    digests.set(assigneeId, digest);
  }
  return digests;
}

/**
 * R12: a children's director is told of their village's safety education still due within its reminder weeks, in the
 * same morning digest as their visits (one with no visits due is made for it).
 */
export function addSafetyDue(digests: Map<string, DueDigest>, safetyDueByDirector: ReadonlyMap<string, number>, today: string): Map<string, DueDigest> {
  for (const [directorId, safetyDue] of safetyDueByDirector) {
    if (safetyDue === 0) continue;
    const digest = digests.get(directorId) ?? { date: today, overdue: 0, dueSoon: 0, dueSoonDays: DUE_SOON_DAYS };
    digests.set(directorId, { ...digest, safetyDue });
  }
  return digests;
}

/** As delivered (the inbox page words it again from the counts). */
export function dueDigestText(digest: DueDigest): string {
  const parts = [
    digest.overdue > 0 ? `${digest.overdue} 项走访已逾期` : null,
    digest.dueSoon > 0 ? `${digest.dueSoon} 项走访将在 ${digest.dueSoonDays} 天内到期` : null,
    (digest.safetyDue ?? 0) > 0 ? `本村 ${digest.safetyDue} 项安全教育（R12）临近期限尚未开展` : null,
  ].filter(Boolean);
  return `今日待办提醒：${parts.join('，')}。请到首页“待办走访”查看。`;
}
