import { beforeEach, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { childWriteHelpers, underFourteen } from './support/child-writes.js';
import { children, SEEDED_AT, users, type SeededUser } from './support/seed-area.js';

/**
 * Issue 12, part 1: the guardianship assessment (R18). The risk level changes only through an assessment or the
 * town supervisor's override; the first assessment is held by the whole team (R2); a recorded assessment completes
 * the six-monthly reassessment (R21); obligations follow in the same transaction.
 */
let h: ApiHarness;
beforeEach(async () => {
  h = await startApiHarness();
});

const { stored, refusedWrite } = childWriteHelpers(() => h);
let keyCount = 0;
const newKey = () => `assess-key-${(keyCount += 1)}-${Date.now()}`;

const c1Team = [users.socialWorkerPledged.id, users.directorV2.id, users.supervisorT1.id];
const dimension = (score: number) => ({ score, notes: '' });
function form(version: number, overrides: Record<string, unknown> = {}) {
  return {
    version,
    kind: 'first',
    heldOn: '2026-03-10',
    presentUserIds: c1Team,
    dimensions: { economic: dimension(2), care: dimension(2), skills: dimension(3), responsibility: dimension(3), relationship: dimension(4), development: { score: 2, notes: '营养不良' } },
    sources: {
      child: { heard: true, learned: '常独自在家' },
      guardian: { heard: true, learned: '外出务工' },
      police: { heard: false, learned: '' },
      neighbours: { heard: true, learned: '晚上无人照看' },
      school: { heard: true, learned: '缺勤较多' },
    },
    conclusion: '监护缺位明显，需重点关注',
    riskLevel: 'red',
    recommendations: '每月入户；联系学校关注出勤',
    ...overrides,
  };
}

function assess(as: SeededUser, childId: string, body: unknown, key = newKey()) {
  return h.call('POST', `/api/v1/children/${childId}/assessments`, { as, json: body, headers: { 'idempotency-key': key } });
}

async function obligationsOf(childId: string) {
  const res = await h.call('GET', `/api/v1/children/${childId}/obligations`, { as: 'districtOfficer' });
  expect(res.status).toBe(200);
  return res.body.items as { kind: string; performer: string; dueDate: string; ruleId: string; reason: string; lastCompletedOn: string | null }[];
}

/** A district policy without R3, so that the social worker's home visits follow the risk level alone (R14). */
async function chooseR14AndR21() {
  const current = await h.table.repositories.policies.get('d1');
  await h.table.repositories.policies.put({
    policy: { districtId: 'd1', ruleIds: ['R11', 'R14', 'R21'], unconfirmedAfterDays: 3, updatedAt: SEEDED_AT, updatedBy: users.districtOfficer.id, version: current.version + 1 },
    audit: { id: 'audit-policy-test', at: SEEDED_AT, actorId: users.districtOfficer.id, actorRole: 'districtOfficer', action: 'policy.update', childId: null, outcome: 'allowed', reason: null },
    events: [],
  });
}

describe('the risk level changes only through an assessment (R18)', () => {
  it('the team records the first assessment with all three present: the level, its basis and the visits change in one write', async () => {
    await chooseR14AndR21();
    const before = await stored(children.c1.id);
    expect(before.riskLevel).toBe('yellow');

    const writes = await h.writesOf(async () => {
      const res = await assess('socialWorkerPledged', children.c1.id, form(before.version));
      expect(res.status).toBe(201);
      expect(res.body.assessment).toMatchObject({ kind: 'first', riskLevel: 'red', previousRiskLevel: 'yellow', presentNames: ['吴社工', '赵西湾', '孙河口'], recordedByName: '吴社工' });
      expect(res.body.child).toMatchObject({ riskLevel: 'red', version: before.version + 1, riskBasis: { kind: 'assessment', heldOn: '2026-03-10', assessmentKind: 'first' } });
    });

    expect(writes.added.map((item) => item.entity)).toEqual(expect.arrayContaining(['assessment', 'audit', 'outbox']));
    expect(writes.added.find((item) => item.entity === 'outbox')).toMatchObject({ event: { detailType: 'AssessmentRecorded', detail: { childId: children.c1.id, riskLevel: 'red', previousRiskLevel: 'yellow', kind: 'first' } } });
    expect(await stored(children.c1.id)).toMatchObject({ riskLevel: 'red', version: before.version + 1 });
    // R14: red is a monthly home visit by the social worker.
    expect((await obligationsOf(children.c1.id)).find((o) => o.kind === 'homeVisit' && o.performer === 'socialWorker')).toMatchObject({
      ruleId: 'R14',
      dueDate: '2026-04-10',
      reason: '红色等级：每月入户一次（R14）',
    });
    const list = await h.call('GET', `/api/v1/children/${children.c1.id}/assessments`, { as: 'districtOfficer' });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    // Not in guardianship difficulty: the next is the yearly one, by the end of next February (R2).
    expect(list.body.nextDue).toBe('2027-02-28');
  });

  it('R2: a first assessment without the whole team is refused naming presentUserIds, nothing written', async () => {
    const before = await stored(children.c1.id);
    const added = await refusedWrite(async () => {
      const res = await assess('socialWorkerPledged', children.c1.id, form(before.version, { presentUserIds: [users.socialWorkerPledged.id, users.directorV2.id] }));
      expect([res.status, res.body.field]).toEqual([422, 'presentUserIds']);
    });
    expect(added).toEqual([]);
    expect(await stored(children.c1.id)).toEqual(before);
  });

  it('R18: an incomplete form is refused 400 naming the dimension, nothing written', async () => {
    const before = await stored(children.c1.id);
    const body = form(before.version) as { dimensions: Record<string, unknown> };
    delete body.dimensions.care;
    const added = await refusedWrite(async () => {
      const res = await assess('socialWorkerPledged', children.c1.id, body);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect(res.body.field).toBe('dimensions.care');
    });
    expect(added).toEqual([]);
  });

  it('a retry with the same key writes once and answers the same assessment; the key reused for other content is refused', async () => {
    const before = await stored(children.c1.id);
    const key = newKey();
    const first = await assess('socialWorkerPledged', children.c1.id, form(before.version), key);
    expect(first.status).toBe(201);
    const writes = await h.writesOf(async () => {
      const again = await assess('socialWorkerPledged', children.c1.id, form(before.version), key);
      expect([again.status, again.body.assessment.id]).toEqual([201, first.body.assessment.id]);
    });
    expect(writes.added).toEqual([]);
    expect(writes.removedOrChanged).toEqual([]);
    const reused = await assess('socialWorkerPledged', children.c1.id, form(before.version, { conclusion: '另一份' }), key);
    expect([reused.status, reused.body.field]).toEqual([409, 'Idempotency-Key']);
    expect((await h.table.repositories.assessments.listOfChild(children.c1.id))).toHaveLength(1);
  });

  it('a stale child version is a 409 and nothing is written', async () => {
    const before = await stored(children.c1.id);
    const added = await refusedWrite(async () => {
      const res = await assess('socialWorkerPledged', children.c1.id, form(before.version + 3));
      expect([res.status, res.body.field]).toEqual([409, 'version']);
    });
    expect(added).toEqual([]);
  });

  it('guardian and volunteer are refused; the family cannot list them either; refusals are audited, nothing else written', async () => {
    const before = await stored(children.a1.id);
    const a1Form = form(before.version, { presentUserIds: [users.socialWorkerPledged.id, users.directorV1.id, users.supervisorT1.id] });
    const added = await refusedWrite(async () => {
      expect((await assess('guardianA', children.a1.id, a1Form)).status).toBe(403);
      expect((await assess('volunteer', children.a1.id, a1Form)).status).toBe(404);
      expect((await h.call('GET', `/api/v1/children/${children.a1.id}/assessments`, { as: 'guardianA' })).status).toBe(403);
      expect((await h.call('GET', `/api/v1/children/${children.a1.id}/assessments`, { as: 'volunteer' })).status).toBe(404);
      // Another village's director is not of this child's team.
      expect((await assess('directorV3', children.a1.id, a1Form)).status).toBe(404);
    });
    expect(added.every((item) => item.entity === 'audit' && item.outcome === 'denied')).toBe(true);
    expect(added.map((item) => item.action)).toEqual(expect.arrayContaining(['assessment.record', 'assessment.list']));
  });

  it('reads are audited: the list and one assessment, for the district officer', async () => {
    const before = await stored(children.a1.id);
    const a1Form = form(before.version, { presentUserIds: [users.socialWorkerPledged.id, users.directorV1.id, users.supervisorT1.id] });
    const recorded = await assess('directorV1', children.a1.id, a1Form);
    expect(recorded.status).toBe(201);
    const writes = await h.writesOf(async () => {
      const one = await h.call('GET', `/api/v1/children/${children.a1.id}/assessments/${recorded.body.assessment.id}`, { as: 'cityOfficer' });
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ conclusion: '监护缺位明显，需重点关注', presentNames: ['吴社工', '张东湾', '孙河口'] });
    });
    expect(writes.added).toEqual([expect.objectContaining({ entity: 'audit', action: 'assessment.read', actorId: users.cityOfficer.id, outcome: 'allowed' })]);
  });

  it('R21: an assessment completes the reassessment of a child in guardianship difficulty; the next is due six months on', async () => {
    const registered = await h.call('POST', '/api/v1/children', {
      as: 'districtOfficer',
      json: underFourteen({ categories: ['orphan'], legalBasis: { kind: 'statutoryDuty', authority: '《未成年人保护法》第八十一条' } }),
    });
    expect(registered.status).toBe(201);
    const id = registered.body.id as string;
    const team = { supervisorId: users.supervisorT1.id, directorId: users.directorV1.id, socialWorkerId: users.socialWorkerPledged.id };
    const assigned = await h.call('PUT', `/api/v1/children/${id}/team`, { as: 'districtOfficer', json: { version: 1, team, reason: null } });
    expect(assigned.status).toBe(200);
    const reassessment = async () => (await obligationsOf(id)).find((o) => o.kind === 'reassessment');
    expect(await reassessment()).toMatchObject({ ruleId: 'R21', lastCompletedOn: null, dueDate: '2026-09-10' });

    h.setNow('2026-05-20T03:00:00.000Z');
    const present = [users.socialWorkerPledged.id, users.directorV1.id, users.supervisorT1.id];
    const first = await assess('socialWorkerPledged', id, form(assigned.body.version, { heldOn: '2026-05-20', presentUserIds: present, riskLevel: 'yellow' }));
    expect(first.status).toBe(201);
    expect(await reassessment()).toMatchObject({ lastCompletedOn: '2026-05-20', dueDate: '2026-11-20' });
    const list = await h.call('GET', `/api/v1/children/${id}/assessments`, { as: 'supervisorT1' });
    expect(list.body.nextDue).toBe('2026-11-20');

    // The reassessment by the social worker alone (R2 asks the whole team only the first time).
    h.setNow('2026-11-18T03:00:00.000Z');
    const second = await assess('socialWorkerPledged', id, form(first.body.child.version, { kind: 'reassessment', heldOn: '2026-11-18', presentUserIds: [users.socialWorkerPledged.id], riskLevel: 'green' }));
    expect(second.status).toBe(201);
    expect(await reassessment()).toMatchObject({ lastCompletedOn: '2026-11-18', dueDate: '2027-05-18' });
    const history = await h.call('GET', `/api/v1/children/${id}/assessments`, { as: 'socialWorkerPledged' });
    expect(history.body.items.map((a: { kind: string; riskLevel: string }) => [a.kind, a.riskLevel])).toEqual([['reassessment', 'green'], ['first', 'yellow']]);
  });
});

