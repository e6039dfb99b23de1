import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decidePledgeDownload, decidePledgeRoster, pledgeRefusesChildData } from '../../functions/src/domain/access-policy.js';
import { canonicalSignature, typedNameMatches, type UnsealedSignature } from '../../functions/src/domain/pledge.js';
import { canonicalPledgeText, currentPledgeText, pledgeTextOf, pledgeTexts } from '../../functions/src/domain/pledge-texts.js';
import { pngHeaderOf, signatureProblemOf } from '../../functions/src/domain/signature-png.js';
import { actorOf, signedCurrentPledgeAt, type Actor, type User } from '../../functions/src/domain/user.js';
import { blankSignature, drawnSignature, noisySignature, pngOf, whiteSignature } from '../support/signature-png.js';

/** Issue 11, R8: the pledge's texts, what "signed" means, the signature image's checks and who sees signatures. */
const inflate = (data: Uint8Array) => new Uint8Array(inflateSync(data));
const problemOf = (png: Buffer) => signatureProblemOf(new Uint8Array(png), inflate);

function user(overrides: Partial<User> = {}): User {
  return {
    id: 'u1',
    name: '马骏',
    role: 'volunteer',
    scope: null,
    organizationId: 'org1',
    phone: null,
    wechatOpenId: null,
    pledgeSignedAt: null,
    pledgeVersion: null,
    version: 1,
    ...overrides,
  };
}

describe('R8 pledge texts', () => {
  it('the current version is the newest, and every version has an id, a title, a date and the four duties', () => {
    expect(currentPledgeText()).toBe(pledgeTexts[pledgeTexts.length - 1]);
    for (const text of pledgeTexts) {
      expect(text.id).toMatch(/^\d{4}-\d{1,2}$/);
      expect(pledgeTextOf(text.id)).toBe(text);
      const whole = text.paragraphs.join('');
      for (const duty of ['隐私', '不伤害', '不收取任何费用', '强制报告']) expect(whole).toContain(duty);
    }
    expect(new Set(pledgeTexts.map((text) => text.id)).size).toBe(pledgeTexts.length);
  });

  it('the hashed form changes with any word of the text', () => {
    const text = currentPledgeText();
    const changed = { ...text, paragraphs: [...text.paragraphs.slice(0, -1), `${text.paragraphs.at(-1)}。`] };
    expect(canonicalPledgeText(changed)).not.toBe(canonicalPledgeText(text));
  });
});

describe('R8 signed means signed the current version', () => {
  const current = currentPledgeText().id;

  it.each([
    ['never signed', { pledgeSignedAt: null, pledgeVersion: null }, null],
    ['signed before versions existed', { pledgeSignedAt: '2026-01-05T01:00:00.000Z', pledgeVersion: null }, null],
    ['signed an older version', { pledgeSignedAt: '2026-01-05T01:00:00.000Z', pledgeVersion: '2025-1' }, null],
    ['signed the current version', { pledgeSignedAt: '2026-01-05T01:00:00.000Z', pledgeVersion: current }, '2026-01-05T01:00:00.000Z'],
  ] as const)('%s', (_, fields, expected) => {
    expect(actorOf(user(fields)).pledgeSignedAt).toBe(expected);
    expect(signedCurrentPledgeAt(user(fields))).toBe(expected);
  });

  it('a later current version makes the same record unsigned', () => {
    const signed = user({ pledgeSignedAt: '2026-01-05T01:00:00.000Z', pledgeVersion: current });
    expect(actorOf(signed, '2099-1').pledgeSignedAt).toBeNull();
  });

  it('the gate refuses child data to a worker who has not signed, never to a role that does not sign', () => {
    const actor = (role: Actor['role'], signedAt: string | null): Actor => ({ id: 'a', role, scope: null, organizationId: 'org1', pledgeSignedAt: signedAt });
    expect(pledgeRefusesChildData(actor('socialWorker', null))).toBe(true);
    expect(pledgeRefusesChildData(actor('orgAdmin', null))).toBe(true);
    expect(pledgeRefusesChildData(actor('socialWorker', '2026-01-05T01:00:00.000Z'))).toBe(false);
    expect(pledgeRefusesChildData(actor('director', null))).toBe(false);
    // A volunteer reads no child at all: refused for the role, not the pledge (ARCHITECTURE.md).
    expect(pledgeRefusesChildData(actor('volunteer', null))).toBe(false);
  });
});

