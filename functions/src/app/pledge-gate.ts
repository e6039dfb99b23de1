import { pledgeRefusesChildData, type AccessDecision } from '../domain/access-policy.js';
import type { AuditAction } from '../domain/audit.js';
import { PledgeRequiredError } from '../domain/errors.js';
import type { Actor } from '../domain/user.js';

/**
 * R8 (issue 11): someone who must sign the pledge and has not signed the current version is refused children's data
 * with pledge-required (403, leading to the pledge), before any lookup: a missing record and someone else's answer
 * the same, so the refusal reveals nothing about which ids exist.
 */
export function assertPledgeForChildData(actor: Actor, attempted: AuditAction, childId: string | null = null): void {
  if (pledgeRefusesChildData(actor)) throw new PledgeRequiredError().refusing({ reason: 'pledgeMissing', action: attempted, childId });
}

/** The pledge's own refusal when that is why the policy said no; else null (the caller answers as before). */
export function pledgeRefusalOf(decision: AccessDecision, attempted: AuditAction, childId: string | null = null): PledgeRequiredError | null {
  return !decision.allowed && decision.denial === 'pledgeMissing'
    ? new PledgeRequiredError().refusing({ reason: 'pledgeMissing', action: attempted, childId })
    : null;
}