describe('R2: the year’s assessment is an obligation, completed by any recorded assessment', () => {
  const yearly = async (childId: string) => (await obligationsOf(childId)).find((o) => o.kind === 'yearlyAssessment');
  const inMyDueList = async (childId: string) => {
    const mine = await h.call('GET', '/api/v1/obligations/mine?within=62', { as: 'socialWorkerPledged' });
    expect(mine.status).toBe(200);
    return mine.body.items.filter((o: { childId: string; kind: string }) => o.childId === childId && o.kind === 'yearlyAssessment').length;
  };

  it('is in the social worker’s due list; an assessment moves it to next year’s end of February, and again the year after', async () => {
    // Registered on 2026-03-10 and never assessed: owed by the first end of February after registration.
    expect(await yearly(children.c1.id)).toMatchObject({ performer: 'socialWorker', ruleId: 'R2', dueDate: '2027-02-28', lastCompletedOn: null });
    h.setNow('2027-01-10T03:00:00.000Z');
    expect(await inMyDueList(children.c1.id)).toBe(1);

    const before = await stored(children.c1.id);
    expect((await assess('socialWorkerPledged', children.c1.id, form(before.version, { heldOn: '2027-01-10' }))).status).toBe(201);
    // Assessed in 2027: due by the end of February 2028, a leap year; gone from the list of the next weeks.
    expect(await yearly(children.c1.id)).toMatchObject({ dueDate: '2028-02-29', lastCompletedOn: '2027-01-10', reason: '年度评估：每年二月底前完成监护评估（R2）' });
    expect(await inMyDueList(children.c1.id)).toBe(0);

    h.setNow('2028-01-20T03:00:00.000Z');
    const current = await stored(children.c1.id);
    const again = await assess('socialWorkerPledged', children.c1.id, form(current.version, { kind: 'yearly', heldOn: '2028-01-20', presentUserIds: [users.socialWorkerPledged.id] }));
    expect(again.status).toBe(201);
    expect(await yearly(children.c1.id)).toMatchObject({ dueDate: '2029-02-28', lastCompletedOn: '2028-01-20' });
    // One assessment, one completion date for each of R2's and R21's keys: nothing recorded twice.
    const { obligationState } = await h.table.repositories.records.read({ obligationState: children.c1.id });
    expect(obligationState?.lastCompletions).toMatchObject({ 'reassessment:socialWorker': '2028-01-20', 'yearlyAssessment:socialWorker': '2028-01-20' });
  });

  it('a retry of the same assessment moves nothing twice', async () => {
    const before = await stored(children.c1.id);
    const key = newKey();
    const first = await assess('socialWorkerPledged', children.c1.id, form(before.version), key);
    expect(first.status).toBe(201);
    const after = await yearly(children.c1.id);
    const replay = await assess('socialWorkerPledged', children.c1.id, form(before.version), key);
    expect(replay.body.assessment.id).toBe(first.body.assessment.id);
    expect(await yearly(children.c1.id)).toEqual(after);
    expect((await stored(children.c1.id)).version).toBe(before.version + 1);
  });
});

