import { randomUUID } from 'node:crypto';
import { sign } from 'hono/jwt';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../functions/src/api/app.js';
import { diffSnapshots, startApiHarness, TEST_SESSION_SECRET, type ApiHarness, type CallOptions } from './support/api-harness.js';
import { children, path } from './support/seed-area.js';
import { homeVisitBody, postCheckIn } from './support/visits.js';

/**
 * Bad input gets a 4xx problem+json naming the field, and nothing is written (STYLE.md habit 2). Every request is
 * made as the district officer, who may do everything to every child of the district, so only the input is at fault.
 */
let h: ApiHarness;
let version: number;
/** A visit of child a1 waiting for guardian A's answer, for the disputes with junk text. */
let pending: { id: string; version: number };

/** Earlier on the harness clock's day, so that only the text is at fault. */
const checkInBody = (overrides: Record<string, unknown> = {}) =>
  homeVisitBody({ startedAt: '2026-03-10T07:00:00+08:00', endedAt: '2026-03-10T09:30:00+08:00', ...overrides });

beforeAll(async () => {
  h = await startApiHarness();
  const checkIn = await postCheckIn(h, 'socialWorkerPledged', children.a1.id, checkInBody());
  expect(checkIn.status).toBe(201);
  pending = { id: checkIn.body.id, version: checkIn.body.version };
  version = (await h.table.repositories.children.get(children.a1.id))!.version;
});

const validChild = {
  name: '孙小花',
  gender: 'female',
  birthDate: '2012-06-01',
  address: '江城市临江区河口镇东湾村9组1号',
  region: path.v1,
  categories: ['leftBehind'],
  riskLevel: 'yellow',
  guardians: [{ userId: null, name: '孙大海', relation: 'father', phone: null }],
  legalBasis: { kind: 'statutoryDuty', authority: '《未成年人保护法》第八十一条' },
};

const a1 = `/api/v1/children/${children.a1.id}`;

/** Issue 6: text with control characters, broken UTF-16 or nothing visible, and implausible dates. */
const NUL = '\u0000';
const LONE_SURROGATE = '\uD842';
const ZERO_WIDTH_ONLY = '\u200B\u200C\u200D\u2060\uFEFF';
const consent = { kind: 'guardianConsent', guardianName: '孙大海', consentedOn: '2026-01-04', recordRef: 'HK-2026-009' };
const checkIn = (overrides: Record<string, unknown>) => ({
  as: 'socialWorkerPledged' as const,
  json: checkInBody(overrides),
  headers: { 'idempotency-key': randomUUID() },
});
const dispute = (note: string) => ({
  as: 'guardianA' as const,
  json: { decision: 'dispute', reasons: ['other'], note, version: pending.version },
});
/** The pending visit's id is known only once the harness runs: the table names it by this placeholder. */
const PENDING_VISIT = '{pendingVisit}';
const answerToPending = `${a1}/visits/${PENDING_VISIT}/confirmation`;

type Case = [label: string, method: string, url: string, options: () => CallOptions | Promise<CallOptions>, status: number, field?: string];

