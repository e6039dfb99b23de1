import type { RegionPath } from '../region.js';
import type { Actor, Role } from '../user.js';
import type { Visit } from '../visit.js';
import {
  decideChildAccess,
  hasScopeOfItsLevel,
  hasSignedPledgeIfRequired,
  isRelated,
  type AccessDecision,
  type ChildRelations,
} from './child-access.js';

/**
 * Issue 3: who records a visit, who answers it, and who sees the work around it. A check-in is made by the social
 * worker of the child's team (R3: the assigned social worker) or the children's director of the child's village
 * (R11); a confirmation only by one of the child's guardians, on their own account (it replaces their signature in
 * the care handbook). Whoever may read the child may list its visits (a guardian sees them without the worker's
 * record, `visitFieldsHiddenFrom`); the chain check and the child's schedule of obligations are staff matters.
 */
export type VisitAction = 'checkIn' | 'confirm' | 'list' | 'read' | 'verify' | 'listObligations';

const recorders: readonly Role[] = ['socialWorker', 'director'];
/** Staff matters: a guardian who may read the child is still told no. */
const staffOnly: readonly VisitAction[] = ['verify', 'listObligations'];

export function decideVisitAccess(actor: Actor, action: VisitAction, child: ChildRelations): AccessDecision {
  if (action === 'list' || action === 'read') return decideChildAccess(actor, 'read', child);
  if (staffOnly.includes(action)) {
    const read = decideChildAccess(actor, 'read', child);
    if (!read.allowed) return read;
    return actor.role === 'guardian' ? { allowed: false, denial: 'roleCannot' } : read;
  }
  const mayTry = action === 'confirm' ? actor.role === 'guardian' : recorders.includes(actor.role);
  if (!mayTry) return { allowed: false, denial: 'roleCannot' };
  if (!hasSignedPledgeIfRequired(actor)) return { allowed: false, denial: 'pledgeMissing' };
  if (!isRelated(actor, child)) return { allowed: false, denial: 'notRelated' };
  return { allowed: true };
}

/**
 * Issue 7, B3: a check-in is corrected or withdrawn by its author alone, who must still be someone who may record
 * visits of the child (a social worker moved off the team, or a director moved to another village, no longer may).
 */
export function decideVisitAmendment(actor: Actor, child: ChildRelations, visit: Pick<Visit, 'recordedBy'>): AccessDecision {
  const recording = decideVisitAccess(actor, 'checkIn', child);
  if (!recording.allowed) return recording;
  return actor.id === visit.recordedBy ? { allowed: true } : { allowed: false, denial: 'notAuthor' };
}

/**
 * Issue 7, B2: a guardian's dispute is settled by the supervisor who leads the child's team (R1: the supervisor
 * leads), or, while the child has no team, by a supervisor of its town (the one the dispute was sent to).
 */
export function decideDisputeSettlement(actor: Actor, child: ChildRelations): AccessDecision {
  if (actor.role !== 'supervisor') return { allowed: false, denial: 'roleCannot' };
  if (!hasScopeOfItsLevel(actor)) return { allowed: false, denial: 'notRelated' };
  const leads = child.team ? child.team.supervisorId === actor.id : actor.scope!.regionId === child.region.townId;
  return leads ? { allowed: true } : { allowed: false, denial: 'notRelated' };
}

/** The guardian's home page: visits of their own children waiting for their answer. Nobody else has one. */
export function decidePendingConfirmationList(actor: Actor): AccessDecision {
  return actor.role === 'guardian' ? { allowed: true } : { allowed: false, denial: 'roleCannot' };
}

/** The people whose own schedule of visits and contacts exists: the performers of R3 and R11. */
export function mayHaveOwnObligations(actor: Actor): boolean {
  if (actor.role === 'socialWorker') return hasSignedPledgeIfRequired(actor);
  return actor.role === 'director' && hasScopeOfItsLevel(actor);
}

/**
 * An entry of the actor's own due list is shown only while the child is still theirs to visit: a director moved to
 * another village keeps no list of the old one's children (the index is rewritten later, this holds meanwhile).
 */
export function mayListOwnObligationAt(actor: Actor, region: RegionPath): boolean {
  if (!mayHaveOwnObligations(actor)) return false;
  return actor.role !== 'director' || isRelated(actor, { region, team: null, guardians: [], organizationId: null });
}

/**
 * Guardians see when the visit was, who came, what was done and their own answer; the worker's notes, the
 * problems found, the R3 judgement and where the worker stood are the worker's record, not the family's, and so
 * are the first values of a corrected record.
 */
const hiddenFromGuardians = ['notes', 'problemsFound', 'r3', 'location', 'locationMissing', 'asRecorded'] as const;
export type HideableVisitField = (typeof hiddenFromGuardians)[number] & keyof Visit;

export function visitFieldsHiddenFrom(role: Role): readonly HideableVisitField[] {
  return role === 'guardian' ? hiddenFromGuardians : [];
}

/**
 * Of a correction, a guardian is shown when it was made and which of the fields they see it changed (so that an
 * answer given before it is seen to concern the old record), not the author's reason, which may speak of the
 * worker's record.
 */
export function mayReadCorrectionReasons(role: Role): boolean {
  return role !== 'guardian';
}
