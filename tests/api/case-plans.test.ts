import { beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { users, type SeededUser } from './support/seed-area.js';
import { itemsOfChild } from './support/visits.js';

/**
 * Issue 12 parts 2 and 3: a child's case over DynamoDB Local. R2 one plan per child, versioned (409 on a stale
 * version), written by the team and the town's supervisor, read by officers; a guardian reads the family-facing part
 * only, a volunteer nothing. R15 reviews and closing (told 7 days ahead) and R22's deadlines become obligations.
 */
let h: ApiHarness;

/** The child's stored obligations (the due lists' items), with whose duty each is. */
async function obligationsOf(childId: string) {
  const items = await itemsOfChild(h, childId, 'OBLIGATION#');
  return items.map((item) => ({ ...(item.obligation as { kind: string; dueDate: string; ruleId: string; reason: string; performer: string }), assigneeId: item.assigneeId }));
}
const CHILD = 'child-a1';
let keyCount = 0;
const newKey = () => `case-plan-key-${++keyCount}`;

const planBody = (version: number, overrides: Record<string, unknown> = {}) => ({
  assessmentId: null,
  goals: [
    { goal: '按时上学，不再旷课', success: '一学期旷课不超过一天' },
    { goal: '独居期间每天有人照看晚饭', success: '邻居每天照看并记录' },
  ],
  services: [{ service: '课后托管', provider: '东湾村儿童之家' }],
  tasks: [
    { task: '联系学校班主任每周反馈出勤', assigneeId: users.socialWorkerPledged.id, dueOn: '2026-06-15' },
    { task: '落实邻居照看协议', assigneeId: users.directorV1.id, dueOn: '2026-06-10' },
  ],
  family: { told: '我们会每月上门看望孩子，并安排课后托管。', familyAgrees: '爷爷每天接送孩子上下学。' },
  internalNotes: '内部：祖父饮酒问题需持续观察',
  version,
  ...overrides,
});

const readPlan = (as: SeededUser, childId = CHILD) => h.call('GET', `/api/v1/children/${childId}/plan`, { as });
const savePlan = (as: SeededUser, body: unknown, key = newKey(), childId = CHILD) =>
  h.call('PUT', `/api/v1/children/${childId}/plan`, { as, json: body, headers: { 'idempotency-key': key } });
const post = (as: SeededUser, path: string, body: unknown, headers: Record<string, string> = {}) =>
  h.call('POST', `/api/v1/children/${CHILD}${path}`, { as, json: body, headers });

beforeAll(async () => {
  h = await startApiHarness();
  h.setNow('2026-06-01T02:00:00.000Z'); // 2026-06-01 in Beijing
}, 60_000);

describe('R2: one plan per child', () => {
  it('is written by the social worker, with an R15 review three months on as an obligation', async () => {
    // Act
    const res = await savePlan('socialWorkerPledged', planBody(0));
    // Assess
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ view: 'full', status: 'open', nextReviewOn: '2026-09-01', canEdit: true });
    expect(res.body.plan).toMatchObject({ version: 1, assessmentId: null, recordedByName: '吴社工' });
    expect(res.body.plan.tasks.map((t: { assigneeName: string }) => t.assigneeName)).toEqual(['吴社工', '张东湾']);
    const due = await obligationsOf(CHILD);
    expect(due.find((o) => o.kind === 'planReview')).toMatchObject({ dueDate: '2026-09-01', ruleId: 'R15', assigneeId: users.socialWorkerPledged.id });
  });

  it('sent again with the same Idempotency-Key is stored once', async () => {
    // Prepare
    const before = await readPlan('supervisorT1');
    const key = newKey();
    // Act
    const first = await savePlan('supervisorT1', planBody(before.body.plan.version, { internalNotes: '督导补充' }), key);
    const again = await savePlan('supervisorT1', planBody(before.body.plan.version, { internalNotes: '督导补充' }), key);
    // Assess
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body.plan.version).toBe(before.body.plan.version + 1);
    expect(again.body.history).toHaveLength(before.body.history.length + 1);
  });

  it('saved over a stale version is a 409 and overwrites nothing; the history keeps every version', async () => {
    // Prepare
    const current = (await readPlan('socialWorkerPledged')).body.plan.version;
    // Act
    const writes = await h.writesOf(async () => {
      const stale = await savePlan('directorV1', planBody(current - 1, { internalNotes: '覆盖' }));
      expect(stale.status).toBe(409);
      expect(stale.headers.get('content-type')).toBe('application/problem+json');
    });
    // Assess
    expect(writes.added.filter((item) => !String(item.pk).startsWith('AUDIT#'))).toEqual([]);
    expect(writes.removedOrChanged).toEqual([]);
    const after = await readPlan('socialWorkerPledged');
    expect(after.body.plan.internalNotes).toBe('督导补充');
    expect(after.body.history.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });

  it('refuses bad input with 400 naming the field and writes nothing', async () => {
    // Act
    const writes = await h.writesOf(async () => {
      const noGoals = await savePlan('socialWorkerPledged', planBody(2, { goals: [] }));
      const badDate = await savePlan('socialWorkerPledged', planBody(2, { tasks: [{ task: '某事', assigneeId: users.socialWorkerPledged.id, dueOn: '2026-13-01' }] }));
      const stranger = await savePlan('socialWorkerPledged', planBody(2, { tasks: [{ task: '某事', assigneeId: users.directorV2.id, dueOn: '2026-07-01' }] }));
      const noKey = await h.call('PUT', `/api/v1/children/${CHILD}/plan`, { as: 'socialWorkerPledged', json: planBody(2) });
      // R2: built from an assessment of this child, which must be on record (a rule, so 422).
      const unknownAssessment = await savePlan('socialWorkerPledged', planBody(2, { assessmentId: 'no-such-assessment' }));
      // Assess
      expect(unknownAssessment.status).toBe(422);
      expect(JSON.stringify(unknownAssessment.body)).toContain('assessmentId');
      expect(noGoals.status).toBe(400);
      expect(JSON.stringify(noGoals.body)).toContain('goals');
      expect(badDate.status).toBe(400);
      expect(JSON.stringify(badDate.body)).toContain('dueOn');
      expect(stranger.status).toBe(400);
      expect(JSON.stringify(stranger.body)).toContain('tasks.0.assigneeId');
      expect(noKey.status).toBe(400);
      expect(JSON.stringify(noKey.body)).toContain('Idempotency-Key');
    });
    expect(writes.added.filter((item) => !String(item.pk).startsWith('AUDIT#'))).toEqual([]);
    expect(writes.removedOrChanged).toEqual([]);
  });
});

