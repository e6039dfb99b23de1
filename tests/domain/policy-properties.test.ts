import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, laterDate } from '../../functions/src/domain/calendar.js';
import { childCategories, childFlags, riskLevels, type Team } from '../../functions/src/domain/child.js';
import { guardianshipRevocationReasons, type FollowUpTrigger } from '../../functions/src/domain/follow-up.js';
import {
  obligationKeyOf,
  obligationKinds,
  performers,
  visitRuleIds,
  type Obligation,
  type VisitRuleId,
} from '../../functions/src/domain/obligation.js';
import {
  computeObligations,
  obligationKeysCompletedBy,
  type LastCompletions,
  type PolicySubject,
} from '../../functions/src/domain/policy-engine.js';
import { visitKinds, visitPurposes, type R3Assessment } from '../../functions/src/domain/visit.js';

/**
 * Issue 3, part 1: the engine's promises, checked over children built from the real enums. A date is a day between
 * 2024 and 2028 so months of every length, leap days and year ends all occur.
 */
const dateArb = fc.integer({ min: 0, max: 5 * 366 }).map((n) => addDays('2024-01-01', n));
const keys = obligationKinds.flatMap((kind) => performers.map((performer) => obligationKeyOf({ kind, performer })));

const triggerArb: fc.Arbitrary<FollowUpTrigger> = fc.oneof(
  fc.record({ kind: fc.constant('returnedHome' as const), on: dateArb }),
  fc.record({ kind: fc.constant('guardianshipRevoked' as const), on: dateArb, reason: fc.constantFrom(...guardianshipRevocationReasons) }),
);

const childArb: fc.Arbitrary<PolicySubject> = fc.record({
  id: fc.constant('ch-1'),
  registeredOn: dateArb,
  categories: fc.subarray([...childCategories], { minLength: 1 }),
  flags: fc.subarray([...childFlags]),
  riskLevel: fc.constantFrom(...riskLevels),
  followUpTriggers: fc.array(triggerArb, { maxLength: 3 }),
  status: fc.constantFrom('active' as const, 'active' as const, 'closed' as const),
});

const completionsArb: fc.Arbitrary<LastCompletions> = fc.dictionary(fc.constantFrom(...keys), dateArb, { maxKeys: keys.length });
const policyArb = fc.subarray([...visitRuleIds]);

function byKey(obligations: Obligation[]): Map<string, Obligation> {
  return new Map(obligations.map((o) => [obligationKeyOf(o), o]));
}

const team: Team = { supervisorId: 'sup-1', directorId: 'dir-1', socialWorkerId: 'sw-1' };
const visitArb = fc.record({
  kind: fc.constantFrom(...visitKinds),
  purpose: fc.constantFrom(...visitPurposes),
  participantIds: fc.subarray(['sup-1', 'dir-1', 'sw-1', 'sw-9'], { minLength: 1 }),
  r3: fc.constantFrom<R3Assessment[]>(
    { applies: false, met: true, shortfalls: [] },
    { applies: true, met: true, shortfalls: [] },
    { applies: true, met: false, shortfalls: ['入户时长不足2小时（实际90分钟）'] },
  ),
});

describe('policy engine properties (issue 3)', () => {
  it('(a) adding a rule to a policy never makes a due date later, and no obligation disappears', () => {
    const added = fc.constantFrom(...visitRuleIds);
    fc.assert(
      fc.property(childArb, policyArb, added, completionsArb, dateArb, (child, policy, rule, last, today) => {
        const before = byKey(computeObligations(child, policy, last, today));
        const widened: VisitRuleId[] = [...new Set([...policy, rule])];
        const after = byKey(computeObligations(child, widened, last, today));
        for (const [key, old] of before) {
          expect(after.get(key)?.dueDate, key).toBeDefined();
          expect(after.get(key)!.dueDate <= old.dueDate, `${key}: ${after.get(key)!.dueDate} > ${old.dueDate}`).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('(b) completing an obligation never makes the child more overdue on any day', () => {
    fc.assert(
      fc.property(childArb, policyArb, completionsArb, visitArb, fc.integer({ min: 0, max: 120 }), dateArb, (child, policy, last, visit, gap, today) => {
        const completed = obligationKeysCompletedBy(visit, team);
        const latest = completed.reduce((d, key) => laterDate(d, last[key] ?? d), '2024-01-01');
        const on = addDays(latest, gap);
        const next: LastCompletions = { ...last, ...Object.fromEntries(completed.map((key) => [key, on])) };
        const before = byKey(computeObligations(child, policy, last, today));
        const after = byKey(computeObligations(child, policy, next, today));
        for (const [key, now] of after) {
          expect(before.has(key), `${key} appeared`).toBe(true);
          expect(now.dueDate >= before.get(key)!.dueDate, `${key}: ${now.dueDate} < ${before.get(key)!.dueDate}`).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('(c) a due date is after the last completion and after registration', () => {
    fc.assert(
      fc.property(childArb, policyArb, completionsArb, dateArb, (child, policy, last, today) => {
        for (const o of computeObligations(child, policy, last, today)) {
          expect(o.lastCompletedOn).toBe(last[obligationKeyOf(o)] ?? null);
          if (o.ruleId === 'R2') {
            // R2: owed by the first end of February on or after registration, which may be registration day itself.
            expect(o.dueDate > (o.lastCompletedOn ?? '') && o.dueDate >= child.registeredOn).toBe(true);
          } else {
            expect(o.dueDate > laterDate(o.lastCompletedOn ?? child.registeredOn, child.registeredOn)).toBe(true);
          }
          if (o.kind === 'followUp') expect(o.dueDate <= o.endsOn!).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('(d) one obligation per (kind, performer), from a rule of the policy or R2 (every child), sorted by due date; none for a closed child', () => {
    fc.assert(
      fc.property(childArb, policyArb, completionsArb, dateArb, (child, policy, last, today) => {
        const obligations = computeObligations(child, policy, last, today);
        if (child.status === 'closed') expect(obligations).toEqual([]);
        expect(byKey(obligations).size).toBe(obligations.length);
        for (const o of obligations) {
          expect([...policy, 'R2']).toContain(o.ruleId);
          for (const other of o.alsoRequiredBy) expect(policy.filter((id) => id !== o.ruleId)).toContain(other);
        }
        const dues = obligations.map((o) => o.dueDate);
        expect(dues).toEqual([...dues].sort());
      }),
      { numRuns: 1000 },
    );
  });
});
