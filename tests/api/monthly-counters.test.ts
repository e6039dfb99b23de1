import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { rollUpMonth } from '../../functions/src/app/roll-up-month.js';
import { sumFigures, type MonthlyFigures } from '../../functions/src/domain/monthly-report.js';
import { shanghaiDate } from '../../functions/src/domain/time.js';
import { createSeededRandom } from '../../functions/src/local/seeded-random.js';
import { readRawRecords, recountMonth, type RawRecords } from '../support/monthly-recount.js';
import { startApiHarness, type ApiHarness, type ApiResponse } from './support/api-harness.js';
import { underFourteen } from './support/child-writes.js';
import { children, path, users, type SeededUser } from './support/seed-area.js';

/**
 * Issue 9 part 5: the monthly counters, kept in the transactions of the records, agree with the records. A seeded
 * random sequence of check-ins, contacts, guardians' answers, settlements, corrections (some across a month's
 * boundary), withdrawals, concern reports and closings, difficult cases raised and resolved, children registered,
 * re-graded and closed runs through the API's use cases across the end of November; then the roll-up's figures of
 * every village and town, for November and December, equal a recount of the raw records.
 */
let h: ApiHarness;
const random = createSeededRandom(20261130);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

interface Recorded {
  childId: string;
  visitId: string;
  author: SeededUser;
  recordedAt: number;
}

const visits: Recorded[] = [];
const openConcerns: { id: string; villageId: 'v1' | 'v2' }[] = [];
const openEscalations: string[] = [];
const registered: string[] = [];
let endOfNovember: RawRecords | null = null;

function ok(res: ApiResponse, what: string): ApiResponse {
  if (res.status >= 300) throw new Error(`${what} answered ${res.status}: ${res.text}`);
  return res;
}

let clock = Date.parse('2026-10-20T01:00:00.000Z');
const now = () => new Date(clock);

/** A time a little before now, in Beijing time as a phone sends it; sometimes just either side of midnight. */
function startBefore(hours: number): Date {
  return new Date(clock - hours * 3_600_000);
}

const beijing = (instant: Date) => new Date(instant.getTime() + 8 * 3_600_000).toISOString().replace('Z', '+08:00').replace('.000', '');

async function checkIn(as: SeededUser, childId: string, kind: 'homeVisit' | 'contact', participants: SeededUser[], minutes: number) {
  const started = startBefore(3 + Math.floor(random() * 40));
  const body = {
    kind,
    startedAt: beijing(started),
    endedAt: beijing(new Date(started.getTime() + minutes * 60_000)),
    location: kind === 'homeVisit' ? { latitude: 30.93, longitude: 121.28, accuracyMeters: 20 } : null,
    participantIds: participants.map((who) => users[who].id),
    ...(kind === 'contact' ? { contactChannel: 'phone' } : {}),
    notes: '走访记录',
  };
  const res = ok(await h.call('POST', `/api/v1/children/${childId}/visits`, { as, json: body, headers: { 'idempotency-key': randomUUID() } }), 'check-in');
  visits.push({ childId, visitId: res.body.id, author: as, recordedAt: clock });
}

const stored = (visit: Recorded) => h.table.repositories.visits.get(visit.childId, visit.visitId);
const guardianOf: Record<string, SeededUser> = { [children.a1.id]: 'guardianA', [children.a2.id]: 'guardianA', [children.b1.id]: 'guardianB' };
const supervisorOf: Record<string, SeededUser> = { [children.a1.id]: 'supervisorT1', [children.a2.id]: 'supervisorT1', [children.c1.id]: 'supervisorT1', [children.b1.id]: 'supervisorT2' };
const stillAmendable = (visit: Recorded) => clock - visit.recordedAt < 6 * 86_400_000;