const cases: Case[] = [
  ['wrong type of a field', 'POST', '/api/v1/children', () => ({ json: { ...validChild, name: 123 } }), 400, 'name'],
  ['an unknown field', 'POST', '/api/v1/children', () => ({ json: { ...validChild, nickname: '小花' } }), 400, 'nickname'],
  ['an unknown nested field', 'POST', '/api/v1/children', () => ({ json: { ...validChild, region: { ...path.v1, street: 'x' } } }), 400, 'region.street'],
  ['a system field on create', 'POST', '/api/v1/children', () => ({ json: { ...validChild, id: 'chosen-id' } }), 400, 'id'],
  ['a bad enum value', 'POST', '/api/v1/children', () => ({ json: { ...validChild, riskLevel: 'purple' } }), 400, 'riskLevel'],
  ['a bad phone in a guardian', 'POST', '/api/v1/children', () => ({ json: { ...validChild, guardians: [{ ...validChild.guardians[0], phone: '12345' }] } }), 400, 'guardians.0.phone'],
  ['an impossible date in a patch', 'PATCH', a1, () => ({ json: { version, changes: { birthDate: '2020-02-30' } } }), 400, 'changes.birthDate'],
  ['an unknown field in a patch', 'PATCH', a1, () => ({ json: { version, changes: { nickname: 'x' } } }), 400, 'changes.nickname'],
  ['an attempt to change the id', 'PATCH', a1, () => ({ json: { version, changes: { id: 'other' } } }), 400, 'changes.id'],
  ['an empty patch', 'PATCH', a1, () => ({ json: { version, changes: {} } }), 400, 'changes'],
  ['a version as text', 'PATCH', a1, () => ({ json: { version: String(version), changes: { address: '新址' } } }), 400, 'version'],
  ['no version', 'PATCH', a1, () => ({ json: { changes: { address: '新址' } } }), 400, 'version'],
  ['a team without its social worker', 'PUT', `${a1}/team`, () => ({ json: { version, team: { supervisorId: 'u-supervisor-t1', directorId: 'u-director-v1' } } }), 400, 'team.socialWorkerId'],
  ['a one-character reason', 'PUT', `${a1}/team`, () => ({ json: { version, team: children.a1.team, reason: 'x' } }), 400, 'reason'],
  ['a body that is an array', 'POST', '/api/v1/children', () => ({ json: [validChild] }), 400],
  ['malformed JSON', 'POST', '/api/v1/children', () => ({ body: '{"name": "孙', headers: { 'content-type': 'application/json' } }), 400],
  ['a text body', 'POST', '/api/v1/children', () => ({ body: JSON.stringify(validChild), headers: { 'content-type': 'text/plain' } }), 415],
  ['a body with no content type', 'PATCH', a1, () => ({ body: JSON.stringify({ version, changes: { address: '新址' } }) }), 415],
  ['a form body', 'POST', '/api/v1/children', () => ({ body: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415],
  [
    'an oversized body declared by Content-Length',
    'POST',
    '/api/v1/children',
    () => {
      const body = JSON.stringify({ ...validChild, address: 'x'.repeat(MAX_BODY_BYTES) });
      return { body, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } };
    },
    413,
  ],
  [
    'an oversized chunked body (no Content-Length)',
    'POST',
    '/api/v1/children',
    () => ({ body: chunkedStream(JSON.stringify({ ...validChild, address: 'x'.repeat(MAX_BODY_BYTES) })), headers: { 'content-type': 'application/json' } }),
    413,
  ],
  ['a malformed id', 'GET', '/api/v1/children/bad.id', () => ({}), 400, 'id'],
  ['a limit above the maximum', 'GET', '/api/v1/children?limit=101', () => ({}), 400, 'limit'],
  ['a limit of zero', 'GET', '/api/v1/children?limit=0', () => ({}), 400, 'limit'],
  ['a limit that is not a number', 'GET', '/api/v1/children?limit=ten', () => ({}), 400, 'limit'],
  ['a cursor with forbidden characters', 'GET', '/api/v1/children?cursor=%7B%22k%22%3Anull%7D', () => ({}), 400, 'cursor'],
  ['a cursor that does not decode', 'GET', `/api/v1/children?cursor=${Buffer.from('not json').toString('base64url')}`, () => ({}), 400, 'cursor'],
  ['a cursor of the wrong shape', 'GET', `/api/v1/children?cursor=${Buffer.from('{"k":{"pk":1}}').toString('base64url')}`, () => ({}), 400, 'cursor'],
  ['an unknown query parameter', 'GET', '/api/v1/children?page=2', () => ({}), 400, 'page'],
  ['no token', 'GET', a1, () => ({ as: undefined, token: '' }), 401],
  ['a malformed token', 'PATCH', a1, () => ({ token: 'abc.def', json: { version, changes: { address: '新址' } } }), 401],
  ['a token signed with another key', 'PATCH', a1, async () => ({ token: await forged('another-secret-0123456789abcdefghijkl'), json: { version, changes: { address: '新址' } } }), 401],
  ['an expired token', 'PATCH', a1, async () => ({ token: await expired(), json: { version, changes: { address: '新址' } } }), 401],
  ['a token for an account that does not exist', 'GET', a1, async () => ({ token: await ghost() }), 401],
  ['a token whose role no longer matches the account', 'GET', a1, async () => ({ token: await elevated() }), 401],
  ['a name with a NUL', 'POST', '/api/v1/children', () => ({ json: { ...validChild, name: `孙小${NUL}花` } }), 400, 'name'],
  ['an address with a lone surrogate', 'POST', '/api/v1/children', () => ({ json: { ...validChild, address: `东湾村${LONE_SURROGATE}9组` } }), 400, 'address'],
  ['a guardian named by zero-width characters only', 'POST', '/api/v1/children', () => ({ json: { ...validChild, guardians: [{ ...validChild.guardians[0], name: ZERO_WIDTH_ONLY }] } }), 400, 'guardians.0.name'],
  ['a name over two lines', 'POST', '/api/v1/children', () => ({ json: { ...validChild, name: '孙小\n花' } }), 400, 'name'],
  ['a consent record of ideographic spaces', 'POST', '/api/v1/children', () => ({ json: { ...validChild, legalBasis: { ...consent, recordRef: '\u3000\u3000' } } }), 400, 'legalBasis.recordRef'],
  ['an authority with a direction override', 'POST', '/api/v1/children', () => ({ json: { ...validChild, legalBasis: { kind: 'statutoryDuty', authority: '民政\u202E职责' } } }), 400, 'legalBasis.authority'],
  ['a child born in 1800', 'POST', '/api/v1/children', () => ({ json: { ...validChild, birthDate: '1800-01-01' } }), 400, 'birthDate'],
  ['a consent dated before 2000', 'POST', '/api/v1/children', () => ({ json: { ...validChild, legalBasis: { ...consent, consentedOn: '1999-12-31' } } }), 400, 'legalBasis.consentedOn'],
  ['a consent dated tomorrow', 'POST', '/api/v1/children', () => ({ json: { ...validChild, legalBasis: { ...consent, consentedOn: '2026-03-11' } } }), 422, 'legalBasis.consentedOn'],
  ['a return home before 2000', 'POST', '/api/v1/children', () => ({ json: { ...validChild, followUpTriggers: [{ kind: 'returnedHome', on: '1999-06-01' }] } }), 400, 'followUpTriggers.0.on'],
  ['an address with a NUL in a patch', 'PATCH', a1, () => ({ json: { version, changes: { address: `东湾村${NUL}` } } }), 400, 'changes.address'],
  ['a name of a lone surrogate in a patch', 'PATCH', a1, () => ({ json: { version, changes: { name: `李${LONE_SURROGATE}` } } }), 400, 'changes.name'],
  ['a guardian of zero-width characters in a patch', 'PATCH', a1, () => ({ json: { version, changes: { guardians: [{ userId: null, name: ZERO_WIDTH_ONLY, relation: 'father', phone: null }] } } }), 400, 'changes.guardians.0.name'],
  ['a birth date in 1800 in a patch', 'PATCH', a1, () => ({ json: { version, changes: { birthDate: '1800-01-01' } } }), 400, 'changes.birthDate'],
  ['a return home dated tomorrow in a patch', 'PATCH', a1, () => ({ json: { version, changes: { followUpTriggers: [{ kind: 'returnedHome', on: '2026-03-11' }] } } }), 422, 'changes.followUpTriggers.0.on'],
  ['a team-change reason of spaces only', 'PUT', `${a1}/team`, () => ({ json: { version, team: children.a1.team, reason: '\u3000 \u3000' } }), 400, 'reason'],
  ['a service record with a NUL', 'POST', `${a1}/visits`, () => checkIn({ notes: `入户走访${NUL}` }), 400, 'notes'],
  ['problems found with a lone surrogate', 'POST', `${a1}/visits`, () => checkIn({ problemsFound: `冬衣不足${LONE_SURROGATE}` }), 400, 'problemsFound'],
  ['a companion named by zero-width characters only', 'POST', `${a1}/visits`, () => checkIn({ companionNames: [ZERO_WIDTH_ONLY] }), 400, 'companionNames.0'],
  ['a service record of zero-width characters only', 'POST', `${a1}/visits`, () => checkIn({ notes: ZERO_WIDTH_ONLY }), 400, 'notes'],
  ['a visit in 1999', 'POST', `${a1}/visits`, () => checkIn({ startedAt: '1999-03-10T07:00:00+08:00', endedAt: '1999-03-10T09:30:00+08:00' }), 400, 'startedAt'],
  ['a dispute note with a NUL', 'POST', answerToPending, () => dispute(`没有来${NUL}`), 400, 'note'],
  ['a dispute note with a lone surrogate', 'POST', answerToPending, () => dispute(`没有来${LONE_SURROGATE}`), 400, 'note'],
  ['a dispute note of zero-width characters only', 'POST', answerToPending, () => dispute(ZERO_WIDTH_ONLY), 400, 'note'],
  ['a WeChat code with a NUL', 'POST', '/api/v1/auth/wechat', () => ({ as: undefined, json: { code: `abc${NUL}` } }), 400, 'code'],
  ['an unknown route', 'GET', '/api/v1/children-export', () => ({}), 404],
  ['an unsupported method', 'DELETE', a1, () => ({}), 404],
];

function chunkedStream(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + 8192));
      offset += 8192;
    },
  });
}

