import type { ConcernKind, ConcernStatus, ConcernSummary, ConcernView } from '../api/concern-types';
import { joinNames } from './format';
import { concernKindNames, concernStatusNames, labelOf, riskLabelOf } from './labels';

/** Issue 8: concern reports in the words a reporter or a busy cadre reads, never codes. */

export type ConcernStep = Exclude<ConcernStatus, 'received'>;
type RiskLevel = 'red' | 'yellow' | 'green';

/** 虐待、殴打、独自在家无人照看 */
export function kindsText(kinds: readonly (ConcernKind | string)[]): string {
  return joinNames(kinds.map((kind) => labelOf(concernKindNames, kind)));
}

/**
 * A report's title in a list or on its page: its kinds, except for the problems found at a visit, which come as
 * 其他 (R11) and are better named by where they came from.
 */
export function concernTitle(concern: Pick<ConcernSummary, 'kinds' | 'channel'>): string {
  if (concern.channel === 'visit' && concern.kinds.every((kind) => kind === 'other')) return '走访中发现的问题';
  return kindsText(concern.kinds);
}

export function statusText(status: ConcernStatus | string): string {
  return labelOf(concernStatusNames, status);
}

/** What each status means to whoever reported, said under the status word on the lookup page and in "my reports". */
export const statusMeanings: Record<ConcernStatus, string> = {
  received: '报告已送到孩子所在村（社区）的儿童主任和镇（街道）儿童督导员，等待受理。',
  acknowledged: '工作人员已受理，会尽快核实情况。',
  investigating: '工作人员正在核实情况。',
  assessed: '工作人员已评估孩子的情况，正在安排帮扶。',
  assisting: '工作人员正在为孩子和家庭提供帮助。',
  referred: '已转交有关部门和机构处理。',
  closed: '已办结。',
};

export function statusMeaningOf(status: ConcernStatus | string): string {
  return labelOf(statusMeanings, status);
}

/** The button of each step a handler may take. */
export const stepActionNames: Record<ConcernStep, string> = {
  acknowledged: '受理',
  investigating: '开始核查',
  assessed: '评估风险',
  assisting: '开始帮扶',
  referred: '转介',
  closed: '办结',
};

export function stepActionOf(step: ConcernStep | string): string {
  return labelOf(stepActionNames, step);
}

/** What an unacknowledged urgent report was raised to by its deadline (R6). */
export function raisedToText(raisedTo: ConcernSummary['raisedTo']): string | null {
  if (raisedTo === 'town') return '已提请镇（街道）督导员';
  if (raisedTo === 'district') return '已提请区民政局';
  return null;
}

const channelNames: Record<ConcernSummary['channel'], string> = {
  public: '公众报告（未登录）',
  staff: '小程序用户报告',
  visit: '走访中发现的问题',
};

export function channelText(channel: ConcernSummary['channel']): string {
  return labelOf(channelNames, channel);
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** How long an open report has waited since it came in: 刚刚, 等了 25 分钟, 等了 3 小时, 等了 2 天. */
export function waitingText(reportedAt: string, now: Date): string {
  const waited = Math.max(0, now.getTime() - Date.parse(reportedAt));
  if (Number.isNaN(waited) || waited < MINUTE_MS) return '刚刚收到';
  if (waited < HOUR_MS) return `等了 ${Math.floor(waited / MINUTE_MS)} 分钟`;
  if (waited < DAY_MS) return `等了 ${Math.floor(waited / HOUR_MS)} 小时`;
  return `等了 ${Math.floor(waited / DAY_MS)} 天`;
}

/** R14's grades as the assess step offers them: the colour in words and what it means. */
export const riskChoices: readonly { value: RiskLevel; label: string; meaning: string }[] = [
  { value: 'red', label: riskLabelOf('red'), meaning: '需要密切关注' },
  { value: 'yellow', label: riskLabelOf('yellow'), meaning: '有一定问题或需求' },
  { value: 'green', label: riskLabelOf('green'), meaning: '暂无问题和需求' },
];

type TrailStep = ConcernView['trail'][number];

/** One line of a concern's trail: who took the step, what it was, and the note they wrote (null when none). */
export function trailStepText(
  step: TrailStep,
  concern: Pick<ConcernView, 'channel' | 'reporter' | 'riskLevel'>,
): { who: string; what: string; note: string | null } {
  const note = step.note.trim() === '' ? null : step.note;
  if (step.from === null) {
    const anonymous = concern.channel === 'public' && !concern.reporter.name && !concern.reporter.phone;
    const reporter = step.byName ?? concern.reporter.name ?? (anonymous ? '匿名报告人' : '报告人');
    return { who: reporter, what: concern.channel === 'visit' ? '走访时发现问题，提交报告' : '提交报告', note };
  }
  const who = step.byName ?? (step.byUserId === null ? '系统' : '工作人员');
  // A raise by the deadline keeps the status; its note is what happened.
  if (step.from === step.to) return { who, what: note ?? '提请上级', note: null };
  // A concern is assessed once in its life, so its risk level is that step's.
  const risk = step.to === 'assessed' && concern.riskLevel ? `：${riskLabelOf(concern.riskLevel)}` : '';
  return { who, what: `${stepActionOf(step.to)}${risk}`, note };
}

/** The roles that handle reports in their area and have a queue: the village's director, the town's supervisor, the district's officer. */
export function isConcernHandler(role: string): boolean {
  return role === 'director' || role === 'supervisor' || role === 'districtOfficer';
}
