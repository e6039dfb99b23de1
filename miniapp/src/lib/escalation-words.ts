import type { EscalationLevel, EscalationLists, EscalationStatus, EscalationSummary, EscalationView } from '../api/escalation-types';
import type { Role } from '../api/types';
import { escalationLevels, levelAbove } from '../../../functions/src/domain/escalation-levels';
import { canCheckIn } from './check-in-form';
import { formatDateTime } from './beijing-time';
import { escalationStatusNames, labelOf } from './labels';

/** Issue 8, R6: difficult cases (疑难个案) in the words a supervisor or an officer reads, never codes. */

/** Who holds a case at each level, as the people there call themselves. */
export const levelHolderNames: Record<EscalationLevel, string> = {
  town: '镇（街道）督导员',
  district: '区民政局',
  city: '市民政局',
};

export function holderOf(level: EscalationLevel | string): string {
  return labelOf(levelHolderNames, level);
}

/** 待受理, 已受理, 已解决. */
export function caseStatusText(status: EscalationStatus | string): string {
  return labelOf(escalationStatusNames, status);
}

/** Where a case stands now, with who holds it: 已提请区民政局, 区民政局已受理, 区民政局已解决. */
export function whereNowText({ level, status }: { level: EscalationLevel; status: EscalationStatus }): string {
  if (status === 'raised') return `已提请${holderOf(level)}`;
  return `${holderOf(level)}${caseStatusText(status)}`;
}

type Deadline = Pick<EscalationSummary, 'status' | 'acknowledgeBy' | 'overdue'>;

/**
 * By when the level that holds it must acknowledge it (请于…), or by when it should have (应于…: shown in red beside
 * the 超时未受理 tag, which says it in words); null once acknowledged, when there is no deadline left to meet.
 */
export function deadlineText(deadline: Deadline, now: Date): string | null {
  if (deadline.status !== 'raised') return null;
  const by = formatDateTime(deadline.acknowledgeBy, now);
  return deadline.overdue ? `应于${by}前受理` : `请于${by}前受理`;
}

/**
 * A queue's line under the village's name: when it came to this level, and by when to acknowledge it or when it was
 * resolved (its last change); an acknowledged one's status is its tag's to say.
 */
export function queueLineNote(line: EscalationSummary, now: Date): string {
  const came = `${formatDateTime(line.raisedAt, now)} 收到`;
  const resolved = line.status === 'resolved' ? `${formatDateTime(line.updatedAt, now)} 解决` : null;
  return [came, deadlineText(line, now) ?? resolved].filter(Boolean).join(' · ');
}

/** A line of 下级超时未受理 (its tag says 超时未受理): which level let it pass, and since when. */
export function overdueBelowNote(line: EscalationSummary, now: Date): string {
  return `${holderOf(line.level)}应于${formatDateTime(line.acknowledgeBy, now)}前受理`;
}

export type CaseStep = EscalationView['nextSteps'][number];

/** The button of a step: 受理, 解决, 上报区民政局 (raising names where it goes). */
export function stepButtonText(step: CaseStep | string, level: EscalationLevel): string {
  if (step === 'acknowledge') return '受理';
  if (step === 'resolve') return '解决';
  const above = levelAbove(level);
  return above === null ? '上报' : `上报${holderOf(above)}`;
}

/** The level each role works: the supervisor's town, the district's and the city's officers. */
export const caseLevelOfRole: Partial<Record<Role, EscalationLevel>> = {
  supervisor: 'town',
  districtOfficer: 'district',
  cityOfficer: 'city',
};

export function isCaseHandler(role: Role | string): boolean {
  return role in caseLevelOfRole;
}

/** The level whose overdue cases a level is shown; none below the town. */
export function levelBelow(level: EscalationLevel): EscalationLevel | null {
  return escalationLevels[escalationLevels.indexOf(level) - 1] ?? null;
}

/** The queue's empty state: what would appear there, and from whom it comes. */
export function emptyQueueText(level: EscalationLevel): { text: string; detail: string } {
  const below = levelBelow(level);
  const from = below === null ? '村（社区）儿童主任或社工提请' : `${holderOf(below)}上报`;
  return { text: '暂时没有需要本级办理的疑难个案', detail: `${from}后，会显示在这里` };
}

