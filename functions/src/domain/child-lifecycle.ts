import type { AssignTeamInput, Child, ChildProfilePatch, CreateChildInput, LegalBasis } from './child.js';
import { LegalBasisRequiredError, RuleViolationError } from './errors.js';
import { ageOn } from './time.js';

/** PIPL Art. 28, 31: under 14, a child's data is held only on a statutory duty or a guardian's consent on record. */
export const AGE_NEEDING_LEGAL_BASIS = 14;

export function assertLegalBasis(birthDate: string, legalBasis: LegalBasis | null, today: string): void {
  if (legalBasis === null && ageOn(birthDate, today) < AGE_NEEDING_LEGAL_BASIS) {
    throw new LegalBasisRequiredError(
      '未满14周岁儿童的信息须注明处理依据：法定职责，或监护人同意及其记录',
      'legalBasis',
    );
  }
}

/**
 * The dates a person enters are of things that have happened (issue 6): the schemas hold their lower bounds
 * (date-bounds.ts), this the upper one, against today in Beijing. Only the fields given are checked, so a patch is
 * not refused for a date it does not touch.
 */
export function assertDatesNotInFuture(profile: ChildProfilePatch, today: string): void {
  if (profile.birthDate !== undefined && profile.birthDate > today) {
    throw new RuleViolationError('出生日期不能晚于今天', 'birthDate');
  }
  if (profile.legalBasis?.kind === 'guardianConsent' && profile.legalBasis.consentedOn > today) {
    throw new RuleViolationError('监护人同意日期不能晚于今天', 'legalBasis.consentedOn');
  }
  const future = profile.followUpTriggers?.findIndex((trigger) => trigger.on > today) ?? -1;
  if (future >= 0) throw new RuleViolationError('事件日期不能晚于今天', `followUpTriggers.${future}.on`);
}

export function registerChild(input: CreateChildInput, id: string, now: Date, today: string): Child {
  assertDatesNotInFuture(input, today);
  assertLegalBasis(input.birthDate, input.legalBasis, today);
  const at = now.toISOString();
  return {
    id,
    ...input,
    status: 'active',
    team: null,
    teamHistory: [],
    registeredOn: today,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

/** Applies a patch already checked against the actor's writable fields; the result goes back through the rules. */
export function applyChildPatch(child: Child, patch: ChildProfilePatch, now: Date, today: string): Child {
  const next: Child = { ...child, ...patch, updatedAt: now.toISOString(), version: child.version + 1 };
  assertDatesNotInFuture(patch, today);
  assertLegalBasis(next.birthDate, next.legalBasis, today);
  return next;
}

/** R1 (000 §五.2): the social worker is in principle not changed; a change needs a reason, and it is recorded. */
export function assignTeam(child: Child, input: AssignTeamInput, byUserId: string, now: Date): Child {
  const socialWorkerChanges =
    child.team !== null && child.team.socialWorkerId !== input.team.socialWorkerId;
  if (socialWorkerChanges && input.reason === null) {
    throw new RuleViolationError('更换社工须说明理由（R1）', 'reason');
  }
  const at = now.toISOString();
  return {
    ...child,
    team: input.team,
    teamHistory: [...child.teamHistory, { at, byUserId, team: input.team, reason: input.reason }],
    updatedAt: at,
    version: child.version + 1,
  };
}