describe('who sees the plan', () => {
  it("gives the guardian the family-facing part only: no tasks, internal notes, reviews or closing report", async () => {
    // Act
    const res = await readPlan('guardianA');
    // Assess
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      view: 'family',
      goals: [{ goal: '按时上学，不再旷课', success: '一学期旷课不超过一天' }, { goal: '独居期间每天有人照看晚饭', success: '邻居每天照看并记录' }],
      services: [{ service: '课后托管', provider: '东湾村儿童之家' }],
      told: '我们会每月上门看望孩子，并安排课后托管。',
      familyAgrees: '爷爷每天接送孩子上下学。',
      nextReviewOn: '2026-09-01',
    });
    for (const field of ['plan', 'tasks', 'internalNotes', 'reviews', 'closing', 'history', 'team', 'stateGuardianship']) expect(res.body).not.toHaveProperty(field);
    expect(res.text).not.toContain('饮酒');
    expect(res.text).not.toContain('督导补充');
  });

  it('lets officers read in full but not write; refuses a volunteer and another town; audits each read', async () => {
    // Act
    const officer = await readPlan('districtOfficer');
    const officerWrites = await savePlan('districtOfficer', planBody(2));
    const volunteer = await readPlan('volunteer');
    const otherSupervisor = await readPlan('supervisorT2');
    const otherGuardian = await readPlan('guardianB');
    // Assess
    expect(officer.status).toBe(200);
    expect(officer.body).toMatchObject({ view: 'full', canEdit: false });
    expect(officerWrites.status).toBe(403);
    expect(volunteer.status).toBe(404);
    expect(otherSupervisor.status).toBe(404);
    expect(otherGuardian.status).toBe(404);
    const audit = await h.table.repositories.audit.listByChild(CHILD, 200);
    expect(audit.some((entry) => entry.action === 'casePlan.read' && entry.actorId === users.districtOfficer.id && entry.outcome === 'allowed')).toBe(true);
    expect(audit.some((entry) => entry.action === 'casePlan.read' && entry.actorId === users.guardianA.id)).toBe(true);
  });
});

