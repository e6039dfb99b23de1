import type { DueDigest, GuardianDigest, InboxItem, Role, SupervisorDigest } from '../api/types';
import { formatDateTime } from './beijing-time';
import { caseLevelOfRole, isCaseHandler, whereNowText } from './escalation-words';
import { formatDate, joinNames } from './format';
import { disputeOutcomeNames, disputeReasonNames, labelOf } from './labels';
import { deadlineLabel, monthLabel } from './report-words';
import { visitKindText } from './visit-format';

/**
 * One message of the inbox in words: what happened, to which child's visit or difficult case, when it came, and
 * whether it opens.
 */
export interface MessageWords {
  /** 监护人异议已处理：核实属实 · 监护人有异议：时间不对 · 您提出的异议已处理：核实属实 · 疑难个案待受理 */
  title: string;
  /** 李小明 · 11月20日 09:30 入户走访, 李小明 · 已提请区民政局 · 紧急, or why it says no more. */
  subject: string;
  /** The guardian's own words, for the staff a dispute goes to; null when there are none. */
  quote: string | null;
  /** When the message came: 11月23日 14:05 收到 (said, so it is not taken for the visit's time). */
  receivedAt: string;
  /** Whether tapping it opens the visit's or the case's page: not when the reader may no longer read it. */
  opens: boolean;
}

const NO_LONGER_YOURS = '该儿童已不在您的服务范围内，无法查看详情';
const CASE_NO_LONGER_YOURS = '该个案已不在您的查看范围内，无法查看详情';

type CaseMessageKind = Extract<InboxItem['kind'], 'escalationRaised' | 'escalationOverdue'>;

function isCaseMessage(kind: InboxItem['kind']): kind is CaseMessageKind {
  return kind === 'escalationRaised' || kind === 'escalationOverdue';
}

/**
 * What happened, in words that do not contradict where the case stands now (the subject's): 待受理 and 超时未受理 only
 * while the case still waits at the reader's level; once it moved on, what came (收到疑难个案) or what was (曾超时未受理).
 * The director and the organization are only told that it was raised.
 */
function caseTitleOf(kind: CaseMessageKind, reader: Role, found: InboxItem['case']): string {
  const waitsOnReader = found !== null && found.status === 'raised' && found.level === caseLevelOfRole[reader];
  if (kind === 'escalationOverdue') return waitsOnReader || found === null ? '疑难个案超时未受理' : '疑难个案曾超时未受理';
  if (!isCaseHandler(reader)) return '疑难个案已提请办理';
  return waitsOnReader ? '疑难个案待受理' : '收到疑难个案';
}

function describeCaseMessage(item: InboxItem, kind: CaseMessageKind, reader: Role, receivedAt: string): MessageWords {
  const found = item.case;
  const title = caseTitleOf(kind, reader, found);
  if (found === null || item.escalationId === null) return { title, subject: CASE_NO_LONGER_YOURS, quote: null, receivedAt, opens: false };
  const subject = [found.childName, whereNowText(found), found.urgent ? '紧急' : null].filter(Boolean).join(' · ');
  return { title, subject, quote: null, receivedAt, opens: true };
}

function titleOf(item: InboxItem, reader: Role): string {
  const about = item.about;
  if (item.kind === 'disputeResolved') {
    // A guardian reads of their own dispute; staff of the family's.
    const lead = reader === 'guardian' ? '您提出的异议已处理' : '监护人异议已处理';
    return about?.outcome ? `${lead}：${labelOf(disputeOutcomeNames, about.outcome)}` : lead;
  }
  const reasons = about?.reasons.map((reason) => labelOf(disputeReasonNames, reason)) ?? [];
  return reasons.length > 0 ? `监护人有异议：${joinNames(reasons)}` : '监护人对走访有异议';
}

type DigestItem = InboxItem & { digest: DueDigest | SupervisorDigest | GuardianDigest };

function isDigest(item: InboxItem): item is DigestItem {
  return item.digest !== null && (item.kind === 'dueDigest' || item.kind === 'supervisorDigest' || item.kind === 'guardianDigest');
}