const steps: Record<string, () => Promise<void>> = {
  async socialWorkerHomeVisit() {
    const childId = pick([children.a1.id, children.c1.id]);
    const director: SeededUser = childId === children.a1.id ? 'directorV1' : 'directorV2';
    await checkIn('socialWorkerPledged', childId, 'homeVisit', ['socialWorkerPledged', director], pick([150, 60]));
  },
  async directorHomeVisit() {
    await checkIn('directorV1', pick([children.a1.id, children.a2.id]), 'homeVisit', ['directorV1'], 90);
  },
  async contact() {
    const [as, childId] = pick([['directorV1', children.a2.id], ['directorV2', children.c1.id], ['directorV3', children.b1.id]] as const);
    await checkIn(as, childId, 'contact', [as], 10);
  },
  async answer() {
    const candidates = [];
    for (const visit of visits.filter((candidate) => guardianOf[candidate.childId])) {
      const current = await stored(visit);
      if (current && current.confirmation.state === 'pending' && current.corrections.every((c) => c.kind !== 'withdrawn')) candidates.push(current);
    }
    if (candidates.length === 0) return;
    const visit = pick(candidates);
    const dispute = random() < 0.4;
    const body = { decision: dispute ? 'dispute' : 'confirm', reasons: dispute ? ['wrongTime'] : [], note: '', version: visit.version };
    ok(await h.call('POST', `/api/v1/children/${visit.childId}/visits/${visit.id}/confirmation`, { as: guardianOf[visit.childId], json: body }), 'answer');
  },
  async settle() {
    const candidates = [];
    for (const visit of visits) {
      const current = await stored(visit);
      if (current && current.confirmation.state === 'disputed' && current.resolution === null) candidates.push(current);
    }
    if (candidates.length === 0) return;
    const visit = pick(candidates);
    const body = { outcome: pick(['verified', 'notAsRecorded', 'revisitArranged']), note: '已核实', version: visit.version };
    ok(await h.call('POST', `/api/v1/children/${visit.childId}/visits/${visit.id}/resolution`, { as: supervisorOf[visit.childId], json: body }), 'settle');
  },
  async correct() {
    const candidates = [];
    for (const visit of visits.filter(stillAmendable)) {
      const current = await stored(visit);
      if (current && current.corrections.every((c) => c.kind !== 'withdrawn')) candidates.push({ visit, current });
    }
    if (candidates.length === 0) return;
    const { visit, current } = pick(candidates);
    // A day earlier or later (not after now), which near the month's end moves it across the boundary.
    const shift = (random() < 0.5 ? -1 : 1) * (20 + Math.floor(random() * 10)) * 3_600_000;
    const started = Date.parse(current.startedAt) + shift;
    const length = Date.parse(current.endedAt) - Date.parse(current.startedAt);
    if (started + length > clock) return;
    const body = { version: current.version, reason: '时间记错了', changes: { startedAt: beijing(new Date(started)), endedAt: beijing(new Date(started + length)) } };
    ok(await h.call('POST', `/api/v1/children/${visit.childId}/visits/${visit.visitId}/corrections`, { as: visit.author, json: body }), 'correct');
  },
  async withdraw() {
    const candidates = [];
    for (const visit of visits.filter(stillAmendable)) {
      const current = await stored(visit);
      if (current && current.corrections.every((c) => c.kind !== 'withdrawn')) candidates.push({ visit, current });
    }
    if (candidates.length === 0) return;
    const { visit, current } = pick(candidates);
    const body = { version: current.version, reason: '重复登记' };
    ok(await h.call('POST', `/api/v1/children/${visit.childId}/visits/${visit.visitId}/withdrawal`, { as: visit.author, json: body }), 'withdraw');
  },
  async reportConcern() {
    const villageId = pick(['v1', 'v2'] as const);
    const body = { childDescription: '约8岁的男孩', villageId, kinds: ['leftAloneAtHome'], urgent: false, description: '连续几个晚上一个人在家' };
    const res = ok(await h.call('POST', '/api/v1/public/concerns', { json: body, headers: { 'idempotency-key': randomUUID() }, remoteAddress: `203.0.113.${openConcerns.length + 1}` }), 'report');
    const queue = (await h.call('GET', '/api/v1/concerns', { as: 'supervisorT1' })).body.queue as { id: string; status: string }[];
    const known = new Set(openConcerns.map((concern) => concern.id));
    const added = queue.find((line) => line.status === 'received' && !known.has(line.id));
    expect(res.body.trackingCode).toBeTruthy();
    openConcerns.push({ id: added!.id, villageId });
  },
  async closeConcern() {
    if (openConcerns.length === 0) return;
    const { id, villageId } = openConcerns.splice(Math.floor(random() * openConcerns.length), 1)[0];
    const director: SeededUser = villageId === 'v1' ? 'directorV1' : 'directorV2';
    const path: [SeededUser, Record<string, unknown>][] = [
      [director, { to: 'acknowledged' }],
      [director, { to: 'investigating' }],
      ['supervisorT1', { to: 'assessed', riskLevel: 'yellow' }],
      ['supervisorT1', { to: 'assisting' }],
      ['supervisorT1', { to: 'closed', closingFeedback: '已安排亲属照看' }],
    ];
    let version = 1;
    for (const [as, body] of path) {
      ok(await h.call('POST', `/api/v1/concerns/${id}/steps`, { as, json: { ...body, version } }), 'concern step');
      version += 1;
    }
  },
  async raiseEscalation() {
    const form = { problem: '父亲外出务工失联，孩子常独自在家', tried: '联系村委与学校', helpNeeded: '申请临时监护', urgent: false };
    const childId = pick([children.a1.id, children.c1.id]);
    const res = ok(await h.call('POST', `/api/v1/children/${childId}/escalations`, { as: 'socialWorkerPledged', json: form, headers: { 'idempotency-key': randomUUID() } }), 'raise');
    openEscalations.push(res.body.id);
  },
  async resolveEscalation() {
    if (openEscalations.length === 0) return;
    const id = openEscalations.splice(Math.floor(random() * openEscalations.length), 1)[0];
    ok(await h.call('POST', `/api/v1/escalations/${id}/steps`, { as: 'supervisorT1', json: { action: 'acknowledge', version: 1 } }), 'acknowledge');
    ok(await h.call('POST', `/api/v1/escalations/${id}/steps`, { as: 'supervisorT1', json: { action: 'resolve', note: '已解决', version: 2 } }), 'resolve');
  },
  async registerChild() {
    const body = underFourteen({
      region: pick([path.v1, path.v2]),
      riskLevel: pick(['red', 'yellow', 'green']),
      legalBasis: { kind: 'statutoryDuty', authority: '《未成年人保护法》第八十一条' },
    });
    const res = ok(await h.call('POST', '/api/v1/children', { as: 'districtOfficer', json: body }), 'register');
    registered.push(res.body.id);
  },
  async regradeChild() {
    const childId = pick([...registered, children.a2.id]);
    const child = (await h.table.repositories.children.get(childId))!;
    if (child.status === 'closed') return;
    // Issue 12 (R18): the level changes by the town supervisor's override (or an assessment), never a patch.
    const riskLevel = pick(['red', 'yellow', 'green'].filter((level) => level !== child.riskLevel));
    const json = { version: child.version, riskLevel, reason: '家庭情况变化' };
    ok(await h.call('POST', `/api/v1/children/${childId}/risk-override`, { as: 'supervisorT1', json }), 'regrade');
  },
  async closeChild() {
    if (registered.length === 0) return;
    const childId = registered.splice(Math.floor(random() * registered.length), 1)[0];
    const child = (await h.table.repositories.children.get(childId))!;
    ok(await h.call('PATCH', `/api/v1/children/${childId}`, { as: 'districtOfficer', json: { version: child.version, changes: { status: 'closed' } } }), 'close');
  },
};