describe('R15: reviews and closing', () => {
  it('records a review once per Idempotency-Key and moves the review obligation to the next date', async () => {
    // Prepare
    const key = newKey();
    const body = {
      reviewedOn: '2026-06-01',
      childChange: '出勤明显好转',
      goals: [{ outcome: 'reached', note: '' }, { outcome: 'partly', note: '周末无人照看' }],
      resourcesUsed: '课后托管 8 次',
    };
    // Act
    const first = await post('socialWorkerPledged', '/plan/reviews', body, { 'idempotency-key': key });
    const again = await post('socialWorkerPledged', '/plan/reviews', body, { 'idempotency-key': key });
    const wrongGoals = await post('socialWorkerPledged', '/plan/reviews', { ...body, goals: [{ outcome: 'reached', note: '' }] }, { 'idempotency-key': newKey() });
    // Assess
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.reviews).toHaveLength(1);
    expect(again.body.nextReviewOn).toBe('2026-09-01');
    expect(wrongGoals.status).toBe(400);
    expect(JSON.stringify(wrongGoals.body)).toContain('goals');
    const due = await obligationsOf(CHILD);
    expect(due.filter((o) => o.kind === 'planReview')).toEqual([expect.objectContaining({ dueDate: '2026-09-01' })]);
  });

  it('closes no earlier than seven days after the family was told, then the plan is read-only and the follow-up is due', async () => {
    // Prepare
    const closing = {
      closedOn: '2026-06-07',
      reason: 'goalsReached',
      summary: '半年来课后托管与邻里照看落实，出勤正常',
      situationAtClosing: '儿童生活学习稳定',
      familyMessage: '孩子情况稳定，服务告一段落，我们会继续回访。',
      followUp: { performer: 'director', startsOn: '2026-06-15', interval: { unit: 'month', count: 1 }, endsOn: '2026-09-15' },
    };
    // Act
    const unannounced = await post('socialWorkerPledged', '/closing', closing);
    const told = await post('socialWorkerPledged', '/closing/announcement', { toldOn: '2026-06-01', how: 'inPerson', toldWhom: '李大山' });
    h.setNow('2026-06-07T02:00:00.000Z');
    const tooEarly = await post('socialWorkerPledged', '/closing', closing);
    h.setNow('2026-06-08T02:00:00.000Z');
    const closed = await post('socialWorkerPledged', '/closing', { ...closing, closedOn: '2026-06-08' });
    const editAfter = await savePlan('socialWorkerPledged', planBody(closed.body.plan?.version ?? 0));
    // Assess
    expect(unannounced.status).toBe(422);
    expect(told.status).toBe(200);
    expect(told.body.closing.announcement.earliestClosingOn).toBe('2026-06-08');
    expect(tooEarly.status).toBe(422);
    expect(JSON.stringify(tooEarly.body)).toContain('closedOn');
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', canEdit: false, nextReviewOn: null });
    expect(editAfter.status).toBe(422);
    const due = await obligationsOf(CHILD);
    expect(due.find((o) => o.kind === 'followUp')).toMatchObject({ ruleId: 'R15', dueDate: '2026-06-15', performer: 'director', assigneeId: users.directorV1.id });
    expect(due.some((o) => o.kind === 'planReview')).toBe(false);
    const family = await readPlan('guardianA');
    expect(family.body.closingNotice).toEqual({ toldOn: '2026-06-01', earliestClosingOn: '2026-06-08', closedOn: '2026-06-08', familyMessage: closing.familyMessage, followUpUntil: '2026-09-15' });
    expect(family.text).not.toContain('半年来课后托管');
  });
});

describe('R2 handbook and R22 temporary state guardianship', () => {
  it('records the handbook handed over once, by a team member to a guardian of the child', async () => {
    // Act
    const notGuardian = await h.call('PUT', `/api/v1/children/${CHILD}/handbook`, { as: 'directorV1', json: { handedOverOn: '2026-03-12', handedOverById: users.directorV1.id, guardianName: '陌生人' } });
    const body = { handedOverOn: '2026-03-12', handedOverById: users.directorV1.id, guardianName: '李大山' };
    const first = await h.call('PUT', `/api/v1/children/${CHILD}/handbook`, { as: 'directorV1', json: body });
    const again = await h.call('PUT', `/api/v1/children/${CHILD}/handbook`, { as: 'directorV1', json: body });
    // Assess
    expect(notGuardian.status).toBe(400);
    expect(JSON.stringify(notGuardian.body)).toContain('guardianName');
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(first.body.handbook).toMatchObject({ handedOverOn: '2026-03-12', handedOverByName: '张东湾', guardianName: '李大山' });
  });

  it('makes the six-month evaluation and the three-day collection obligations, each done by its record', async () => {
    // Prepare: placed on 2025-12-31 is before today; the evaluation is due 2026-06-30.
    const childId = 'child-c1';
    const step = (body: unknown) => h.call('POST', `/api/v1/children/${childId}/state-guardianship`, { as: 'supervisorT1', json: body });
    const dueFor = async (kind: string) => (await obligationsOf(childId)).find((o) => o.kind === kind);
    // Act
    const placed = await step({ step: 'placed', on: '2025-12-31', institution: '江城市儿童福利院' });
    const evaluationDue = await dueFor('stateGuardianshipEvaluation');
    const cleared = await step({ step: 'evaluated', on: '2026-06-05', cleared: true, note: '家庭条件改善' });
    const collectionDue = await dueFor('guardianCollection');
    const evaluationAfter = await dueFor('stateGuardianshipEvaluation');
    const collected = await step({ step: 'collected', on: '2026-06-07', guardianName: '赵建国' });
    const collectionAfter = await dueFor('guardianCollection');
    // Assess
    expect(placed.status).toBe(200);
    expect(evaluationDue).toMatchObject({ dueDate: '2026-06-30', ruleId: 'R22' });
    expect(evaluationDue!.reason).toContain('R22');
    expect(cleared.status).toBe(200);
    expect(collectionDue).toMatchObject({ dueDate: '2026-06-08', ruleId: 'R22' });
    expect(evaluationAfter).toBeUndefined();
    expect(collected.status).toBe(200);
    expect(collectionAfter).toBeUndefined();
    expect(collected.body.stateGuardianship).toMatchObject({ collected: { on: '2026-06-07', guardianName: '赵建国' }, collectBy: null });
  });
});