/**
 * A morning digest: counts only (the lists themselves, as they stand now, are a tap away), so it says where they are
 * and opens them (digestDestination).
 */
function describeDigest(item: DigestItem, receivedAt: string): MessageWords {
  if (item.kind === 'supervisorDigest') {
    const d = item.digest as SupervisorDigest;
    const parts = [
      d.overdueLong > 0 ? `${d.overdueLong} 项逾期超过 ${d.overdueAfterDays} 天` : null,
      d.withoutTeam > 0 ? `${d.withoutTeam} 名儿童无服务团队` : null,
      d.disputed > 0 ? `${d.disputed} 条有异议` : null,
      d.unconfirmed > 0 ? `${d.unconfirmed} 条超期未确认` : null,
      d.unacknowledgedConcerns > 0 ? `${d.unacknowledgedConcerns} 条线索未受理` : null,
      (d.safetyDue ?? 0) > 0 ? `${d.safetyDue} 项安全教育临近期限` : null,
    ].filter(Boolean);
    return { title: '今日督导提醒', subject: parts.join(' · '), quote: null, receivedAt, opens: true };
  }
  if (item.kind === 'guardianDigest') {
    const d = item.digest as GuardianDigest;
    return { title: '走访待确认提醒', subject: `${d.awaitingAnswer} 次走访等待您确认`, quote: null, receivedAt, opens: true };
  }
  const d = item.digest as DueDigest;
  const parts = [
    d.overdue > 0 ? `${d.overdue} 项已逾期` : null,
    d.dueSoon > 0 ? `${d.dueSoon} 项 ${d.dueSoonDays} 天内到期` : null,
    (d.safetyDue ?? 0) > 0 ? `本村 ${d.safetyDue} 项安全教育临近期限` : null,
  ].filter(Boolean);
  return { title: '今日待办走访提醒', subject: `${parts.join(' · ')} · 请到首页“待办走访”查看`, quote: null, receivedAt, opens: true };
}

/**
 * Where tapping a digest goes: the list it summarises. A worker's is the home page's 待办走访, a guardian's the home
 * page's 待确认的走访; a supervisor's the list of what most needs them that morning: disputes, then visits left
 * unconfirmed, then concerns not acknowledged, else the home page (overdue visits and children without a team are
 * counted there). The home page is reopened rather than stacked on the inbox, so back does not return to the inbox.
 */
export type DigestDestination = { kind: 'home' } | { kind: 'attention'; state: 'disputed' | 'unconfirmed' } | { kind: 'concernQueue' };

export function digestDestination(item: InboxItem): DigestDestination | null {
  if (!isDigest(item)) return null;
  if (item.kind !== 'supervisorDigest') return { kind: 'home' };
  const d = item.digest as SupervisorDigest;
  if (d.disputed > 0) return { kind: 'attention', state: 'disputed' };
  if (d.unconfirmed > 0) return { kind: 'attention', state: 'unconfirmed' };
  if (d.unacknowledgedConcerns > 0) return { kind: 'concernQueue' };
  return { kind: 'home' };
}

/** R4's reminder to send last month's report: the region, the month and by when; it opens the month's report. */
function describeReportDue(report: NonNullable<InboxItem['report']>, now: Date, receivedAt: string): MessageWords {
  const overdue = now.getTime() >= new Date(report.deadline).getTime();
  const subject = `${report.regionName} ${monthLabel(report.month)}汇报未提交 · ${overdue ? '已过截止' : '截止'} ${deadlineLabel(report.deadline)}`;
  return { title: '月度汇报提交提醒', subject, quote: null, receivedAt, opens: true };
}

/** R9's flag to the district: which organization gave no service for two months; it opens the month's report. */
function describeOrganizationIdle(organization: NonNullable<InboxItem['organization']>, receivedAt: string): MessageWords {
  const subject = `${organization.organizationName} · ${monthLabel(organization.month)}及上月未提供服务`;
  return { title: '服务机构连续两个月未提供服务', subject, quote: null, receivedAt, opens: true };
}

