import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { currentPledgeText } from '../../functions/src/domain/pledge-texts.js';
import { pledgeSignatureKey } from '../../functions/src/store/keys.js';
import { blankSignature, drawnSignature, noisySignature, pngOf, whiteSignature } from '../support/signature-png.js';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { children, users, type SeededUser } from './support/seed-area.js';

/**
 * Issue 11, R8: the child-protection pledge signed digitally. Before signing the current version, a social worker is
 * refused children's data as pledge-required (403, not 404, for known and unknown ids alike); signing writes one
 * sealed record, the user's signed version and a PledgeSigned event in one transaction, once; bad signatures are
 * refused naming the field with nothing written; a record changed afterwards is detected on every read.
 */
let h: ApiHarness;
const VERSION = currentPledgeText().id;
const SIGNER: SeededUser = 'socialWorkerUnpledged';

function signing(overrides: Record<string, unknown> = {}) {
  return {
    version: VERSION,
    typedName: users[SIGNER].name,
    consent: true,
    signaturePng: drawnSignature().toString('base64'),
    client: { platform: 'h5', userAgent: 'Mozilla/5.0 (iPhone) vitest' },
    ...overrides,
  };
}

const sign = (json: unknown, as: SeededUser = SIGNER) => h.call('POST', '/api/v1/me/pledge-signatures', { as, json });

beforeAll(async () => {
  h = await startApiHarness();
}, 60_000);

describe('R8 gate before signing', () => {
  it('refuses a child of the worker’s own team as pledge-required, not 404', async () => {
    const res = await h.call('GET', `/api/v1/children/${children.b1.id}`, { as: SIGNER });

    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.type).toBe('urn:shouhu:problem:pledge-required');
  });

  it('answers an unknown id the same way, so the refusal tells nothing about which ids exist', async () => {
    const known = await h.call('GET', `/api/v1/children/${children.a1.id}`, { as: SIGNER });
    const unknown = await h.call('GET', '/api/v1/children/child-does-not-exist', { as: SIGNER });

    expect(unknown.status).toBe(403);
    const { requestId: _a, instance: _c, ...knownBody } = known.body;
    const { requestId: _b, instance: _d, ...unknownBody } = unknown.body;
    expect(unknownBody).toEqual(knownBody);
  });

  it('refuses the list of children, the child’s visits and its escalations as pledge-required', async () => {
    for (const path of ['/api/v1/children', `/api/v1/children/${children.b1.id}/visits`, `/api/v1/children/${children.b1.id}/escalations`]) {
      const res = await h.call('GET', path, { as: SIGNER });
      expect({ path, status: res.status, type: res.body.type }).toEqual({ path, status: 403, type: 'urn:shouhu:problem:pledge-required' });
    }
  });

  it('says on /me that the current version is not signed', async () => {
    const res = await h.call('GET', '/api/v1/me', { as: SIGNER });

    expect(res.body).toMatchObject({ pledgeSigned: false, pledgeRequired: true, pledgeVersion: VERSION, pledgeSignedVersion: null });
  });

  it('gives the whole current text to read', async () => {
    const res = await h.call('GET', '/api/v1/me/pledge', { as: SIGNER });

    expect(res.status).toBe(200);
    expect(res.body.text).toMatchObject({ id: VERSION, title: '儿童保护承诺书' });
    expect(res.body.text.paragraphs.join('')).toMatch(/强制报告|立即向公安机关报告/);
    expect(res.body.signature).toBeNull();
  });
});

