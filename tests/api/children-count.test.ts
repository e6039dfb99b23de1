import { beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { users, type SeededUser } from './support/seed-area.js';

/** GET /children/count: the size of each role's list, counted by the index without reading (or auditing) a child. */
let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness();
});

const counted = (Object.keys(users) as SeededUser[]).filter((who) => !['volunteer', 'socialWorkerUnpledged'].includes(who));

describe('GET /api/v1/children/count', () => {
  it.each(counted)('%s: the number of children its list shows, and no audit entry per child', async (who) => {
    const list = await h.call('GET', '/api/v1/children?limit=100', { as: who });
    let res: Awaited<ReturnType<ApiHarness['call']>> | undefined;

    const writes = await h.writesOf(async () => {
      res = await h.call('GET', '/api/v1/children/count', { as: who });
    });

    expect(res!.status).toBe(200);
    expect(res!.body).toEqual({ count: list.body.items.length });
    expect(writes).toEqual({ added: [], removedOrChanged: [] });
  });

  it.each([['volunteer', 'roleCannot'], ['socialWorkerUnpledged', 'pledgeMissing']] as const)('%s is refused (403) and the refusal recorded', async (who, reason) => {
    let res: Awaited<ReturnType<ApiHarness['call']>> | undefined;

    const writes = await h.writesOf(async () => {
      res = await h.call('GET', '/api/v1/children/count', { as: who });
    });

    expect(res!.status).toBe(403);
    expect(writes.added).toEqual([expect.objectContaining({ action: 'child.count', outcome: 'denied', reason })]);
  });

  it('is not mistaken for a child id', async () => {
    const res = await h.call('GET', '/api/v1/children/count', { as: 'districtOfficer' });
    expect(res.body).toEqual({ count: 4 });
  });
});