describe("the supervisor's override", () => {
  const override = (as: SeededUser, body: Record<string, unknown>) => h.call('POST', `/api/v1/children/${children.c1.id}/risk-override`, { as, json: body });

  it('needs the town supervisor and a reason; it is recorded on the child with the event', async () => {
    const before = await stored(children.c1.id);
    const added = await refusedWrite(async () => {
      expect((await override('socialWorkerPledged', { version: before.version, riskLevel: 'red', reason: '紧急' })).status).toBe(403);
      expect((await override('districtOfficer', { version: before.version, riskLevel: 'red', reason: '紧急' })).status).toBe(403);
      expect((await override('supervisorT2', { version: before.version, riskLevel: 'red', reason: '紧急' })).status).toBe(404);
      const noReason = await override('supervisorT1', { version: before.version, riskLevel: 'red' });
      expect([noReason.status, noReason.body.field]).toEqual([400, 'reason']);
      const blank = await override('supervisorT1', { version: before.version, riskLevel: 'red', reason: '  ' });
      expect([blank.status, blank.body.field]).toEqual([400, 'reason']);
    });
    expect(added.every((item) => item.entity === 'audit')).toBe(true);

    const writes = await h.writesOf(async () => {
      const res = await override('supervisorT1', { version: before.version, riskLevel: 'red', reason: '监护人突发重病住院' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ riskLevel: 'red', riskBasis: { kind: 'override', reason: '监护人突发重病住院', byUserId: users.supervisorT1.id } });
    });
    expect(writes.added.find((item) => item.entity === 'outbox')).toMatchObject({ event: { detailType: 'RiskLevelOverridden', detail: { riskLevel: 'red', previousRiskLevel: 'yellow' } } });
    const stale = await override('supervisorT1', { version: before.version, riskLevel: 'green', reason: '情况好转' });
    expect([stale.status, stale.body.field]).toEqual([409, 'version']);
    expect(await stored(children.c1.id)).toMatchObject({ riskLevel: 'red', version: before.version + 1 });
  });
});
