import { beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { childWriteHelpers, underFourteen } from './support/child-writes.js';
import { children, path, users } from './support/seed-area.js';

let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness();
});

const { stored, refusedWrite } = childWriteHelpers(() => h);

describe('references must name real records', () => {
  it('refuses a region path whose levels do not nest (a director filing into another town)', async () => {
    const res = await h.call('POST', '/api/v1/children', {
      as: 'directorV1',
      json: underFourteen({ region: { ...path.v1, townId: 't2' }, legalBasis: { kind: 'statutoryDuty', authority: '法定职责' } }),
    });

    expect(res.status).toBe(422);
    expect(res.body.field).toBe('region.villageId');
  });

  it('refuses a guardian account that is not a guardian', async () => {
    const res = await h.call('POST', '/api/v1/children', {
      as: 'directorV1',
      json: underFourteen({
        guardians: [{ userId: users.cityOfficer.id, name: '某人', relation: 'other', phone: null }],
        legalBasis: { kind: 'statutoryDuty', authority: '法定职责' },
      }),
    });

    expect(res.status).toBe(422);
    expect(res.body.field).toBe('guardians.0.userId');
  });

  it('refuses an unknown organization', async () => {
    const res = await h.call('POST', '/api/v1/children', {
      as: 'directorV1',
      json: underFourteen({ organizationId: 'org-missing', legalBasis: { kind: 'statutoryDuty', authority: '法定职责' } }),
    });

    expect(res.status).toBe(422);
    expect(res.body.field).toBe('organizationId');
  });
});

describe('moving a child to another region', () => {
  it('lets the district move a child within the district, and the lists follow', async () => {
    const before = await stored(children.a2.id);

    const res = await h.call('PATCH', `/api/v1/children/${children.a2.id}`, {
      as: 'districtOfficer',
      json: { version: before.version, changes: { region: path.v3 } },
    });

    expect(res.status).toBe(200);
    const v1List = await h.call('GET', '/api/v1/children', { as: 'directorV1' });
    const v3List = await h.call('GET', '/api/v1/children', { as: 'directorV3' });
    expect(v1List.body.items.map((i: { id: string }) => i.id)).not.toContain(children.a2.id);
    expect(v3List.body.items.map((i: { id: string }) => i.id)).toContain(children.a2.id);
  });

  it('refuses moving a child out of the district with 403 and a denied audit entry', async () => {
    const before = await stored(children.a2.id);
    let res: Awaited<ReturnType<ApiHarness['call']>> | undefined;

    const added = await refusedWrite(async () => {
      res = await h.call('PATCH', `/api/v1/children/${children.a2.id}`, {
        as: 'districtOfficer',
        json: { version: before.version, changes: { region: path.v4 } },
      });
    });

    expect(res!.status).toBe(403);
    expect(res!.body.field).toBe('changes.region');
    expect(added).toEqual([expect.objectContaining({ action: 'child.update', outcome: 'denied', reason: 'regionOutOfScope' })]);
  });

  it('refuses a director moving a child even within the village (the field is not theirs)', async () => {
    const before = await stored(children.a1.id);

    const res = await h.call('PATCH', `/api/v1/children/${children.a1.id}`, {
      as: 'directorV1',
      json: { version: before.version, changes: { region: path.v1 } },
    });

    expect(res.status).toBe(403);
    expect(res.body.field).toBe('changes.region');
  });
});

describe('R1: the execution team', () => {
  it('refuses changing the social worker without a reason: 422 naming reason, nothing written', async () => {
    const before = await stored(children.a1.id);
    let res: Awaited<ReturnType<ApiHarness['call']>> | undefined;

    const added = await refusedWrite(async () => {
      res = await h.call('PUT', `/api/v1/children/${children.a1.id}/team`, {
        as: 'supervisorT1',
        json: { version: before.version, team: { ...before.team, socialWorkerId: users.socialWorkerUnpledged.id } },
      });
    });

    expect(res!.status).toBe(422);
    expect(res!.body).toMatchObject({ type: 'urn:shouhu:problem:rule-violation', field: 'reason' });
    expect(added).toEqual([]);
  });

  it('changes the social worker with a reason and keeps the reason in the team history', async () => {
    const before = await stored(children.a1.id);
    const team = { ...before.team!, socialWorkerId: users.socialWorkerUnpledged.id };
    h.advanceSeconds(1);

    const res = await h.call('PUT', `/api/v1/children/${children.a1.id}/team`, {
      as: 'supervisorT1',
      json: { version: before.version, team, reason: '原社工调岗' },
    });

    expect(res.status).toBe(200);
    const after = await stored(children.a1.id);
    expect(after.team).toEqual(team);
    expect(after.teamHistory.at(-1)).toMatchObject({ byUserId: users.supervisorT1.id, reason: '原社工调岗', team });
    const [entry] = await h.table.repositories.audit.listByChild(children.a1.id, 1);
    expect(entry).toMatchObject({ action: 'child.assignTeam', outcome: 'allowed', actorId: users.supervisorT1.id });
  });

  it.each([
    [{ socialWorkerId: users.volunteer.id }, 'team.socialWorkerId'],
    [{ directorId: users.directorV1.id }, 'team.directorId'],
    [{ supervisorId: users.supervisorT2.id }, 'team.supervisorId'],
    [{ supervisorId: 'u-nobody' }, 'team.supervisorId'],
  ])('refuses a team member of the wrong role or area (%o) naming %s', async (change, field) => {
    const before = await stored(children.c1.id);

    const res = await h.call('PUT', `/api/v1/children/${children.c1.id}/team`, {
      as: 'districtOfficer',
      json: { version: before.version, team: { ...before.team, ...change }, reason: '调整团队' },
    });

    expect(res.status).toBe(422);
    expect(res.body.field).toBe(field);
    expect(await stored(children.c1.id)).toEqual(before);
  });

  it('answers a stale team assignment with 409', async () => {
    const before = await stored(children.c1.id);

    const res = await h.call('PUT', `/api/v1/children/${children.c1.id}/team`, {
      as: 'supervisorT1',
      json: { version: before.version - 1 || 99, team: before.team, reason: null },
    });

    expect(res.status).toBe(409);
  });
});
