import { addDays } from './calendar.js';
import type { DueEntry } from './due-entries.js';
import type { SupervisorDigest } from './inbox.js';

/**
 * A visit more than this many days late is the supervisor's to chase (issue 9): a week, because the due digest
 * tells the worker every morning from the first day late, and the shortest rule interval (R19's weekly follow-up)
 * is a week; past a full interval late the worker's own reminders have plainly not worked, and the visit after it
 * is falling due too.
 */
export const SUPERVISOR_OVERDUE_AFTER_DAYS = 7;

/** What the sweep counted for one town, each from its own index. */
export interface TownCounts {
  withoutTeam: number;
  disputed: number;
  unconfirmed: number;
  unconfirmedAfterDays: number;
  unacknowledgedConcerns: number;
}

/** The town's due entries (as read up to the due digests' horizon) that are late by more than the threshold. */
export function overdueLongCount(entries: readonly DueEntry[], today: string): number {
  const dueBefore = addDays(today, -SUPERVISOR_OVERDUE_AFTER_DAYS);
  return entries.filter((entry) => entry.obligation.dueDate < dueBefore).length;
}

/** The digest for the town's supervisors of `today`; null when there is nothing for them (no message then). */
export function supervisorDigestOf(entries: readonly DueEntry[], counts: TownCounts, today: string, safetyDue = 0): SupervisorDigest | null {
  const digest: SupervisorDigest = {
    date: today,
    overdueLong: overdueLongCount(entries, today),
    overdueAfterDays: SUPERVISOR_OVERDUE_AFTER_DAYS,
    ...counts,
    // R12: only when something falls due, so the digests of days without any keep their shape.
    ...(safetyDue > 0 ? { safetyDue } : {}),
  };
  const anything = digest.overdueLong + digest.withoutTeam + digest.disputed + digest.unconfirmed + digest.unacknowledgedConcerns + safetyDue > 0;
  return anything ? digest : null;
}

/** The parts of a supervisor's digest that are not zero, in words: counts only, no child named. */
export function supervisorDigestParts(digest: SupervisorDigest): string[] {
  return [
    digest.overdueLong > 0 ? `${digest.overdueLong} 项走访逾期超过 ${digest.overdueAfterDays} 天` : null,
    digest.withoutTeam > 0 ? `${digest.withoutTeam} 名儿童尚无服务团队` : null,
    digest.disputed > 0 ? `${digest.disputed} 条走访监护人有异议` : null,
    digest.unconfirmed > 0 ? `${digest.unconfirmed} 条走访超过 ${digest.unconfirmedAfterDays} 天未确认` : null,
    digest.unacknowledgedConcerns > 0 ? `${digest.unacknowledgedConcerns} 条线索未受理` : null,
    (digest.safetyDue ?? 0) > 0 ? `${digest.safetyDue} 项安全教育（R12）临近期限尚未开展` : null,
  ].filter((part): part is string => part !== null);
}

/** As delivered (the inbox page words it again from the counts). */
export function supervisorDigestText(digest: SupervisorDigest): string {
  return `今日督导提醒：${supervisorDigestParts(digest).join('，')}。`;
}
