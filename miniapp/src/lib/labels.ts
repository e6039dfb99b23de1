/**
 * Chinese labels for code names. The maps live in the domain (labels.ts imports no zod, so importing values from
 * it keeps the schemas out of the bundle); this module adds the lookups pages need.
 */
import { riskLevelNames } from '../../../functions/src/domain/labels';
import type { Role, TeamMember } from '../api/types';

export * from '../../../functions/src/domain/labels';

/** Looks a code up in a label map; an unknown code (a newer server) shows as itself rather than blank. */
export function labelOf<K extends string>(names: Record<K, string>, code: K | string): string {
  return (names as Record<string, string>)[code] ?? code;
}

/** The risk tag reads 红色风险 etc., so the colour is never the only carrier of the meaning. */
export function riskLabelOf(level: string): string {
  return `${labelOf(riskLevelNames, level)}风险`;
}

export type HomeKind = 'staff' | 'guardian' | 'volunteer';

/** Which home page a role gets: workers see a roster, guardians their own children, volunteers no child records. */
export function homeKindOf(role: Role): HomeKind {
  if (role === 'guardian') return 'guardian';
  if (role === 'volunteer') return 'volunteer';
  return 'staff';
}

/** Roles that check in at the home and keep a visit schedule (R3 social worker, R11 children's director). */
export function isVisitingWorker(role: Role): boolean {
  return role === 'socialWorker' || role === 'director';
}

/** R1's team as a family meets it: who visits, who is in the village, who leads (执行、协助、牵头 in plain words). */
export const teamRoleDuties: Record<TeamMember['role'], string> = {
  socialWorker: '儿童福利社工 · 定期上门看望',
  director: '儿童主任 · 本村（居）联系人',
  supervisor: '儿童督导员 · 镇（街道）负责人',
};