const weights: [keyof typeof steps, number][] = [
  ['socialWorkerHomeVisit', 5],
  ['directorHomeVisit', 2],
  ['contact', 3],
  ['answer', 4],
  ['settle', 1],
  ['correct', 3],
  ['withdraw', 1],
  ['reportConcern', 2],
  ['closeConcern', 1],
  ['raiseEscalation', 1],
  ['resolveEscalation', 1],
  ['registerChild', 2],
  ['regradeChild', 2],
  ['closeChild', 1],
];

function nextStep(): keyof typeof steps {
  let roll = random() * weights.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [name, weight] of weights) if ((roll -= weight) < 0) return name;
  return weights[0][0];
}

const STEPS = 90;
const END = Date.parse('2026-12-06T12:00:00.000Z');

beforeAll(async () => {
  h = await startApiHarness();
  h.setNow(now().toISOString());
  const ran: string[] = [];
  for (let index = 0; index < STEPS; index += 1) {
    clock += Math.floor(((END - Date.parse('2026-10-20T01:00:00.000Z')) / STEPS) * (0.5 + random()));
    if (endOfNovember === null && shanghaiDate(new Date(clock)) >= '2026-12-01') endOfNovember = await readRawRecords(h.table);
    h.setNow(now().toISOString());
    const name = nextStep();
    ran.push(name);
    await steps[name]();
  }
  expect(endOfNovember).not.toBeNull();
}, 600_000);

