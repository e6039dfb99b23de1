import { describe, expect, it } from 'vitest';
import { noPolicyEffect, policyChangeOn, withChildEffect } from '../../functions/src/domain/policy-preview.js';
import { policySubject, today } from './policy-fixtures.js';

// Registered 2026-01-05 (policy-fixtures.ts), nothing completed since.
describe('what a policy change does to one child (issue 7, B8)', () => {
  it('counts an obligation the new rules add, and one they drop', () => {
    const leftBehind = policySubject({ categories: ['leftBehind'] });
    // R11 (director: contact and home visit) replaced by R20 (director: home visit twice a month).
    expect(policyChangeOn(leftBehind, ['R11'], ['R20'], {}, today)).toEqual({ added: 0, removed: 1, dueDateMoved: 1 });
    expect(policyChangeOn(leftBehind, ['R20'], ['R11'], {}, today)).toEqual({ added: 1, removed: 0, dueDateMoved: 1 });
  });

  it('does not count an obligation whose rule changes but whose due date stays (R3 and R14 for a red child)', () => {
    const red = policySubject({ riskLevel: 'red' });
    expect(policyChangeOn(red, ['R3', 'R14'], ['R14'], {}, today)).toEqual({ added: 0, removed: 0, dueDateMoved: 0 });
    // Green: R14 alone visits half-yearly, so dropping R3 moves the visit.
    expect(policyChangeOn(policySubject(), ['R3', 'R14'], ['R14'], {}, today)).toEqual({ added: 0, removed: 0, dueDateMoved: 1 });
  });

  it('counts from the child’s last completions, the same for both sides', () => {
    const green = policySubject();
    const visited = { 'homeVisit:socialWorker': '2026-11-01' };
    expect(policyChangeOn(green, ['R3'], ['R3', 'R14'], visited, today)).toEqual({ added: 0, removed: 0, dueDateMoved: 0 });
  });

  it('adds children up: a child is affected once, however many of its obligations move', () => {
    const total = [
      { added: 1, removed: 0, dueDateMoved: 2 },
      { added: 0, removed: 0, dueDateMoved: 0 },
      { added: 0, removed: 1, dueDateMoved: 0 },
    ].reduce(withChildEffect, noPolicyEffect);
    expect(total).toEqual({ childrenTotal: 3, childrenAffected: 2, obligations: { added: 1, removed: 1, dueDateMoved: 2 } });
  });
});