describe('signing refuses what is not a signature, naming the field and writing nothing', () => {
  const cases: [string, Record<string, unknown>, number, string][] = [
    ['a JPEG, not a PNG', { signaturePng: Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Array(60).fill(1)]).toString('base64') }, 400, 'signaturePng'],
    ['a PNG over 100 KB', { signaturePng: noisySignature().toString('base64') }, 400, 'signaturePng'],
    ['an untouched transparent canvas', { signaturePng: blankSignature().toString('base64') }, 400, 'signaturePng'],
    ['an untouched white canvas', { signaturePng: whiteSignature().toString('base64') }, 400, 'signaturePng'],
    ['a 10×10 image', { signaturePng: pngOf(10, 10, (x) => (x % 2 ? [0, 0, 0, 255] : [0, 0, 0, 0])).toString('base64') }, 400, 'signaturePng'],
    ['a 1500×60 strip', { signaturePng: pngOf(1500, 60, (x) => (x % 2 ? [0, 0, 0, 255] : [0, 0, 0, 0])).toString('base64') }, 400, 'signaturePng'],
    ['text that is not base64', { signaturePng: '这不是图片' }, 400, 'signaturePng'],
    ['another name than the account’s', { typedName: '张三' }, 400, 'typedName'],
    ['consent not ticked', { consent: false }, 400, 'consent'],
    ['an older version', { version: '2020-1' }, 422, 'version'],
    ['a user agent past 512 characters', { client: { platform: 'h5', userAgent: 'x'.repeat(513) } }, 400, 'client.userAgent'],
  ];

  it.each(cases)('%s', async (_, overrides, status, field) => {
    const writes = await h.writesOf(async () => {
      const res = await sign(signing(overrides));
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(JSON.stringify(res.body)).toContain(field);
    });

    // Only the refusal's audit entry may be written.
    expect(writes.added.filter((item) => item.entity !== 'audit')).toEqual([]);
    expect(writes.removedOrChanged).toEqual([]);
  });

  it('is refused to a role that does not sign (a district officer)', async () => {
    const res = await sign(signing({ typedName: users.districtOfficer.name }), 'districtOfficer');
    expect(res.status).toBe(403);
  });
});

describe('signing the current version', () => {
  it('writes the sealed record, the user’s signed version and one PledgeSigned event in one go', async () => {
    const writes = await h.writesOf(async () => {
      const res = await sign(signing());
      expect(res.status).toBe(201);
      expect(res.body.signature).toMatchObject({ version: VERSION, typedName: '郑社工', intact: true });
    });

    const entities = writes.added.map((item) => item.entity).sort();
    expect(entities).toEqual(['outbox', 'pledgeSignature', 'user']);
    const record = writes.added.find((item) => item.entity === 'pledgeSignature')!;
    expect(record).toMatchObject({ userId: users[SIGNER].id, version: VERSION, typedName: '郑社工', client: { platform: 'h5' } });
    expect(record.textHash).toMatch(/^[0-9a-f]{64}$/);
    expect(record.imageHash).toMatch(/^[0-9a-f]{64}$/);
    expect(record.seal).toMatch(/^[0-9a-f]{64}$/);
    const event = writes.added.find((item) => item.entity === 'outbox')!.event as Record<string, unknown>;
    expect(event).toMatchObject({ detailType: 'PledgeSigned', detail: { userId: users[SIGNER].id, pledgeVersion: VERSION, organizationId: 'org1' } });
    // No personal data on the bus: the event carries ids and the version only.
    expect(JSON.stringify(event)).not.toContain('郑社工');
    const user = writes.added.find((item) => item.entity === 'user')!;
    expect(user).toMatchObject({ pledgeVersion: VERSION, version: users[SIGNER].version + 1 });
  });

  it('does nothing a second time when the same signing is sent again', async () => {
    const writes = await h.writesOf(async () => {
      const res = await sign(signing());
      expect(res.status).toBe(200);
      expect(res.body.signature).toMatchObject({ version: VERSION, intact: true });
    });

    expect(writes.added).toEqual([]);
    expect(writes.removedOrChanged).toEqual([]);
  });

  it('opens the worker’s children after signing, and /me says so', async () => {
    const child = await h.call('GET', `/api/v1/children/${children.b1.id}`, { as: SIGNER });
    const me = await h.call('GET', '/api/v1/me', { as: SIGNER });

    expect(child.status).toBe(200);
    expect(child.body.id).toBe(children.b1.id);
    expect(me.body).toMatchObject({ pledgeSigned: true, pledgeSignedVersion: VERSION });
    // Someone else's child is still not theirs: the pledge opens the door, the relation decides.
    expect((await h.call('GET', `/api/v1/children/${children.a1.id}`, { as: SIGNER })).status).toBe(404);
  });
});

