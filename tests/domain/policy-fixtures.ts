import type { PolicySubject } from '../../functions/src/domain/policy-engine.js';

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
