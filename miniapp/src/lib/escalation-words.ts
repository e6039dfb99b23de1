import type { EscalationLevel, EscalationStatus, EscalationView } from '../api/escalation-types';
import type { Role } from '../api/types';
import { canCheckIn } from './check-in-form';
import { labelOf } from './labels';

/** Issue 8, R6: a difficult case in the words a busy cadre reads: who holds it, where it stands, what happened. */

/** Who holds a case at each level (the town's supervisor, then the district's and the city's civil-affairs bureau). */
export const levelHolderNames: Record<EscalationLevel, string> = {
  town: '乡镇（街道）儿童督导员',
  district: '区民政局',
  city: '市民政局',
};

export function levelHolderOf(level: EscalationLevel | string): string {
  return labelOf(levelHolderNames, level);
}

/** 待区民政局受理, 乡镇（街道）儿童督导员已受理，正在办理, 已由市民政局解决. */
export function caseStatusText(escalation: { status: EscalationStatus | string; level: EscalationLevel | string }): string {
  const holder = levelHolderOf(escalation.level);
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
  /** The step with the level it happened at: 上报区民政局, 乡镇（街道）儿童督导员受理. */
  what: string;
  /** What the person wrote (a resolution, a reason to raise it further); null when nothing. */
  note: string | null;
}

/** One step of a case's trail; `first` is the step that raised the case (to the town). */
export function trailStepWords(step: TrailStep, first: boolean): TrailStepWords {
  const holder = levelHolderOf(step.level);
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
