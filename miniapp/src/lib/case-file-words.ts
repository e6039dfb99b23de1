import type { ChildPage, SessionUser } from '../api';
import { shanghaiDateOf } from './beijing-time';

/**
 * Issue 12 (R7): who sees which part of a child's 档案 section. The server decides every request
 * (domain/access/case-file-access.ts); these only spare a reader buttons that would be refused.
 */
const OFFICERS = ['supervisor', 'districtOfficer', 'cityOfficer'];

/** The child's team, the town's supervisor, the district's and the city's officers export the file. */
export function mayExportCaseFile(user: Pick<SessionUser, 'id' | 'role'>, child: Pick<ChildPage, 'team'>): boolean {
  if (OFFICERS.includes(user.role)) return true;
  const team = child.team;
  return (user.role === 'director' || user.role === 'socialWorker') && !!team && (team.directorId === user.id || team.socialWorkerId === user.id);
}

/** Part 5: who has seen this child is for supervisors and officers. */
export function mayReadAccessTrail(role: string): boolean {
  return OFFICERS.includes(role);
}

/** R7: the town's supervisor sends the town's files to the district. */
export function maySubmitCaseFile(role: string): boolean {
  return role === 'supervisor';
}

/** The year whose files are gathered now: in January, last year's (due by 31 January); otherwise this year's. */
export function submissionYearOn(now: Date): number {
  const [year, month] = shanghaiDateOf(now).split('-').map(Number);
  return month === 1 ? year - 1 : year;
}

/** 截止1月31日 with the year it falls in. */
export function deadlineText(deadline: string): string {
  const [year, month, day] = deadline.split('-').map(Number);
  return `截止${year}年${month}月${day}日`;
}
