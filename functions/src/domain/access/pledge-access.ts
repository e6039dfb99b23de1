import { rolesThatSignThePledge, type Actor, type User } from '../user.js';

/**
 * R8, issue 11: who sees whose pledge signatures. The org admin sees the signing state of the organization's
 * people (social workers, org admins, volunteers with that organizationId) and downloads their signed pledges; a
 * signer sees and downloads their own. Nobody else: a pledge holds a name and a drawn signature.
 */
export type PledgeDenial = 'roleCannot' | 'notRelated';
export type PledgeDecision = { allowed: true } | { allowed: false; denial: PledgeDenial };

/** Whether the actor may list who of `organizationId` has signed. */
export function decidePledgeRoster(actor: Actor, organizationId: string): PledgeDecision {
  if (actor.role !== 'orgAdmin') return { allowed: false, denial: 'roleCannot' };
  if (actor.organizationId === null || actor.organizationId !== organizationId) return { allowed: false, denial: 'notRelated' };
  return { allowed: true };
}

/** Whether the actor may read (download) the signature of `signer`. */
export function decidePledgeDownload(actor: Actor, signer: Pick<User, 'id' | 'organizationId' | 'role'>): PledgeDecision {
  if (actor.id === signer.id) return { allowed: true };
  if (actor.role !== 'orgAdmin') return { allowed: false, denial: 'roleCannot' };
  if (!rolesThatSignThePledge.includes(signer.role) || signer.organizationId === null || signer.organizationId !== actor.organizationId) {
    return { allowed: false, denial: 'notRelated' };
  }
  return { allowed: true };
}

/** The roles of an organization's people the roster lists (R8's signers). */
export const rosterRoles = rolesThatSignThePledge;