function expectAgreement(month: string, reports: Map<string, MonthlyFigures>, recount: Map<string, MonthlyFigures>) {
  for (const villageId of ['v1', 'v2', 'v3', 'v4']) {
    expect(reports.get(villageId), `${month} ${villageId}`).toEqual(recount.get(villageId) ?? sumFigures([]));
  }
  expect(reports.get('t1')).toEqual(sumFigures([recount.get('v1'), recount.get('v2')].filter((f) => f !== undefined)));
}

describe('the monthly counters after a random sequence of changes', () => {
  it('give the same figures as a recount of the raw records, for the month that ended and the month so far', async () => {
    // Act
    const rollUpPorts = { ...h.table.repositories, clock: now };
    await rollUpMonth(rollUpPorts, '2026-11');
    await rollUpMonth(rollUpPorts, '2026-12');
    // Assess
    const records = await readRawRecords(h.table);
    for (const month of ['2026-11', '2026-12']) {
      const reports = new Map<string, MonthlyFigures>();
      for (const regionId of ['v1', 'v2', 'v3', 'v4', 't1', 't2', 't3', 'd1', 'c1']) {
        const report = await h.table.repositories.monthlyReports.get(regionId, month);
        reports.set(regionId, report!.figures);
      }
      expectAgreement(month, reports, recountMonth(month, records, month === '2026-11' ? endOfNovember! : records));
    }
    // The sequence exercised what it is about.
    const november = (await h.table.repositories.monthlyReports.get('c1', '2026-11'))!.figures;
    const december = (await h.table.repositories.monthlyReports.get('c1', '2026-12'))!.figures;
    const both = sumFigures([november, december]);
    expect(both.visitsDone).toBeGreaterThan(3);
    expect(both.contacts).toBeGreaterThan(0);
    expect(both.confirmations + both.disputes).toBeGreaterThan(1);
    expect(both.concernsReceived).toBeGreaterThan(0);
    expect(both.visitsOnTime + both.visitsLate).toBeGreaterThan(0);
    expect(both.visitsDue).toBeGreaterThan(both.visitsMissing);
    expect(both.visitsMissing).toBeGreaterThan(0);
    expect(both.disputes).toBeGreaterThan(0);
    expect(records.visits.some((visit) => visit.corrections.length > 0)).toBe(true);
    expect(november.childrenServed).toBeGreaterThanOrEqual(4);
  }, 120_000);
});
