import type { Child } from '../child.js';
import type { Actor } from '../user.js';
import { decideChildAccess } from './child-access.js';

/**
 * R7, issue 12 parts 4 and 5: who exports a child's file (一人一档), who reads who has seen the child, and who sends
 * the year's files to the district. Every answer first needs the child-read decision (scope, R8 pledge), then:
 * - export: the child's team (its supervisor, director and social worker), the town's supervisor, the district's and
 *   the city's officers; never a guardian, a volunteer or an organization's admin (a file is the workers' record);
 * - trail: supervisors and officers only: a director or a worker does not watch who read the child;
 * - submission: the town's supervisor sends the town's files (every child has a town; not every child has an
 *   organization, and the supervisor already leads each team, R1).
 */
export type CaseFileDenial = 'roleCannot' | 'notRelated';
export type CaseFileDecision = { allowed: true } | { allowed: false; denial: CaseFileDenial };

const allowed: CaseFileDecision = { allowed: true };

function readDecision(actor: Actor, child: Child): CaseFileDecision | null {
  const read = decideChildAccess(actor, 'read', child);
  if (read.allowed) return null;
  return { allowed: false, denial: read.denial === 'roleCannot' ? 'roleCannot' : 'notRelated' };
}

function onTeam(actor: Actor, child: Child): boolean {
  const team = child.team;
  return team !== null && [team.supervisorId, team.directorId, team.socialWorkerId].includes(actor.id);
}

export function decideCaseFileExport(actor: Actor, child: Child): CaseFileDecision {
  const refused = readDecision(actor, child);
  if (refused) return refused;
  switch (actor.role) {
    case 'supervisor':
    case 'districtOfficer':
    case 'cityOfficer':
      return allowed;
    case 'director':
    case 'socialWorker':
      return onTeam(actor, child) ? allowed : { allowed: false, denial: 'notRelated' };
    default:
      return { allowed: false, denial: 'roleCannot' };
  }
}

/** Part 5: the read and export trail of a child. */
export function decideAccessTrail(actor: Actor, child: Child): CaseFileDecision {
  if (!['supervisor', 'districtOfficer', 'cityOfficer'].includes(actor.role)) return { allowed: false, denial: 'roleCannot' };
  return readDecision(actor, child) ?? allowed;
}

/** R7: the town's supervisor sends a file of a child of the town. */
export function decideCaseFileSubmission(actor: Actor, child: Child): CaseFileDecision {
  if (actor.role !== 'supervisor') return { allowed: false, denial: 'roleCannot' };
  return readDecision(actor, child) ?? allowed;
}

/** R7: who follows a district's submissions: its officers and the city's (in scope), and a town's supervisor for the town. */
export function decideSubmissionProgress(actor: Actor, districtId: string, cityId: string | null): CaseFileDecision {
  if (actor.role === 'districtOfficer') return actor.scope?.regionId === districtId ? allowed : { allowed: false, denial: 'notRelated' };
  if (actor.role === 'cityOfficer') return cityId !== null && actor.scope?.regionId === cityId ? allowed : { allowed: false, denial: 'notRelated' };
  return { allowed: false, denial: 'roleCannot' };
}
