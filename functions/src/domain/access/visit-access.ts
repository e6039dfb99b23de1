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
export type VisitAction = 'checkIn' | 'confirm' | 'list' | 'verify' | 'listObligations';

const recorders: readonly Role[] = ['socialWorker', 'director'];
/** Staff matters: a guardian who may read the child is still told no. */
const staffOnly: readonly VisitAction[] = ['verify', 'listObligations'];

export function decideVisitAccess(actor: Actor, action: VisitAction, child: ChildRelations): AccessDecision {
  if (action === 'list') return decideChildAccess(actor, 'read', child);
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
 * problems found, the R3 judgement and where the worker stood are the worker's record, not the family's.
 */
const hiddenFromGuardians = ['notes', 'problemsFound', 'r3', 'location', 'locationMissing'] as const;
export type HideableVisitField = (typeof hiddenFromGuardians)[number] & keyof Visit;

export function visitFieldsHiddenFrom(role: Role): readonly HideableVisitField[] {
  return role === 'guardian' ? hiddenFromGuardians : [];
}
