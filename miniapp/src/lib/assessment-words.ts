import type { RiskBasis } from '../api/assessment-types';
import type { ChildDetail, Role, TeamMember } from '../api/types';
import { assessmentKindNames } from '../../../functions/src/domain/labels';
import { riskLabelOf } from './labels';

/** R18's words, shared with the file's PDF (R7). */
export {
  assessmentDimensionNames as dimensionNames,
  assessmentKindNames,
  assessmentScoreNames as scoreNames,
  assessmentSourceNames as sourceNames,
} from '../../../functions/src/domain/labels';

/** 11月30日 (this year) or 2025年11月30日. */
export function monthDayText(date: string, today: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${date.slice(0, 4) === today.slice(0, 4) ? '' : `${y}年`}${m}月${d}日`;
}

/** Where the risk level came from: 依据11月30日首次评估, 督导员调整：理由, or 待评估 (registration's initial level). */
export function riskBasisText(basis: RiskBasis | null | undefined, today: string): string {
  if (!basis) return '待评估（登记时初定）';
  if (basis.kind === 'assessment') return `依据${monthDayText(basis.heldOn, today)}${assessmentKindNames[basis.assessmentKind]}`;
  return `督导员调整：${basis.reason}`;
}

export function riskWithBasisText(child: Pick<ChildDetail, 'riskLevel' | 'riskBasis'>, today: string): string {
  if (!child.riskLevel) return '';
  return `${riskLabelOf(child.riskLevel)} · ${riskBasisText(child.riskBasis, today)}`;
}

/** Roles that read assessments (domain/access/assessment-access.ts): never families or volunteers. */
export function mayReadAssessments(role: Role): boolean {
  return ['socialWorker', 'director', 'supervisor', 'districtOfficer', 'cityOfficer'].includes(role);
}

/** The team's social worker or director, or the town's supervisor (the server decides; this only offers the button). */
export function mayRecordAssessment(user: { id: string; role: Role }, child: Pick<ChildDetail, 'team' | 'status'>): boolean {
  if (child.status !== 'active' || !child.team) return false;
  if (user.role === 'supervisor') return true;
  if (user.role === 'socialWorker') return child.team.socialWorkerId === user.id;
  if (user.role === 'director') return child.team.directorId === user.id;
  return false;
}

export function mayOverrideRisk(role: Role, child: Pick<ChildDetail, 'status'>): boolean {
  return role === 'supervisor' && child.status === 'active';
}

/** Those present, preselected: the whole team (R2 asks all three at the first). */
export function teamIdsOf(members: readonly TeamMember[]): string[] {
  return members.map((member) => member.userId);
}
