import type { DigestKind, DueDigest, GuardianDigest, SupervisorDigest } from '../domain/inbox.js';
import { supervisorDigestParts } from '../domain/supervisor-digest.js';
import type { SubscribeFieldValue } from './subscribe-fields.js';
import type { RobotMessage } from './wecom-robot.js';

/**
 * The daily digests as the outside channels carry them: counts only, never a child's name (the group robot posts to
 * a WeCom group; a subscription message shows on a lock screen). The reader opens the mini-program for the lists.
 *
 * The long-term template (SHOUHU_WECHAT_TEMPLATE_DIGEST) is chosen in the WeChat console with these keys:
 * thing1 提醒事项, thing2 待办摘要 (20 characters; a longer one is cut with an ellipsis), time3 提醒时间.
 */
export type AnyDigest =
  | { kind: 'dueDigest'; digest: DueDigest }
  | { kind: 'supervisorDigest'; digest: SupervisorDigest }
  | { kind: 'guardianDigest'; digest: GuardianDigest };

const titles: Record<DigestKind, string> = {
  dueDigest: '今日待办走访提醒',
  supervisorDigest: '今日督导提醒',
  guardianDigest: '走访待确认提醒',
};

export function digestTitle(digest: AnyDigest): string {
  return titles[digest.kind];
}

/** The shortest form of the counts, for a 20-character field. */
export function digestSummary(digest: AnyDigest): string {
  switch (digest.kind) {
    case 'dueDigest': {
      const { overdue, dueSoon, dueSoonDays, safetyDue = 0 } = digest.digest;
      return [overdue > 0 ? `逾期${overdue}项` : null, dueSoon > 0 ? `${dueSoonDays}天内到期${dueSoon}项` : null, safetyDue > 0 ? `安全教育${safetyDue}项` : null]
        .filter(Boolean)
        .join('，');
    }
    case 'supervisorDigest': {
      const d = digest.digest;
      return [
        d.overdueLong > 0 ? `逾期超${d.overdueAfterDays}天${d.overdueLong}项` : null,
        d.withoutTeam > 0 ? `无团队${d.withoutTeam}名` : null,
        d.disputed > 0 ? `异议${d.disputed}条` : null,
        d.unconfirmed > 0 ? `未确认${d.unconfirmed}条` : null,
        d.unacknowledgedConcerns > 0 ? `线索未受理${d.unacknowledgedConcerns}条` : null,
        (d.safetyDue ?? 0) > 0 ? `安全教育${d.safetyDue}项` : null,
      ]
        .filter(Boolean)
        .join('，');
    }
    case 'guardianDigest':
      return `${digest.digest.awaitingAnswer}次走访待您确认`;
  }
}

export function digestSubscribeFields(digest: AnyDigest, at: Date): Record<string, SubscribeFieldValue> {
  return { thing1: titles[digest.kind], thing2: digestSummary(digest), time3: at };
}

/** What a town's daily robot message counts: its due list in all, and what its supervisors see. */
export interface TownSummary {
  townName: string;
  date: string;
  overdue: number;
  dueSoon: number;
  dueSoonDays: number;
  supervisor: SupervisorDigest | null;
}

/** Null when the town has nothing to report that day: no message then. */
export function townRobotMessage(town: TownSummary): RobotMessage | null {
  const parts = [
    town.overdue > 0 ? `${town.overdue} 项走访已逾期` : null,
    town.dueSoon > 0 ? `${town.dueSoon} 项走访将在 ${town.dueSoonDays} 天内到期` : null,
    ...(town.supervisor === null ? [] : supervisorDigestParts(town.supervisor)),
  ].filter((part): part is string => part !== null);
  if (parts.length === 0) return null;
  return { msgtype: 'text', content: `${town.townName} ${town.date} 今日待办：${parts.join('；')}。详情请在“守护”小程序中查看。` };
}
