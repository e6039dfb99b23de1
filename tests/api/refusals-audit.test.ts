import { beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { users, type SeededUser } from './support/seed-area.js';

/**
 * Issue 6, defect 5: every refusal is audited with the actor, the route and the reason, also on routes that are not
 * about one child. Each row is a call some role may not make; it must leave exactly one denied entry and nothing else.
 */
const policyBody = { ruleIds: ['R3'], unconfirmedAfterDays: 7, version: 0 };

const refusals: [string, SeededUser, string, string, unknown, number, string, string][] = [
  ['a guardian asks for a town’s day list', 'guardianA', 'GET', '/api/v1/towns/t1/obligations', undefined, 403, 'GET /api/v1/towns/:townId/obligations', 'roleCannot'],
  ['a guardian asks for the district policy', 'guardianA', 'GET', '/api/v1/districts/d1/policy', undefined, 403, 'GET /api/v1/districts/:districtId/policy', 'roleCannot'],
  ['a supervisor asks for another town’s list', 'supervisorT1', 'GET', '/api/v1/towns/t2/obligations', undefined, 404, 'GET /api/v1/towns/:townId/obligations', 'notRelated'],
  ['a supervisor asks for another town’s attention list', 'supervisorT2', 'GET', '/api/v1/towns/t1/visits/attention?state=disputed', undefined, 404, 'GET /api/v1/towns/:townId/visits/attention', 'notRelated'],
  ['a director changes the district policy', 'directorV1', 'PUT', '/api/v1/districts/d1/policy', policyBody, 403, 'PUT /api/v1/districts/:districtId/policy', 'roleCannot'],
  ['a guardian asks for the rule catalogue', 'guardianA', 'GET', '/api/v1/policy/rules', undefined, 403, 'GET /api/v1/policy/rules', 'roleCannot'],
  ['a guardian asks for a worker’s due list', 'guardianA', 'GET', '/api/v1/obligations/mine', undefined, 403, 'GET /api/v1/obligations/mine', 'roleCannot'],
  ['a director asks for visits awaiting a guardian', 'directorV1', 'GET', '/api/v1/visits/pending-confirmation', undefined, 403, 'GET /api/v1/visits/pending-confirmation', 'roleCannot'],
  ['a volunteer asks for the children list', 'volunteer', 'GET', '/api/v1/children', undefined, 403, 'GET /api/v1/children', 'roleCannot'],
];

let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness();
});

describe('every refusal leaves one audit entry naming the actor, the route and the reason', () => {
  it.each(refusals)('%s', async (_, who, method, path, json, status, route, reason) => {
    // Act
    let res: Awaited<ReturnType<ApiHarness['call']>> | undefined;
    const writes = await h.writesOf(async () => {
      res = await h.call(method, path, { as: who, json });
    });

    // Assess
    expect(res!.status).toBe(status);
    expect(writes.added).toEqual([
      expect.objectContaining({ entity: 'audit', actorId: users[who].id, actorRole: users[who].role, outcome: 'denied', route, reason }),
    ]);
    expect(writes.removedOrChanged).toEqual([]);
  });

  it('does not audit a 404 for a region that does not exist: nobody was refused anything', async () => {
    const writes = await h.writesOf(() => h.call('GET', '/api/v1/towns/no-such-town/obligations', { as: 'supervisorT1' }));
    expect(writes.added).toEqual([]);
  });

  it('keeps the child of a refused child read in the entry, with its route', async () => {
    let status = 0;
    const writes = await h.writesOf(async () => {
      status = (await h.call('GET', '/api/v1/children/child-b1', { as: 'guardianA' })).status;
    });
    expect(status).toBe(404);
    expect(writes.added).toEqual([
      expect.objectContaining({ action: 'child.read', childId: 'child-b1', outcome: 'denied', route: 'GET /api/v1/children/:id' }),
    ]);
  });
});