/** R5: an activity the reader signed up for (or their child) was cancelled; nothing left to open. */
function describeActivityCancelled(activity: NonNullable<InboxItem['activity']>, receivedAt: string): MessageWords {
  const [, month, day] = activity.date.split('-').map(Number);
  return { title: '活动已取消', subject: `${activity.title} · ${month}月${day}日 ${activity.time}`, quote: null, receivedAt, opens: false };
}

type CaseNoticeKind = Extract<InboxItem['kind'], 'stateGuardianshipCleared' | 'caseClosingAnnounced' | 'caseClosed'>;

const caseNoticeTitles: Record<CaseNoticeKind, string> = {
  stateGuardianshipCleared: '请按时领回孩子',
  caseClosingAnnounced: '个案即将结案',
  caseClosed: '个案已结案',
};

function isCaseNotice(kind: InboxItem['kind']): kind is CaseNoticeKind {
  return kind in caseNoticeTitles;
}

/** R22 / R15: the family told to collect their child, or that the case closes; the dates are the message. */
function describeCaseNotice(kind: CaseNoticeKind, notice: NonNullable<InboxItem['caseNotice']>, receivedAt: string): MessageWords {
  const title = caseNoticeTitles[kind];
  if (notice.childName === null) return { title, subject: NO_LONGER_YOURS, quote: null, receivedAt, opens: false };
  const what =
    kind === 'stateGuardianshipCleared'
      ? `经评估可以回家，请在${formatDate(notice.on)}前领回`
      : kind === 'caseClosingAnnounced'
        ? `最早于${formatDate(notice.on)}结案`
        : `已于${formatDate(notice.on)}结案${notice.followUpEndsOn ? `，服务团队回访到${formatDate(notice.followUpEndsOn)}` : ''}`;
  return { title, subject: `${notice.childName} · ${what}`, quote: null, receivedAt, opens: false };
}

/** The words of one message for its reader, dates in Beijing time as everywhere else. */
export function describeMessage(item: InboxItem, reader: Role, now: Date): MessageWords {
  const about = item.about;
  const receivedAt = `${formatDateTime(item.at, now)} 收到`;
  if (isDigest(item)) return describeDigest(item, receivedAt);
  if (item.kind === 'reportDue' && item.report) return describeReportDue(item.report, now, receivedAt);
  if (item.kind === 'organizationIdle' && item.organization) return describeOrganizationIdle(item.organization, receivedAt);
  if (item.kind === 'volunteerApplied') return { title: '志愿者申请', subject: '有新的志愿者申请待审核', quote: null, receivedAt, opens: true };
  if (item.kind === 'activityCancelled' && item.activity) return describeActivityCancelled(item.activity, receivedAt);
  // R23: the worker's grade and the review's outcome; 我的考核 has the detail.
  if (item.kind === 'evaluationPublished') return { title: '年度考核结果已公布', subject: '请在“我的考核”中查看，7天内可申请复核', quote: null, receivedAt, opens: false };
  if (item.kind === 'evaluationReviewDecided') return { title: '考核复核已有结果', subject: '请在“我的考核”中查看', quote: null, receivedAt, opens: false };
  if (isCaseNotice(item.kind)) {
    const notice = item.caseNotice ?? { on: '', followUpEndsOn: null, childName: null };
    return describeCaseNotice(item.kind, notice, receivedAt);
  }
  if (isCaseMessage(item.kind)) return describeCaseMessage(item, item.kind, reader, receivedAt);
  if (about === null) return { title: titleOf(item, reader), subject: NO_LONGER_YOURS, quote: null, receivedAt, opens: false };
  const visit = `${formatDateTime(about.visitStartedAt, now)} ${visitKindText({ kind: about.visitKind, contactChannel: about.contactChannel })}`;
  const withdrawn = about.withdrawn ? '（记录已撤回）' : '';
  return {
    title: titleOf(item, reader),
    subject: `${about.childName} · ${visit}${withdrawn}`,
    quote: about.note === '' ? null : `“${about.note}”`,
    receivedAt,
    opens: true,
  };
}

/** The home page's entry: 3 条未读, or that there is nothing new. */
export function unreadText(count: number): string {
  return count > 0 ? `${count} 条未读` : '没有新消息';
}
