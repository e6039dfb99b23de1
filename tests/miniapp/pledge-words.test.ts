import { describe, expect, it } from 'vitest';
import { createApiClient, type HttpRequest, type HttpResponse } from '../../miniapp/src/api/index.js';
import { pledgeDocumentPath } from '../../miniapp/src/api/pledge-client.js';
import { isPledgeRequired, signBlockerOf } from '../../miniapp/src/lib/pledge-words.js';

/** Issue 11, R8: what the pledge page asks for before 签署, and which refusal leads to it. */
describe('the pledge page', () => {
  const ready = { readToEnd: true, typedName: '马骏', hasInk: true, consent: true };

  it('asks, in order, for reading to the end, the name, the signature and the consent', () => {
    expect(signBlockerOf({ ...ready, readToEnd: false, typedName: '' })).toContain('阅读');
    expect(signBlockerOf({ ...ready, typedName: '  ' })).toContain('姓名');
    expect(signBlockerOf({ ...ready, hasInk: false })).toContain('签名');
    expect(signBlockerOf({ ...ready, consent: false })).toContain('同意');
    expect(signBlockerOf(ready)).toBeNull();
  });

  it('leads to the pledge only from the pledge-required problem', () => {
    expect(isPledgeRequired({ type: 'urn:shouhu:problem:pledge-required' })).toBe(true);
    expect(isPledgeRequired({ type: 'urn:shouhu:problem:forbidden' })).toBe(false);
    expect(isPledgeRequired(null)).toBe(false);
  });
});

describe('the pledge API calls', () => {
  function clientAnswering(data: unknown, status = 200) {
    const sent: HttpRequest[] = [];
    const request = async (req: HttpRequest): Promise<HttpResponse> => {
      sent.push(req);
      return { status, headers: {}, data };
    };
    return { sent, client: createApiClient({ baseUrl: '', request, getToken: () => 'tok' }) };
  }

  it('signs with one POST to /me/pledge-signatures and hands back the signature', async () => {
    const signature = { version: '2026-1', signedAt: '2026-12-01T02:00:00.000Z', typedName: '马骏', intact: true };
    const { sent, client } = clientAnswering({ signature }, 201);
    const input = { version: '2026-1', typedName: '马骏', consent: true as const, signaturePng: 'iVBORw0KGgo=', client: { platform: 'h5' as const } };

    expect(await client.signPledge(input)).toEqual(signature);
    expect(sent.map(({ method, url }) => [method, url])).toEqual([['POST', '/api/v1/me/pledge-signatures']]);
    expect(JSON.parse(sent[0].body!)).toEqual(input);
  });

  it('reads the roster and the own pledge, and builds download paths', async () => {
    const { sent, client } = clientAnswering({});
    await client.pledgeRoster();
    await client.ownPledge();
    expect(sent.map(({ url }) => url)).toEqual(['/api/v1/pledges/roster', '/api/v1/me/pledge']);
    expect(pledgeDocumentPath('u/1', '2026-1', 'pdf')).toBe('/pledges/u%2F1/2026-1/pdf');
  });
});
