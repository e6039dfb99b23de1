import type { VisitLocation } from '../../../functions/src/domain/visit';
import type { ChildDetail, DueItem, Visit } from '../api/types';
import { daysBetween } from './beijing-time';
import { joinNames } from './format';
import {
  confirmationStateNames,
  contactChannelNames,
  disputeReasonNames,
  labelOf,
  obligationKindNames,
  performerNames,
  visitKindNames,
  visitServiceNames,
} from './labels';

export type Urgency = 'overdue' | 'today' | 'soon' | 'later';

/** An obligation due in this many days or fewer is shown as close. */
const SOON_DAYS = 3;

/** 逾期 5 天 · 今天到期 · 3 天后到期, and how urgent that is (for the colour, never the only carrier of meaning). */
export function describeDue(item: Pick<DueItem, 'overdueDays' | 'dueDate'>, today: string): { text: string; urgency: Urgency } {
  if (item.overdueDays > 0) return { text: `逾期 ${item.overdueDays} 天`, urgency: 'overdue' };
  const days = daysBetween(today, item.dueDate);
  if (days <= 0) return { text: '今天到期', urgency: 'today' };
  return { text: `${days} 天后到期`, urgency: days <= SOON_DAYS ? 'soon' : 'later' };
}

/** Most overdue first, then the soonest due; the server sends this order, lists merged on the phone keep it. */
export function sortByUrgency<T extends Pick<DueItem, 'overdueDays' | 'dueDate'>>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.overdueDays - a.overdueDays || a.dueDate.localeCompare(b.dueDate));
}

export function obligationKindText(item: Pick<DueItem, 'kind'>): string {
  return labelOf(obligationKindNames, item.kind);
}

/**
 * Whose duty it is (issue 7, B7): the assignee by name (the rule beside it says the role), or the role while the
 * child has no team.
 */
export function dueAssigneeText(item: Pick<DueItem, 'performer' | 'assigneeName'>): string {
  return item.assigneeName || labelOf(performerNames, item.performer);
}

/** 入户走访, or 联系（电话）. */
export function visitKindText(visit: Pick<Visit, 'kind' | 'contactChannel'>): string {
  const kind = labelOf(visitKindNames, visit.kind);
  return visit.contactChannel ? `${kind}（${labelOf(contactChannelNames, visit.contactChannel)}）` : kind;
}

export function servicesText(services: readonly string[]): string {
  return services.length === 0 ? '未填写' : joinNames(services.map((s) => labelOf(visitServiceNames, s)));
}

const teamRoleNames: [keyof NonNullable<ChildDetail['team']>, string][] = [
  ['socialWorkerId', '儿童福利社工'],
  ['directorId', '儿童主任'],
  ['supervisorId', '儿童督导员'],
];

type WhoCame = Pick<Visit, 'participantIds' | 'companionNames'> & { participantNames?: readonly string[] };

/**
 * Who came: each account by the name the API sends, else by its role in the child's team (R1), and the
 * companions without an account by name. 王晓静、儿童主任、李老师（共3人）
 */
export function whoCameText(visit: WhoCame, team?: ChildDetail['team']): string {
  const accounts = visit.participantIds.map(
    (id, i) => visit.participantNames?.[i] || teamRoleNames.find(([field]) => team?.[field] === id)?.[1] || '工作人员',
  );
  const people = [...accounts, ...visit.companionNames];
  return `${joinNames(people)}（共${people.length}人）`;
}

/** 待确认 · 监护人已确认 · 有异议：没有来访、时间不对（备注） */
export function confirmationText(confirmation: Visit['confirmation']): string {
  const state = labelOf(confirmationStateNames, confirmation.state);
  if (confirmation.state !== 'disputed') return state;
  const reasons = joinNames(confirmation.reasons.map((r) => labelOf(disputeReasonNames, r)));
  const note = confirmation.note ? `（${confirmation.note}）` : '';
  return `${state}：${reasons}${note}`;
}

/** How the supervisor settled the dispute (issue 7, B2), so a settled visit is not left looking disputed; else null. */
/**
 * Said on a visit's page, at any time after it, when the visit fell short of R3: it is on record, but R3's monthly
 * home visit is not done by it.
 */
export const R3_SHORT_ON_RECORD = '这次走访已登记，但不算作社工的每月入户走访，这项走访仍须另行完成。';

/**
 * R3's verdict on a home visit, in words a cadre reads, with the rule's code for RuleText to show as a tag: null when
 * the district's policy does not include R3, or the reader is not told.
 */
export function r3ResultText(r3: Visit['r3']): string | null {
  if (!r3?.applies) return null;
  return r3.met ? '符合每月入户走访要求（R3）' : `未达到每月入户走访要求（R3）：${r3.shortfalls.join('；')}`;
}

/** Where the worker stood when checking in, in words: never the coordinates. */
export function locationText(location: VisitLocation | null): string {
  if (!location) return '未获取定位（已记录为缺失）';
  return `已获取定位${location.accuracyMeters !== null ? `（精度约${Math.round(location.accuracyMeters)}米）` : ''}`;
}