async function forged(secret: string) {
  const iat = Math.floor(Date.parse('2026-03-10T02:00:00Z') / 1000);
  return sign({ sub: 'u-district', role: 'districtOfficer', iat, exp: iat + 3600 }, secret, 'HS256');
}

async function expired() {
  const iat = Math.floor(Date.parse('2026-03-09T00:00:00Z') / 1000);
  return sign({ sub: 'u-district', role: 'districtOfficer', iat, exp: iat + 3600 }, TEST_SESSION_SECRET, 'HS256');
}

async function ghost() {
  const iat = Math.floor(Date.parse('2026-03-10T02:00:00Z') / 1000);
  return sign({ sub: 'u-removed', role: 'districtOfficer', iat, exp: iat + 3600 }, TEST_SESSION_SECRET, 'HS256');
}

async function elevated() {
  const iat = Math.floor(Date.parse('2026-03-10T02:00:00Z') / 1000);
  return sign({ sub: 'u-guardian-a', role: 'cityOfficer', iat, exp: iat + 3600 }, TEST_SESSION_SECRET, 'HS256');
}

describe('bad input: 4xx problem+json naming the field, nothing written', () => {
  it.each(cases)('%s (%s %s)', async (_label, method, url, options, status, field) => {
    // Prepare
    const before = await h.snapshot();
    const given = await options();

    // Act
    const res = await h.call(method, url.replace(PENDING_VISIT, pending.id), { as: 'districtOfficer', ...given });

    // Assess
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toMatchObject({ status, type: expect.stringMatching(/^urn:shouhu:problem:/) });
    if (field !== undefined) {
      expect(res.body.field).toBe(field);
      expect(res.body.errors?.map((e: { field: string }) => e.field) ?? [field]).toContain(field);
    }
    expect(diffSnapshots(before, await h.snapshot())).toEqual({ added: [], removedOrChanged: [] });
  });

  it('accepts the largest page (limit=100) and the smallest (limit=1)', async () => {
    const largest = await h.call('GET', '/api/v1/children?limit=100', { as: 'districtOfficer' });
    const smallest = await h.call('GET', '/api/v1/children?limit=1', { as: 'districtOfficer' });

    expect(largest.status).toBe(200);
    expect(largest.body.items).toHaveLength(4);
    expect(smallest.status).toBe(200);
    expect(smallest.body.items).toHaveLength(1);
    expect(typeof smallest.body.nextCursor).toBe('string');
  });

  it('says what is wrong with the text, in Chinese', async () => {
    const res = await h.call('POST', '/api/v1/children', { as: 'districtOfficer', json: { ...validChild, name: `孙小${NUL}花` } });

    expect(res.body.detail).toBe('字段 name 不能包含控制字符');
  });

  it('stores a name with surrounding spaces trimmed and in NFC, and rare characters and emoji as they are', async () => {
    // A Korean name in decomposed jamo, as text copied from a macOS file name comes.
    const name = `\u3000 ${'김민준'.normalize('NFD')}\u200B `;
    const guardian = '  王𠀀🌸 ';

    const { added } = await h.writesOf(async () => {
      const res = await h.call('POST', '/api/v1/children', {
        as: 'districtOfficer',
        json: { ...validChild, name, guardians: [{ ...validChild.guardians[0], name: guardian }] },
      });
      expect(res.status).toBe(201);
      expect(res.body.name).toBe('김민준');
    });

    const stored = added.find((item) => item.entity === 'child');
    expect(stored).toMatchObject({ name: '김민준', guardians: [expect.objectContaining({ name: '王𠀀🌸' })] });
    expect((stored!.name as string).length).toBe(3);
  });

  it('stores a service record with its line breaks as \\n', async () => {
    const res = await postCheckIn(h, 'socialWorkerPledged', children.a1.id, checkInBody({
      startedAt: '2026-03-09T07:00:00+08:00',
      endedAt: '2026-03-09T09:30:00+08:00',
      notes: '与祖父母沟通学习安排。\r\n检查居住环境。\r\n',
    }));

    expect(res.status).toBe(201);
    const stored = await h.table.repositories.visits.get(children.a1.id, res.body.id);
    expect(stored?.notes).toBe('与祖父母沟通学习安排。\n检查居住环境。');
  });

  it('accepts a body just under the cap', async () => {
    const padding = MAX_BODY_BYTES - JSON.stringify({ ...validChild, address: '' }).length - 1024;

    const res = await h.call('POST', '/api/v1/children', { as: 'districtOfficer', json: { ...validChild, address: 'x'.repeat(padding) } });

    // The address is longer than the schema allows, so the body was read and validated rather than cut off.
    expect(res.status).toBe(400);
    expect(res.body.field).toBe('address');
  });
});
