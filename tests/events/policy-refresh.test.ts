import { beforeEach, describe, expect, it } from 'vitest';
import { continuePolicyRefresh, type ContinuePolicyRefreshPorts } from '../../functions/src/app/continue-policy-refresh.js';
import { createRuntime, randomId, type Runtime } from '../../functions/src/compose/runtime.js';
import type { VisitRuleId } from '../../functions/src/domain/obligation.js';
import { newEvent } from '../../functions/src/events/domain-events.js';
import { DISTRICT_WALK } from '../../functions/src/events/rules.js';
import { snapshotTable } from '../api/support/api-harness.js';
import { children, seedArea, SEEDED_AT, users } from '../api/support/seed-area.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';
import { eventRelayOf } from '../support/relay-events.js';

/**
 * Issue 9, part 2: a district's new policy reaches its children as a job, not in the request. Against DynamoDB Local,
 * over the small area (four children in d1), two children a page, so the walk has more than one page. Dropping R3
 * moves every child the social worker's monthly visit (R3) applied to.
 */
const PAGE = 2;
const WITHOUT_R3: VisitRuleId[] = ['R11', 'R14', 'R19', 'R21'];
const D1_CHILDREN = Object.values(children).map((child) => child.id);

let table: TestTable;
let runtime: Runtime;

beforeEach(async () => {
  table = await createTestTable('policy-refresh');
  await seedArea(table.repositories);
  const now = new Date(SEEDED_AT);
  runtime = createRuntime({ tableName: table.tableName, client: table.client, clock: () => now, policyRefreshLimits: { pageSize: PAGE } });
});

async function changePolicy(ruleIds: VisitRuleId[]) {
  const current = await table.repositories.policies.get('d1');
  return runtime.useCases.changePolicy(
    { userId: users.districtOfficer.id, role: 'districtOfficer' },
    { districtId: 'd1', input: { ruleIds, unconfirmedAfterDays: 3, version: current.version } },
  );
}

/** Whether any of the child's obligations is (also) required by R3: it was computed under a policy with R3. */
async function underR3(childId: string): Promise<boolean> {
  const entries = await table.repositories.obligations.listOfChild(childId);
  return entries.some(({ obligation }) => obligation.ruleId === 'R3' || obligation.alsoRequiredBy.includes('R3'));
}

async function childrenUnderR3(): Promise<string[]> {
  const flags = await Promise.all(D1_CHILDREN.map(underR3));
  return D1_CHILDREN.filter((_, i) => flags[i]);
}

/** The job's ports as the runtime builds them, with the children it rewrites recorded and a fault to inject. */
function jobPorts(options: { beforeRefresh?: () => Promise<void>; beforeList?: (page: number) => void } = {}) {
  const refreshed: string[] = [];
  let pages = 0;
  const ports: ContinuePolicyRefreshPorts = {
    ...table.repositories,
    children: {
      list(scope, page, filter) {
        options.beforeList?.((pages += 1));
        return table.repositories.children.list(scope, page, filter);
      },
    },
    clock: runtime.clock,
    newId: randomId,
    policyRefreshLimits: { pageSize: PAGE, budgetMs: DISTRICT_WALK.budgetMs },
    elapsedMs: () => performance.now(),
    obligations: {
      async refresh(write) {
        await options.beforeRefresh?.();
        refreshed.push(write.obligations.childId);
        return table.repositories.obligations.refresh(write);
      },
    },
  };
  return { ports, refreshed };
}

