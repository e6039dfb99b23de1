import { sign } from 'hono/jwt';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../functions/src/api/app.js';
import { diffSnapshots, startApiHarness, TEST_SESSION_SECRET, type ApiHarness, type CallOptions } from './support/api-harness.js';
import { children, path } from './support/seed-area.js';

/**
 * Bad input gets a 4xx problem+json naming the field, and nothing is written (STYLE.md habit 2). Every request is
 * made as the district officer, who may do everything to every child of the district, so only the input is at fault.
 */
let h: ApiHarness;
let version: number;

beforeAll(async () => {
  h = await startApiHarness();
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
    const res = await h.call(method, url, { as: 'districtOfficer', ...given });

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

  it('accepts a body just under the cap', async () => {
    const padding = MAX_BODY_BYTES - JSON.stringify({ ...validChild, address: '' }).length - 1024;

    const res = await h.call('POST', '/api/v1/children', { as: 'districtOfficer', json: { ...validChild, address: 'x'.repeat(padding) } });

    // The address is longer than the schema allows, so the body was read and validated rather than cut off.
    expect(res.status).toBe(400);
    expect(res.body.field).toBe('address');
  });
});