describe('a drawn signature', () => {
  it('is accepted when it is a small PNG with something drawn on it', () => {
    expect(problemOf(drawnSignature())).toBeNull();
  });

  it.each([
    ['an untouched transparent canvas', blankSignature(), 'blank'],
    ['an untouched white canvas', whiteSignature(), 'blank'],
    ['over 100 KB', noisySignature(), 'tooLarge'],
    ['under 50 pixels high', pngOf(300, 40, (x) => (x % 2 ? [0, 0, 0, 255] : [0, 0, 0, 0])), 'badDimensions'],
    ['over 2000 pixels wide', pngOf(2001, 300, (x) => (x % 2 ? [0, 0, 0, 255] : [0, 0, 0, 0])), 'badDimensions'],
    ['longer than 8 times its height', pngOf(900, 100, (x) => (x % 2 ? [0, 0, 0, 255] : [0, 0, 0, 0])), 'badDimensions'],
    ['a GIF', Buffer.from('GIF89a' + 'x'.repeat(60)), 'notPng'],
    ['a PNG cut short', drawnSignature().subarray(0, 60), 'notPng'],
  ] as const)('is refused when it is %s', (_, png, problem) => {
    expect(problemOf(Buffer.from(png))).toBe(problem);
  });

  it('reads the dimensions from IHDR', () => {
    expect(pngHeaderOf(new Uint8Array(drawnSignature()))).toMatchObject({ width: 300, height: 120, bitDepth: 8, colorType: 6 });
  });

  it('undoes every row filter: a Sub- or Paeth-filtered blank is still blank, a filtered stroke is not', () => {
    for (const filter of [1, 2, 3, 4]) {
      expect(problemOf(refiltered(whiteSignature(), filter))).toBe('blank');
      expect(problemOf(refiltered(drawnSignature(), filter))).toBeNull();
    }
  });
});

/** The same image with every row stored under `filter` (1 Sub, 2 Up, 3 Average, 4 Paeth), as encoders choose. */
function refiltered(png: Buffer, filter: number): Buffer {
  const header = pngHeaderOf(new Uint8Array(png))!;
  const stride = header.width * 4;
  const idatStart = 8 + 25 + 8;
  const idatLength = png.readUInt32BE(8 + 25);
  const raw = inflateSync(png.subarray(idatStart, idatStart + idatLength));
  const rows = Array.from({ length: header.height }, (_, y) => raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
  return pngOf(header.width, header.height, () => [0, 0, 0, 0], (y) => {
    const row = rows[y];
    const up = y > 0 ? rows[y - 1] : new Uint8Array(stride);
    const out = new Uint8Array(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? row[x - 4] : 0;
      const b = up[x];
      const c = x >= 4 ? up[x - 4] : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : paeth;
      out[x] = (row[x] - predictor) & 0xff;
    }
    return { filter, bytes: out };
  });
}

describe('the canonical record the seal covers', () => {
  const record: UnsealedSignature = {
    userId: 'u1',
    organizationId: 'org1',
    version: '2026-1',
    textHash: 'a'.repeat(64),
    typedName: '马骏',
    signaturePng: 'iVBORw0KGgo=',
    imageHash: 'b'.repeat(64),
    signedAt: '2026-12-01T02:00:00.000Z',
    client: { platform: 'h5', userAgent: 'Mozilla' },
  };

  it('changes with every field but the image itself (its hash stands for it)', () => {
    const base = canonicalSignature(record);
    const changes: Partial<UnsealedSignature>[] = [
      { userId: 'u2' },
      { organizationId: null },
      { version: '2026-2' },
      { textHash: 'c'.repeat(64) },
      { typedName: '马俊' },
      { imageHash: 'd'.repeat(64) },
      { signedAt: '2026-12-01T02:00:01.000Z' },
      { client: { platform: 'weapp', userAgent: 'Mozilla' } },
      { client: { platform: 'h5' } },
    ];
    for (const change of changes) expect(canonicalSignature({ ...record, ...change })).not.toBe(base);
  });

  it('cannot be shifted from one field into the next', () => {
    expect(canonicalSignature({ ...record, typedName: '马', signedAt: record.signedAt })).not.toBe(canonicalSignature({ ...record, typedName: '马骏' }));
    expect(canonicalSignature({ ...record, typedName: '马","骏' })).not.toBe(canonicalSignature(record));
  });
});

describe('the typed name', () => {
  it('counts when it is the account’s name, spaces aside', () => {
    expect(typedNameMatches('马骏', '马骏')).toBe(true);
    expect(typedNameMatches('马 骏', '马骏')).toBe(true);
    expect(typedNameMatches('马俊', '马骏')).toBe(false);
  });
});

describe('who sees pledge signatures', () => {
  const admin: Actor = { id: 'admin', role: 'orgAdmin', scope: { level: 'district', regionId: 'd1' }, organizationId: 'org1', pledgeSignedAt: null };

  it('the roster is the org admin’s, of their own organization', () => {
    expect(decidePledgeRoster(admin, 'org1')).toEqual({ allowed: true });
    expect(decidePledgeRoster(admin, 'org2')).toEqual({ allowed: false, denial: 'notRelated' });
    expect(decidePledgeRoster({ ...admin, role: 'socialWorker' }, 'org1')).toEqual({ allowed: false, denial: 'roleCannot' });
  });

  it('a signed pledge is downloaded by the signer or the admin of the signer’s organization', () => {
    const signer = { id: 'u1', role: 'volunteer' as const, organizationId: 'org1' };
    expect(decidePledgeDownload(admin, signer)).toEqual({ allowed: true });
    expect(decidePledgeDownload({ ...admin, id: 'u1', role: 'volunteer' }, signer)).toEqual({ allowed: true });
    expect(decidePledgeDownload({ ...admin, organizationId: 'org2' }, signer)).toEqual({ allowed: false, denial: 'notRelated' });
    expect(decidePledgeDownload({ ...admin, id: 'x', role: 'socialWorker' }, signer)).toEqual({ allowed: false, denial: 'roleCannot' });
    expect(decidePledgeDownload({ ...admin, role: 'districtOfficer' }, signer)).toEqual({ allowed: false, denial: 'roleCannot' });
  });
});
