import { beforeAll, describe, expect, it } from 'vitest';
import { createRuntime } from '../../functions/src/compose/runtime.js';
import { addDays } from '../../functions/src/domain/calendar.js';
import { shanghaiDate } from '../../functions/src/domain/time.js';
import { buildDemoArea } from '../../functions/src/local/demo-area.js';
import { seedDemoArea, type SeedResult } from '../../functions/src/local/seed-demo-area.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';
import { eventRelayOf } from '../support/relay-events.js';

/**
 * The demo area's visit history (issue 3): written through the repositories and the API's answer use case, so the
 * first screens of each demo role have something to show; a second start writes nothing.
 */
const NOW = new Date('2026-11-23T02:00:00.000Z');
const TODAY = shanghaiDate(NOW);
const area = buildDemoArea();
let db: TestTable;
let first: SeedResult;

beforeAll(async () => {
  db = await createTestTable('demo');
  first = await seedDemoArea(db.repositories, area, NOW);
}, 120_000);

describe('seeding the demo area', () => {
  it('writes everything the first time and nothing the second time', async () => {
    expect(first.alreadyThere).toBe(0);
    expect(first.created).toBeGreaterThan(area.children.length);

    const second = await seedDemoArea(db.repositories, area, new Date(NOW.getTime() + 86_400_000));

    expect(second.created).toBe(0);
    expect(second.alreadyThere).toBe(first.created);
  }, 60_000);

  it('stores the district’s policy', async () => {
    const policy = await db.repositories.policies.get('demo-district');
    expect(policy).toMatchObject({ ruleIds: ['R3', 'R11', 'R14', 'R19', 'R21'], unconfirmedAfterDays: 3, version: 1 });
  });

  it('leaves 金山区 to the national rules (R19, R20, R21), its officer never having chosen', async () => {
    expect(area.children.filter((child) => child.region.districtId === 'demo-district-jinshan')).toHaveLength(6);
    expect(await db.repositories.policies.get('demo-district-jinshan')).toMatchObject({ ruleIds: ['R19', 'R20', 'R21'], version: 0 });
  });

  it('gives every child obligations', async () => {
    for (const child of area.children) {
      expect((await db.repositories.obligations.listOfChild(child.id)).length, child.id).toBeGreaterThan(0);
    }
  });

  it('gives the social worker a due list with overdue, this week’s and later obligations', async () => {
    const due = await db.repositories.obligations.listDueForAssignee('demo-social-worker-1', addDays(TODAY, 62));
    const dates = due.map((entry) => entry.obligation.dueDate);

    expect(dates.some((date) => date < TODAY)).toBe(true);
    expect(dates.some((date) => date >= TODAY && date <= addDays(TODAY, 7))).toBe(true);
    expect(dates.some((date) => date > addDays(TODAY, 7))).toBe(true);
  });

  it('leaves two visits of demo-guardian-001’s child waiting for the answer, one past the three days', async () => {
    const pending = await db.repositories.visits.listPendingOfChild('demo-child-001', 10);
    expect(pending).toHaveLength(2);
    const unconfirmed = await db.repositories.visits.listPendingInTown('demo-town-yexie', new Date(NOW.getTime() - 3 * 86_400_000), 50);
    expect(unconfirmed.map((visit) => visit.childId)).toEqual(['demo-child-001']);
  });

  it('has one disputed visit in 叶榭镇, which its VisitDisputed event brings to the supervisor’s inbox', async () => {
    const disputed = await db.repositories.visits.listDisputedInTown('demo-town-yexie', 10);
    expect(disputed.map((visit) => visit.childId)).toEqual(['demo-child-005']);
    const supervisor = [{ kind: 'user' as const, userId: 'demo-supervisor-yexie' }];
    expect(await db.repositories.inbox.list(supervisor, 10)).toEqual([]);

    await eventRelayOf(createRuntime({ tableName: db.tableName, client: db.client, clock: () => NOW })).drain();

    const inbox = await db.repositories.inbox.list(supervisor, 10);
    expect(inbox).toEqual([expect.objectContaining({ kind: 'visitDisputed', childId: 'demo-child-005', visitId: disputed[0].id })]);
    expect(await db.repositories.visits.listDisputedInTown('demo-town-maogang', 10)).toEqual([]);
  });

  it('keeps every history’s hash chain intact, answers included', async () => {
    for (const childId of ['demo-child-001', 'demo-child-005', 'demo-child-031']) {
      expect(await db.repositories.visits.verifyChain(childId)).toMatchObject({ intact: true, entries: expect.any(Number) });
    }
    expect((await db.repositories.visits.verifyChain('demo-child-005')).entries).toBeGreaterThanOrEqual(5);
  });

  it('marks the visits that fell short of R3', async () => {
    const visits = (await Promise.all(area.children.map((child) => db.repositories.visits.listOfChild(child.id, { limit: 10 })))).flatMap((page) => page.items);
    const homeVisits = visits.filter((visit) => visit.kind === 'homeVisit');
    expect(homeVisits.some((visit) => visit.r3.applies && !visit.r3.met)).toBe(true);
    expect(homeVisits.filter((visit) => visit.r3.met).length).toBeGreaterThan(homeVisits.length / 2);
  });
});

describe("the demo's group activities (R5)", () => {
  it('has one planned in the coming weeks and one held earlier, counted in its month', async () => {
    // Act
    const planned = await db.repositories.activities.get('demo-activity-planned');
    const held = await db.repositories.activities.get('demo-activity-held');
    // Assess
    expect(planned).toMatchObject({ organizationId: 'demo-org', status: 'planned' });
    expect(planned!.date > TODAY).toBe(true);
    expect(held).toMatchObject({ organizationId: 'demo-org', status: 'held' });
    expect(held!.date < TODAY).toBe(true);
    const counters = await db.repositories.monthlyCounters.readVillages(['demo-village-dongqin'], [held!.date.slice(0, 7)]);
    expect(counters.get('demo-village-dongqin')!.months.get(held!.date.slice(0, 7))).toMatchObject({ activitiesHeld: 1 });
  });
});

describe("the demo's service plan (R2)", () => {
  it('is built from the child’s assessment on record', async () => {
    // Arrange
    const planned = area.children.find((child) => child.team !== null)!;
    // Act
    const { plan } = await db.repositories.casePlans.read(planned.id);
    const assessments = await db.repositories.assessments.listOfChild(planned.id);
    // Assess
    expect(assessments.length).toBeGreaterThan(0);
    expect(plan?.assessmentId).toBe(assessments[0]!.id);
  });
});
