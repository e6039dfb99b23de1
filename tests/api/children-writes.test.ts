import { beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { childWriteHelpers, underFourteen } from './support/child-writes.js';
import { children, users } from './support/seed-area.js';

let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness();
});

const { stored, refusedWrite } = childWriteHelpers(() => h);

describe('property-level authorization (OWASP API3): fields a role may not set are refused, not dropped', () => {
  it('refuses a director setting the risk level: 403 naming the field, record unchanged, one denied audit entry', async () => {
    const before = await stored(children.a2.id);
    let res: Awaited<ReturnType<ApiHarness['call']>> | undefined;

    const added = await refusedWrite(async () => {
      res = await h.call('PATCH', `/api/v1/children/${children.a2.id}`, {
        as: 'directorV1',
        json: { version: before.version, changes: { address: '新地址1号', riskLevel: 'red' } },
      });
    });

    expect(res!.status).toBe(403);
    expect(res!.body).toMatchObject({ field: 'changes.riskLevel', errors: [{ field: 'changes.riskLevel' }] });
    expect(await stored(children.a2.id)).toEqual(before);
    expect(added).toEqual([
      expect.objectContaining({
        entity: 'audit',
        action: 'child.update',
        childId: children.a2.id,
        actorId: users.directorV1.id,
        outcome: 'denied',
        reason: 'forbiddenField:riskLevel',
      }),
    ]);
  });

  it('lists every forbidden field of a social worker, the risk level first with where it is set (issue 12, R18)', async () => {
    const before = await stored(children.a1.id);

    const res = await h.call('PATCH', `/api/v1/children/${children.a1.id}`, {
      as: 'socialWorkerPledged',
      json: { version: before.version, changes: { riskLevel: 'green', address: '别处', idNumber: null } },
    });

    expect(res.status).toBe(403);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect([...fields].sort()).toEqual(['changes.address', 'changes.idNumber', 'changes.riskLevel']);
    expect(res.body.field).toBe('changes.riskLevel');
    expect(res.body.detail).toMatch(/监护评估/);
    expect(await stored(children.a1.id)).toEqual(before);
  });

  it('refuses the risk level to every role, even the district officer and the team (R18): 403, nothing written', async () => {
    for (const as of ['socialWorkerPledged', 'supervisorT1', 'districtOfficer', 'directorV1'] as const) {
      const before = await stored(children.a1.id);
      const writes = await h.writesOf(async () => {
        const res = await h.call('PATCH', `/api/v1/children/${children.a1.id}`, { as, json: { version: before.version, changes: { riskLevel: 'yellow' } } });
        expect([res.status, res.body.field]).toEqual([403, 'changes.riskLevel']);
      });
      expect(writes.added.every((item) => item.entity === 'audit')).toBe(true);
      expect(writes.removedOrChanged).toEqual([]);
      expect(await stored(children.a1.id)).toEqual(before);
    }
  });
});

describe('optimistic locking', () => {
  it('answers a stale version with 409 and writes nothing', async () => {
    const before = await stored(children.c1.id);
    let res: Awaited<ReturnType<ApiHarness['call']>> | undefined;

    const added = await refusedWrite(async () => {
      res = await h.call('PATCH', `/api/v1/children/${children.c1.id}`, {
        as: 'directorV2',
        json: { version: before.version + 5, changes: { address: '西湾村9组' } },
      });
    });

    expect(res!.status).toBe(409);
    expect(res!.body).toMatchObject({ type: 'urn:shouhu:problem:version-conflict', field: 'version' });
    expect(added).toEqual([]);
  });

  it('lets exactly one of two concurrent PATCHes from the same version win', async () => {
    const before = await stored(children.c1.id);
    const patch = (address: string) =>
      h.call('PATCH', `/api/v1/children/${children.c1.id}`, {
        as: 'directorV2',
        json: { version: before.version, changes: { address } },
      });

    const results = await Promise.all([patch('西湾村甲号'), patch('西湾村乙号')]);

    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!;
    const after = await stored(children.c1.id);
    expect(after.version).toBe(before.version + 1);
    expect(after.address).toBe(winner.body.address);
  });
});

describe('the legal basis of a record (PIPL Art. 28, 31)', () => {
  it('refuses an under-14 child with no legal basis: 422 naming legalBasis, nothing written', async () => {
    let res: Awaited<ReturnType<ApiHarness['call']>> | undefined;

    const added = await refusedWrite(async () => {
      res = await h.call('POST', '/api/v1/children', { as: 'directorV1', json: underFourteen() });
    });

    expect(res!.status).toBe(422);
    expect(res!.body).toMatchObject({ type: 'urn:shouhu:problem:legal-basis-required', field: 'legalBasis' });
    expect(added).toEqual([]);
  });

  it('registers the same child with a guardian consent on record', async () => {
    const consent = { kind: 'guardianConsent', guardianName: '周大宝', consentedOn: '2026-03-01', recordRef: 'HK-2026-031' };

    const res = await h.call('POST', '/api/v1/children', { as: 'directorV1', json: underFourteen({ legalBasis: consent }) });

    expect(res.status).toBe(201);
    expect(await stored(res.body.id)).toMatchObject({ legalBasis: consent, registeredOn: '2026-03-10', team: null });
  });

  it('refuses removing the legal basis of an under-14 child: 422 naming changes.legalBasis', async () => {
    const before = await stored(children.b1.id);

    const res = await h.call('PATCH', `/api/v1/children/${children.b1.id}`, {
      as: 'directorV3',
      json: { version: before.version, changes: { legalBasis: null } },
    });

    expect(res.status).toBe(422);
    expect(res.body.field).toBe('changes.legalBasis');
    expect(await stored(children.b1.id)).toEqual(before);
  });

  it('refuses a birth date in the future with 422', async () => {
    const res = await h.call('POST', '/api/v1/children', {
      as: 'directorV1',
      json: underFourteen({ birthDate: '2026-03-11', legalBasis: { kind: 'statutoryDuty', authority: '法定职责' } }),
    });

    expect(res.status).toBe(422);
    expect(res.body.field).toBe('birthDate');
  });
});
