import type { Obligation } from '../../functions/src/domain/obligation.js';
import { computeObligations, type PolicySubject } from '../../functions/src/domain/policy-engine.js';

/** A registered, active child with no circumstances; each test adds the attributes its rule depends on. */
export function policySubject(overrides: Partial<PolicySubject> = {}): PolicySubject {
  return {
    id: 'ch-1',
    registeredOn: '2026-01-05',
    categories: ['difficult'],
    flags: [],
    riskLevel: 'green',
    followUpTriggers: [],
    status: 'active',
    ...overrides,
  };
}

export const today = '2026-11-20';

/**
 * The obligations the district's chosen rules (and the case) give, leaving out R2's yearly assessment, which every
 * child owes whatever the rules (tests/domain/yearly-assessment.test.ts): tables about one visit rule compare these.
 */
export function ruleObligationsOf(...args: Parameters<typeof computeObligations>): Obligation[] {
  return computeObligations(...args).filter((o) => o.ruleId !== 'R2');
}
