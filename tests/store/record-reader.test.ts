import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_CHAIN } from '../../functions/src/store/visit-chain.js';
import { defaultPolicyOf } from '../../functions/src/store/policy-repository.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';
import { createRegions, makeUser } from './fixtures.js';
import { countRequests } from './request-counter.js';

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
});
