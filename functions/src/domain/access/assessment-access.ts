import type { Actor, Role } from '../user.js';
import { decideChildAccess, type AccessDecision, type ChildRelations } from './child-access.js';

/**
 * Guardianship assessments (issue 12, R18): recorded by the child's execution team (R1: social worker, children's
 * director, supervisor) and by the supervisor of the child's town; read by them and by the district's and city's
 * officers. Never by the family or a volunteer: the form is the workers' judgement of the family (no labelling).
 * The risk level's override is the town supervisor's alone, and needs a reason (the use case holds that).
 */
const readerRoles: readonly Role[] = ['socialWorker', 'director', 'supervisor', 'districtOfficer', 'cityOfficer'];

const allowed: AccessDecision = { allowed: true };

export type AssessmentAction = 'read' | 'record' | 'overrideRisk';

/** Asked of a child the actor may already read (else the caller answers 404); a denial here is a 403. */
export function decideAssessmentAccess(actor: Actor, action: AssessmentAction, child: ChildRelations): AccessDecision {
  const read = decideChildAccess(actor, 'read', child);
  if (!read.allowed) return read;
  if (!readerRoles.includes(actor.role)) return { allowed: false, denial: 'roleCannot' };
  switch (action) {
    case 'read':
      return allowed;
    case 'record':
      // The supervisor reads the whole town (its scope); the social worker and the director only as the team's.
      if (actor.role === 'supervisor') return allowed;
      if (actor.role === 'socialWorker') return allowed;
      if (actor.role === 'director') return child.team?.directorId === actor.id ? allowed : { allowed: false, denial: 'notRelated' };
      return { allowed: false, denial: 'roleCannot' };
    case 'overrideRisk':
      return actor.role === 'supervisor' ? allowed : { allowed: false, denial: 'roleCannot' };
  }
}
