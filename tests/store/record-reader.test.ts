import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_CHAIN } from '../../functions/src/store/visit-chain.js';
import { defaultPolicyOf } from '../../functions/src/store/policy-repository.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';
import { createRegions, makeUser } from './fixtures.js';
import { countRequests } from './request-counter.js';
import { childWithTeam, disputedVisitOf, putChildAndVisit } from '../events/support/events.js';

/**
 * The keyed reads of one use case step in one BatchGetItem (design note of issue 7): a key asked for twice is read
 * once, nothing is sent when nothing is asked, and what is absent comes back absent (or as the default a missing
 * policy or chain head stands for).
 */
let db: TestTable;

beforeAll(async () => {
  db = await createTestTable('records');
  await createRegions(db.repositories);
  await db.repositories.users.create(makeUser('u-1'));
  await db.repositories.users.create(makeUser('u-2', { name: '李强' }));
  await db.repositories.organizations.create({ id: 'org-1', name: '阳光社工', districtId: 'd1' });
});

describe('one batch for every key a step needs', () => {
  it('reads users, regions, an organization, a policy and a chain head in one request, a repeated id once', async () => {
    const counter = countRequests(db.client);

    const found = await db.repositories.records.read({
      users: ['u-1', 'u-2', 'u-1', 'u-nobody'],
      regions: ['v1', 't1', 'no-region'],
      organizations: ['org-1'],
      child: 'no-child',
      policy: 'd1',
      chainHead: 'no-child',
      obligationState: 'no-child',
    });

    counter.stop();
    expect(counter.records.map((r) => r.command)).toEqual(['BatchGetItem']);
    expect(counter.totals()).toMatchObject({ requests: 1, itemsRead: 5 });
    expect([...found.users.keys()].sort()).toEqual(['u-1', 'u-2']);
    expect(found.users.get('u-2')?.name).toBe('李强');
    expect([...found.regions.keys()].sort()).toEqual(['t1', 'v1']);
    expect(found.organizations.get('org-1')?.districtId).toBe('d1');
    expect(found.child).toBeNull();
    expect(found.obligationState).toBeNull();
    expect(found.policy).toEqual(defaultPolicyOf('d1'));
    expect(found.chainHead).toEqual(EMPTY_CHAIN);
  });

  it('sends nothing when nothing is asked', async () => {
    const counter = countRequests(db.client);

    const found = await db.repositories.records.read({ users: [] });

    counter.stop();
    expect(counter.records).toEqual([]);
    expect(found.users.size).toBe(0);
    expect(found.policy).toBeNull();
  });

  it('reads several children and visits with the rest, in the same request (the names an inbox’s messages need)', async () => {
    const [first, second] = [childWithTeam('child-r1'), childWithTeam('child-r2', { name: '王小红' })];
    const [visitOfFirst, visitOfSecond] = [disputedVisitOf(first), disputedVisitOf(second)];
    await putChildAndVisit(db, first, visitOfFirst);
    await putChildAndVisit(db, second, visitOfSecond);
    const counter = countRequests(db.client);

    const found = await db.repositories.records.read({
      users: ['u-1'],
      children: ['child-r1', 'child-r2', 'child-r1', 'no-child'],
      visits: [
        { childId: 'child-r1', visitId: visitOfFirst.id },
        { childId: 'child-r2', visitId: visitOfSecond.id },
        { childId: 'child-r1', visitId: visitOfFirst.id },
        { childId: 'child-r1', visitId: 'no-visit' },
      ],
    });

    counter.stop();
    expect(counter.records.map((r) => r.command)).toEqual(['BatchGetItem']);
    expect(counter.totals()).toMatchObject({ requests: 1, itemsRead: 5 });
    expect(found.children.get('child-r2')?.name).toBe('王小红');
    expect([...found.children.keys()].sort()).toEqual(['child-r1', 'child-r2']);
    expect([...found.visits.keys()].sort()).toEqual([visitOfFirst.id, visitOfSecond.id].sort());
    expect(found.visits.get(visitOfSecond.id)?.childId).toBe('child-r2');
    expect(found.users.get('u-1')?.id).toBe('u-1');
  });
});

