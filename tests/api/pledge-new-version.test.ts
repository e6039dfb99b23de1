import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { PledgeText } from '../../functions/src/domain/pledge-texts.js';
import { drawnSignature } from '../support/signature-png.js';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { children, users, type SeededUser } from './support/seed-area.js';

/**
 * R8, issue 11: publishing a new version of the pledge (appending a text to the catalogue) makes everyone sign again,
 * with no record touched. The catalogue is the real one until this test publishes a version after it.
 */
const catalogue = vi.hoisted(() => ({ published: null as PledgeText | null }));

vi.mock('../../functions/src/domain/pledge-texts.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../functions/src/domain/pledge-texts.js')>();
  return {
    ...actual,
    currentPledgeText: () => catalogue.published ?? actual.currentPledgeText(),
    pledgeTextOf: (version: string) => (catalogue.published?.id === version ? catalogue.published : actual.pledgeTextOf(version)),
  };
});

let h: ApiHarness;
let first: string;

const sign = (as: SeededUser, version: string) =>
  h.call('POST', '/api/v1/me/pledge-signatures', {
    as,
    json: { version, typedName: users[as].name, consent: true, signaturePng: drawnSignature().toString('base64'), client: { platform: 'weapp' } },
  });
const readB1 = () => h.call('GET', `/api/v1/children/${children.b1.id}`, { as: 'socialWorkerUnpledged' });
const readA1 = () => h.call('GET', `/api/v1/children/${children.a1.id}`, { as: 'socialWorkerPledged' });

beforeAll(async () => {
  h = await startApiHarness();
  const { currentPledgeText } = await import('../../functions/src/domain/pledge-texts.js');
  first = currentPledgeText().id;
}, 60_000);

describe('a new version of the pledge', () => {
  it('refuses again, as pledge-required, everyone who signed the one before', async () => {
    // Prepare: one worker signs now, the other was seeded as signed of the same version.
    expect((await sign('socialWorkerUnpledged', first)).status).toBe(201);
    expect((await readB1()).status).toBe(200);
    expect((await readA1()).status).toBe(200);

    // Act: publish the next version.
    catalogue.published = { id: '2027-1', title: '儿童保护承诺书', publishedOn: '2027-01-01', paragraphs: ['（新版本）我郑重承诺：保护儿童隐私，不伤害儿童，不收取费用，发现侵害立即报告。'] };

    // Assess
    for (const res of [await readB1(), await readA1()]) {
      expect(res.status).toBe(403);
      expect(res.body.type).toBe('urn:shouhu:problem:pledge-required');
    }
    expect((await h.call('GET', '/api/v1/me', { as: 'socialWorkerUnpledged' })).body).toMatchObject({ pledgeSigned: false, pledgeVersion: '2027-1', pledgeSignedVersion: first });
    // The org admin's roster counts the new version: nobody has signed it yet.
    const roster = await h.call('GET', '/api/v1/pledges/roster', { as: 'orgAdmin' });
    expect(roster.body.version).toBe('2027-1');
    expect(roster.body.entries.map((entry: { status: string }) => entry.status)).toEqual(['unsigned', 'unsigned', 'unsigned', 'unsigned']);
  });

  it('takes no signature of the old version any more, and opens again on signing the new one', async () => {
    expect((await sign('socialWorkerUnpledged', first)).status).toBe(422);

    expect((await sign('socialWorkerUnpledged', '2027-1')).status).toBe(201);

    expect((await readB1()).status).toBe(200);
    // The other worker has not signed the new version: still refused.
    expect((await readA1()).status).toBe(403);
    // The first signature is still there, intact, for its own version.
    const pdf = await h.call('GET', `/api/v1/pledges/${users.socialWorkerUnpledged.id}/${first}/pdf`, { as: 'socialWorkerUnpledged' });
    expect(pdf.status).toBe(200);
  });
});
