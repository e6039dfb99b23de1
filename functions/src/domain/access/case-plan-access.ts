import type { Actor, Role } from '../user.js';
import { decideChildAccess, type AccessDecision, type ChildRelations } from './child-access.js';

/**
 * A child's case (R2 plan, R15 reviews and closing, the handbook, R22 state guardianship): the team that works it and
 * the town's supervisor write it; the district's and the city's officers read it; a guardian reads the family-facing
 * part only (never internal notes nor the closing report's assessment of the family); a volunteer and anyone the
 * child's record is closed to get nothing (decideChildAccess answers them first, so they learn nothing).
 */
export type CasePlanView = 'full' | 'family';

const writerRoles: readonly Role[] = ['socialWorker', 'director', 'supervisor'];
const fullReaderRoles: readonly Role[] = [...writerRoles, 'districtOfficer', 'cityOfficer'];

export function decideCasePlanRead(actor: Actor, child: ChildRelations): AccessDecision & { view?: CasePlanView } {
  const read = decideChildAccess(actor, 'read', child);
  if (!read.allowed) return read;
  if (actor.role === 'guardian') return { allowed: true, view: 'family' };
  if (fullReaderRoles.includes(actor.role)) return { allowed: true, view: 'full' };
  return { allowed: false, denial: 'roleCannot' };
}

export function decideCasePlanWrite(actor: Actor, child: ChildRelations): AccessDecision {
  const read = decideChildAccess(actor, 'read', child);
  if (!read.allowed) return read;
  return writerRoles.includes(actor.role) ? { allowed: true } : { allowed: false, denial: 'roleCannot' };
}