describe('the policy refresh job (issue 9, part 2)', () => {
  it('resumes from the saved cursor after a crash midway, walking no child of a saved page again', async () => {
    // Prepare
    const before = await childrenUnderR3();
    expect(before.length).toBeGreaterThanOrEqual(3);
    const { policy } = await changePolicy(WITHOUT_R3);
    const target = { districtId: 'd1', policyVersion: policy.version };
    const crashing = jobPorts({
      // The Lambda dies once page 1 is saved, as it reads page 2.
      beforeList: (page) => {
        if (page === 2) throw Object.assign(new Error('Task timed out'), { name: 'TimeoutError' });
      },
    });

    // Act: the first delivery crashes after saving page 1.
    await expect(continuePolicyRefresh(crashing.ports, target)).rejects.toThrow('Task timed out');

    // Assess: page 1 is saved and its children follow the new policy; the others keep the old one until their turn.
    const firstPage = crashing.refreshed.slice(0, PAGE);
    expect(await table.repositories.policyRefreshes.get('d1')).toMatchObject({ policyVersion: policy.version, status: 'running', done: PAGE, total: 4, step: 1 });
    expect(await childrenUnderR3()).toEqual(before.filter((id) => !firstPage.includes(id)));

    // Act: the event is delivered again.
    const rerun = jobPorts();
    expect(await continuePolicyRefresh(rerun.ports, target)).toBe('finished');

    // Assess: it went on from page 2, and every child follows the new policy.
    expect(rerun.refreshed.some((id) => firstPage.includes(id))).toBe(false);
    expect([...firstPage, ...rerun.refreshed].sort()).toEqual([...D1_CHILDREN].sort());
    expect(await childrenUnderR3()).toEqual([]);
    expect(await table.repositories.policyRefreshes.get('d1')).toMatchObject({ status: 'done', done: 4, total: 4, finishedAt: SEEDED_AT });
  });

  it('does nothing when the event comes again after the run finished', async () => {
    // Prepare
    const { policy } = await changePolicy(WITHOUT_R3);
    const event = newEvent('PolicyChanged', { districtId: 'd1', policyVersion: policy.version }, { id: 'policy-change-1', occurredAt: runtime.clock(), actorId: users.districtOfficer.id });
    expect(await runtime.consumers.refreshDistrictObligations(event)).toBe('acted');
    const after = await snapshotTable(table);

    // Act
    const again = await runtime.consumers.refreshDistrictObligations(event);

    // Assess
    expect(again).toBe('duplicate');
    expect(await snapshotTable(table)).toEqual(after);
  });

  it('stops an older run when a newer policy is saved under it, leaving the newer run’s progress alone', async () => {
    // Prepare: version n is being applied when the officer saves version n+1 (R3 back again).
    const { policy: older } = await changePolicy(WITHOUT_R3);
    let newer: ReturnType<typeof changePolicy> | undefined;
    const old = jobPorts({
      beforeRefresh: async () => {
        await (newer ??= changePolicy([...WITHOUT_R3, 'R3']));
      },
    });

    // Act
    const step = await continuePolicyRefresh(old.ports, { districtId: 'd1', policyVersion: older.version });

    // Assess: the old run stopped at its first save; the newer record is untouched, waiting for its own event.
    expect(step).toBe('superseded');
    expect(old.refreshed).toHaveLength(PAGE);
    expect(await table.repositories.policyRefreshes.get('d1')).toMatchObject({ policyVersion: (await newer!).policy.version, status: 'running', done: 0, step: 0 });
    // A late delivery of the older version's event does nothing either.
    const late = jobPorts();
    expect(await continuePolicyRefresh(late.ports, { districtId: 'd1', policyVersion: older.version })).toBe('superseded');
    expect(late.refreshed).toEqual([]);
  });

  it('hands over at its time budget through an event written with its progress, which the relay delivers until done', async () => {
    // Prepare: a budget of nothing walks one page an invocation.
    const now = new Date(SEEDED_AT);
    runtime = createRuntime({ tableName: table.tableName, client: table.client, clock: () => now, policyRefreshLimits: { pageSize: PAGE, budgetMs: 0 } });
    const { policy } = await changePolicy(WITHOUT_R3);
    const relay = eventRelayOf(runtime);

    // Act
    const report = await relay.drain();

    // Assess
    // The PolicyChanged, then one continuation per page after the first (four children, two a page).
    expect(report.sent.length).toBeGreaterThanOrEqual(2);
    const continued = (await snapshotTable(table)).filter((line) => line.includes('"detailType":"PolicyRefreshContinued"'));
    expect(continued).toHaveLength(report.sent.length - 1);
    expect(await table.repositories.policyRefreshes.get('d1')).toMatchObject({ policyVersion: policy.version, status: 'done', done: 4 });
    expect(await childrenUnderR3()).toEqual([]);
  });
});