/** The empty state of 下级超时未受理; null for the town, which has no level below. */
export function emptyOverdueBelowText(level: EscalationLevel): { text: string; detail: string } | null {
  const below = levelBelow(level);
  if (below === null) return null;
  return { text: `${holderOf(below)}没有超时未受理的个案`, detail: '过了受理期限还没有受理的，会显示在这里' };
}

/** A count of the home page's 疑难个案 entry worth a red tag: its words and the number, said apart for tests. */
export interface CaseCountTag {
  key: 'urgent' | 'overdue' | 'overdueBelow';
  label: string;
  count: number;
}

/**
 * The red tags under the home page's entry: urgent and overdue cases of the level, and the level below's overdue
 * ones (for the district and the city); only those that are not zero, so a quiet day shows none.
 */
export function caseCountTags(counts: EscalationLists['counts'], level: EscalationLevel | null): CaseCountTag[] {
  const below = level === null ? null : levelBelow(level);
  const tags: CaseCountTag[] = [
    { key: 'urgent', label: '紧急', count: counts.urgent },
    { key: 'overdue', label: '超时未受理', count: counts.overdue },
  ];
  if (below !== null) tags.push({ key: 'overdueBelow', label: `${holderOf(below)}超时未受理`, count: counts.overdueBelow });
  return tags.filter((tag) => tag.count > 0);
}

/** 待区民政局受理, 镇（街道）督导员已受理，正在办理, 已由市民政局解决: a case's standing on the child's page. */
export function caseStandingText(escalation: { status: EscalationStatus | string; level: EscalationLevel | string }): string {
  const holder = holderOf(escalation.level);
  if (escalation.status === 'raised') return `待${holder}受理`;
  if (escalation.status === 'acknowledged') return `${holder}已受理，正在办理`;
  if (escalation.status === 'resolved') return `已由${holder}解决`;
  return escalation.status;
}

/** A case in a list is named by the first line of its problem; the rest is on its own page. */
export function caseTitle(problem: string): string {
  return problem.trim().split('\n')[0].trim();
}

type TrailStep = EscalationView['trail'][number];

export interface TrailStepWords {
  who: string;
  /** The step with the level it happened at: 上报区民政局, 镇（街道）督导员受理. */
  what: string;
  /** What the person wrote (a resolution, a reason to raise it further); null when nothing. */
  note: string | null;
}

/** One step of a case's trail; `first` is the step that raised the case (to the town). */
export function trailStepWords(step: TrailStep, first: boolean): TrailStepWords {
  const holder = holderOf(step.level);
  const who = step.byName ?? (step.byUserId === null ? '系统' : '工作人员');
  const note = step.note.trim() === '' ? null : step.note;
  switch (step.action) {
    case 'raised':
      return { who, what: first ? `提请${holder}` : `上报${holder}`, note };
    case 'acknowledged':
      return { who, what: `${holder}受理`, note };
    case 'resolved':
      return { who, what: `${holder}解决`, note };
    case 'overdue':
      // The product's own step: its note repeats what it says.
      return { who, what: `${holder}超时未受理，已提醒`, note: null };
    default:
      return { who, what: step.action, note };
  }
}

/** The trail newest first, each step with its place in the trail (the first raised the case); `limit` cuts it short. */
export function newestSteps(trail: readonly TrailStep[], limit = trail.length): { step: TrailStep; index: number }[] {
  return trail
    .map((step, index) => ({ step, index }))
    .reverse()
    .slice(0, limit);
}

/** Everyone who works the child's case reads its difficult cases; never the family, never a volunteer (escalation-access.ts). */
const readerRoles: readonly Role[] = ['socialWorker', 'director', 'orgAdmin', 'supervisor', 'districtOfficer', 'cityOfficer'];

export function mayReadEscalations(role: Role | string): boolean {
  return (readerRoles as readonly string[]).includes(role);
}

/**
 * The child's own social worker or the director of its village: the two who visit it (R3, R11) are the two who raise
 * its difficult cases (R6), and a closed record takes neither.
 */
export function mayRaiseEscalation(...args: Parameters<typeof canCheckIn>): boolean {
  return canCheckIn(...args);
}