describe('the organization admin', () => {
  it('sees who of the organization signed the current version and who did not', async () => {
    const res = await h.call('GET', '/api/v1/pledges/roster', { as: 'orgAdmin' });

    expect(res.status).toBe(200);
    const byName = Object.fromEntries(res.body.entries.map((entry: { name: string; status: string; downloadable: boolean }) => [entry.name, entry]));
    expect(byName['郑社工']).toMatchObject({ status: 'signed', downloadable: true });
    // Seeded as signed of the current version without a record: signed, nothing to download.
    expect(byName['吴社工']).toMatchObject({ status: 'signed', downloadable: false });
    expect(Object.keys(byName).sort()).toEqual(['冯志愿', '吴社工', '郑社工', '陈机构'].sort());
  });

  it('is the only one who sees the roster', async () => {
    for (const who of ['socialWorkerPledged', 'districtOfficer', 'volunteer'] as const) {
      expect((await h.call('GET', '/api/v1/pledges/roster', { as: who })).status).toBe(403);
    }
  });

  it('downloads the signed pledge as a PDF whose text names the signer and the title in Chinese, audited', async () => {
    const res = await h.call('GET', `/api/v1/pledges/${users[SIGNER].id}/${VERSION}/pdf`, { as: 'orgAdmin' });

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await (await h.app.request(`/api/v1/pledges/${users[SIGNER].id}/${VERSION}/pdf`, { headers: { authorization: `Bearer ${await h.tokenFor('orgAdmin')}` } })).arrayBuffer());
    const text = await pdfText(bytes);
    expect(text).toContain('儿童保护承诺书');
    expect(text).toContain('郑社工');
    expect(text).toContain('强制报告');
    const [entry] = await h.table.repositories.audit.listByActor(users.orgAdmin.id, 1);
    expect(entry).toMatchObject({ action: 'pledge.download', outcome: 'allowed' });
  });

  it('downloads it as a PNG image of the whole page', async () => {
    const res = await h.app.request(`/api/v1/pledges/${users[SIGNER].id}/${VERSION}/png`, { headers: { authorization: `Bearer ${await h.tokenFor('orgAdmin')}` } });

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await res.arrayBuffer());
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(png.readUInt32BE(16)).toBe(900);
    expect(png.readUInt32BE(20)).toBeGreaterThan(900);
  });

  it('lets the signer download their own, and nobody else of the organization', async () => {
    expect((await h.call('GET', `/api/v1/pledges/${users[SIGNER].id}/${VERSION}/pdf`, { as: SIGNER })).status).toBe(200);
    expect((await h.call('GET', `/api/v1/pledges/${users[SIGNER].id}/${VERSION}/pdf`, { as: 'socialWorkerPledged' })).status).toBe(404);
    expect((await h.call('GET', `/api/v1/pledges/${users[SIGNER].id}/${VERSION}/pdf`, { as: 'districtOfficer' })).status).toBe(404);
  });
});

describe('a record changed after signing', () => {
  const key = () => pledgeSignatureKey(users[SIGNER].id, VERSION);

  async function change(field: string, value: unknown) {
    await h.table.client.send(
      new UpdateCommand({ TableName: h.table.tableName, Key: key(), UpdateExpression: 'SET #f = :v', ExpressionAttributeNames: { '#f': field }, ExpressionAttributeValues: { ':v': value } }),
    );
  }

  async function expectDetected() {
    const own = await h.call('GET', '/api/v1/me/pledge', { as: SIGNER });
    const roster = await h.call('GET', '/api/v1/pledges/roster', { as: 'orgAdmin' });
    const pdf = await h.call('GET', `/api/v1/pledges/${users[SIGNER].id}/${VERSION}/pdf`, { as: 'orgAdmin' });
    expect(own.body.signature.intact).toBe(false);
    expect(roster.body.entries.find((entry: { name: string }) => entry.name === '郑社工').status).toBe('anomaly');
    expect(pdf.status).toBe(422);
    expect(pdf.body.detail).toContain('记录异常');
  }

  it.each([
    ['the typed name', 'typedName', '郑某某'],
    ['the time', 'signedAt', '2026-01-01T00:00:00.000Z'],
    ['the image', 'signaturePng', noisySignature(60, 60).toString('base64')],
    ['the text hash', 'textHash', 'a'.repeat(64)],
    ['the client', 'client', { platform: 'weapp' }],
    ['a field’s type', 'version', 20261],
  ])('detects a change of %s', async (_, field, value) => {
    const { Item } = await h.table.client.send(new GetCommand({ TableName: h.table.tableName, Key: key() }));
    await change(field, value);
    try {
      await expectDetected();
    } finally {
      await change(field, Item![field]);
    }
    // Put back as it was, the record is intact again: the check is of the content, not a flag.
    expect((await h.call('GET', '/api/v1/me/pledge', { as: SIGNER })).body.signature.intact).toBe(true);
  });
});

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: bytes, useSystemFonts: false }).promise;
  const parts: string[] = [];
  for (let page = 1; page <= document.numPages; page++) {
    const content = await (await document.getPage(page)).getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  return parts.join('\n');
}
