import { performance } from 'node:perf_hooks';
import { addDays } from '../../functions/src/domain/calendar.js';
import { childFlags, type ChildCategory, type ChildFlag, type RiskLevel } from '../../functions/src/domain/child.js';
import { guardianshipRevocationReasons, type FollowUpTrigger } from '../../functions/src/domain/follow-up.js';
import { obligationKeyOf, obligationKinds, performers, visitRuleIds, type VisitRuleId } from '../../functions/src/domain/obligation.js';
import { computeObligations, type LastCompletions, type PolicySubject } from '../../functions/src/domain/policy-engine.js';
import { createSeededRandom } from '../../functions/src/local/seeded-random.js';
import { median } from './timing.js';

/**
 * Issue 3 "Done when": the time to compute obligations for 10,000 children under all six rules. A benchmark, not
 * a test: `npx tsx scripts/bench/obligations.ts [children] [runs]`. The children are synthetic, from a fixed seed,
 * with a mix close to the Pinghu figures of DOMAIN.md plus the R11 / R20 circumstances at plausible rates.
 */
const CHILDREN = Number(process.argv[2] ?? 10_000);
const RUNS = Number(process.argv[3] ?? 9);
const WARM_UP_RUNS = 3;
const TODAY = '2026-11-20';
const RULES: readonly VisitRuleId[] = visitRuleIds;

const random = createSeededRandom(20261120);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const daysAgo = (max: number): string => addDays(TODAY, -Math.floor(random() * max));

function categoriesOf(): ChildCategory[] {
  const roll = random();
  if (roll < 0.03) return ['orphan'];
  if (roll < 0.15) return ['deFactoUnsupported'];
  if (roll < 0.35) return ['leftBehind'];
  if (roll < 0.45) return ['difficult', 'leftBehind'];
  return ['difficult'];
}

const flagChances: Record<ChildFlag, number> = {
  parentSevereDisability: 0.08,
  childDisabled: 0.1,
  psychologicalOrBehavioural: 0.06,
  livingAlone: 0.02,
  migrant: 0.05,
  runawayHistory: 0.02,
  poverty: 0.3,
  singleParent: 0.15,
  parentIllDisabledOrImprisoned: 0.08,
  outOfSchool: 0.03,
};

function triggersOf(): FollowUpTrigger[] {
  const roll = random();
  if (roll < 0.02) return [{ kind: 'returnedHome', on: daysAgo(60) }];
  if (roll < 0.035) return [{ kind: 'guardianshipRevoked', on: daysAgo(240), reason: pick(guardianshipRevocationReasons) }];
  return [];
}

const keys = obligationKinds.flatMap((kind) => performers.map((performer) => obligationKeyOf({ kind, performer })));

/** Most obligations were met in the last few months; some never were. */
function lastCompletionsOf(registeredOn: string): LastCompletions {
  const last: LastCompletions = {};
  for (const key of keys) {
    if (random() < 0.15) continue;
    const on = daysAgo(key.startsWith('reassessment') ? 240 : 75);
    if (on >= registeredOn) last[key] = on;
  }
  return last;
}

function generateChildren(count: number): { child: PolicySubject; last: LastCompletions }[] {
  return Array.from({ length: count }, (_, index) => {
    const registeredOn = daysAgo(730);
    const riskRoll = random();
    const riskLevel: RiskLevel = riskRoll < 0.12 ? 'red' : riskRoll < 0.45 ? 'yellow' : 'green';
    const child: PolicySubject = {
      id: `bench-${index}`,
      registeredOn,
      categories: categoriesOf(),
      flags: childFlags.filter((flag) => random() < flagChances[flag]),
      riskLevel,
      followUpTriggers: triggersOf(),
      status: random() < 0.02 ? 'closed' : 'active',
    };
    return { child, last: lastCompletionsOf(registeredOn) };
  });
}

function runOnce(children: ReturnType<typeof generateChildren>): { ms: number; produced: number; overdue: number } {
  const started = performance.now();
  let produced = 0;
  let overdue = 0;
  for (const { child, last } of children) {
    const obligations = computeObligations(child, RULES, last, TODAY);
    produced += obligations.length;
    for (const o of obligations) if (o.dueDate < TODAY) overdue += 1;
  }
  return { ms: performance.now() - started, produced, overdue };
}


function main(): void {
  const children = generateChildren(CHILDREN);
  for (let i = 0; i < WARM_UP_RUNS; i += 1) runOnce(children);
  const runs = Array.from({ length: RUNS }, () => runOnce(children));
  const times = runs.map((r) => r.ms);
  const mid = median(times);
  const { produced, overdue } = runs[0];
  const report = [
    `computeObligations: ${CHILDREN} children, rules ${RULES.join(', ')}, today ${TODAY} (Node ${process.version})`,
    `runs: ${RUNS} after ${WARM_UP_RUNS} warm-up; median ${mid.toFixed(1)} ms, min ${Math.min(...times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`,
    `per child: ${((mid * 1000) / CHILDREN).toFixed(2)} µs`,
    `obligations produced: ${produced} (${(produced / CHILDREN).toFixed(2)} per child), overdue on ${TODAY}: ${overdue}`,
  ];
  process.stdout.write(`${report.join('\n')}\n`);
}

main();
