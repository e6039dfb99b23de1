import { beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness, type ApiResponse } from './support/api-harness.js';
import { domainEventSchema } from '../../functions/src/events/domain-events.js';
import { users, type SeededUser } from './support/seed-area.js';

/**
 * Issue 12 part 7, R23 (003 §89): the district bureau grades its district's workers yearly (优秀 / 合格 / 需改进),
 * the worker hears of it in their inbox, may ask for a review within 7 Beijing days of publication, and the review's
 * outcome is decided once.
 */
let h: ApiHarness;
const YEAR = 2026;
// 1 Dec 2026 10:00 Beijing: the day of publication (day 0).
const PUBLISHED = '2026-12-01T02:00:00.000Z';

const publish = (as: SeededUser, body: unknown) => h.call('POST', '/api/v1/evaluations', { as, json: body });
const mine = (as: SeededUser) => h.call('GET', '/api/v1/evaluations/mine', { as });
const askReview = (as: SeededUser, id: string, body: unknown) => h.call('POST', `/api/v1/evaluations/${id}/review-request`, { as, json: body });
const decide = (as: SeededUser, id: string, body: unknown) => h.call('POST', `/api/v1/evaluations/${id}/review-decision`, { as, json: body });
const grade = (workerId: string, value = 'qualified') => ({ workerId, year: YEAR, grade: value, comments: '全年走访按时完成，记录规范。' });

beforeAll(async () => {
  h = await startApiHarness();
  h.setNow(PUBLISHED);
}, 60_000);

describe('who grades whom', () => {
  it("lists the district's supervisors, directors and social workers for the district officer (names masked)", async () => {
    const res = await h.call('GET', `/api/v1/evaluations/workers?year=${YEAR}`, { as: 'districtOfficer' });
    expect(res.status).toBe(200);
    const roles = res.body.items.map((item: { role: string }) => item.role);
    expect(new Set(roles)).toEqual(new Set(['儿童督导员', '儿童主任', '儿童福利社工']));
    expect(res.body.items.some((item: { name: string }) => item.name === '孙*口')).toBe(true);
    expect(res.body.items).toHaveLength(7);
  });

  it.each(['supervisorT1', 'directorV1', 'socialWorkerPledged', 'cityOfficer'] as const)('%s may not grade (403)', async (who) => {
    expect((await publish(who, grade(users.directorV2.id))).status).toBe(403);
  });

  it('refuses to grade a guardian (404: not a worker of the district)', async () => {
    expect((await publish('districtOfficer', grade(users.guardianA.id))).status).toBe(404);
  });
});

describe('a published grade', () => {
  it("reaches the worker's inbox once however often the event comes, and cannot be published twice (409)", async () => {
    // Act
    let res: ApiResponse | undefined;
    const writes = await h.writesOf(async () => (res = await publish('districtOfficer', grade(users.directorV1.id, 'improve'))));
    await h.drainEvents();
    const events = writes.added.filter((item) => item.entity === 'outbox').map((item) => domainEventSchema.parse(item.event));
    expect(events.map((event) => event.detailType)).toEqual(['WorkerEvaluationPublished']);
    expect(JSON.stringify(events)).not.toContain(users.directorV1.name);
    // EventBridge delivers at least once: the same event again tells nobody twice.
    await h.deliverAgain(events);
    // Assess
    expect(res?.status).toBe(201);
    expect(res?.body).toMatchObject({ grade: 'improve', status: 'reviewOpen', reviewDaysLeft: 8, workerName: users.directorV1.name });
    const inbox = await h.call('GET', '/api/v1/inbox', { as: 'directorV1' });
    expect(inbox.body.items.filter((item: { kind: string }) => item.kind === 'evaluationPublished')).toHaveLength(1);
    expect((await publish('districtOfficer', grade(users.directorV1.id, 'excellent'))).status).toBe(409);
    const own = await mine('directorV1');
    expect(own.body.items).toMatchObject([{ year: YEAR, grade: 'improve', comments: '全年走访按时完成，记录规范。' }]);
  });

  it('R23: a review asked for on day 8 is refused (422 saying why), nothing written', async () => {
    const published = await publish('districtOfficer', grade(users.directorV2.id, 'improve'));
    h.setNow('2026-12-08T16:00:00.000Z'); // 9 Dec 00:00 Beijing: day 8
    try {
      const res = await askReview('directorV2', published.body.id, { reasons: '走访记录有遗漏统计', version: published.body.version });
      expect(res.status).toBe(422);
      expect(res.text).toContain('7天内');
      expect((await mine('directorV2')).body.items[0]).toMatchObject({ status: 'final', review: null, reviewDaysLeft: 0 });
    } finally {
      h.setNow(PUBLISHED);
    }
  });

  it('R23: a review asked for on day 7 is recorded, decided once (changed to 合格), and the worker is told', async () => {
    // Prepare
    const published = await publish('districtOfficer', grade(users.supervisorT2.id, 'improve'));
    h.setNow('2026-12-08T15:59:00.000Z'); // 8 Dec 23:59 Beijing: day 7
    try {
      // Act
      const asked = await askReview('supervisorT2', published.body.id, { reasons: '11月因病请假，已补齐走访', version: published.body.version });
      const byOther = await askReview('directorV1', published.body.id, { reasons: '代为申请', version: published.body.version });
      const decided = await decide('districtOfficer', published.body.id, { outcome: 'changed', grade: 'qualified', reasons: '核实补走访属实', version: asked.body.version });
      const twice = await decide('districtOfficer', published.body.id, { outcome: 'upheld', reasons: '再次决定', version: decided.body.version });
      await h.drainEvents();
      // Assess
      expect(asked.status).toBe(200);
      expect(asked.body).toMatchObject({ status: 'reviewRequested', review: { reasons: '11月因病请假，已补齐走访', decision: null } });
      expect(byOther.status).toBe(404);
      expect(decided.status).toBe(200);
      expect(decided.body).toMatchObject({ status: 'final', grade: 'improve', finalGrade: 'qualified', review: { decision: { outcome: 'changed', grade: 'qualified', decidedByName: users.districtOfficer.name } } });
      expect(twice.status).toBe(409);
      const inbox = await h.call('GET', '/api/v1/inbox', { as: 'supervisorT2' });
      expect(inbox.body.items.map((item: { kind: string }) => item.kind).sort()).toEqual(['evaluationPublished', 'evaluationReviewDecided']);
    } finally {
      h.setNow(PUBLISHED);
    }
  });
});
