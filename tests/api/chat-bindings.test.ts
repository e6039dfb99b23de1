import { beforeAll, describe, expect, it } from 'vitest';
import { bindChatUser } from '../../functions/src/app/bind-chat-user.js';
import { issueBindCode } from '../../functions/src/app/issue-bind-code.js';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';

/**
 * Issue 10, part 3: the mini-program shows a one-time code (绑定公众号 / 绑定企业微信); the chat user sends it and is
 * bound to the account; the account sees and removes its bindings. Never by a name or a phone number.
 */
let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness();
});

const bind = (chatUserId: string, code: string, platform: 'wechat' | 'wecom' = 'wechat') =>
  bindChatUser(h.deps.repositories, { platform, chatUserId }, code, h.deps.clock());

describe('bind codes and bindings through the API', () => {
  it('gives a six-digit code valid ten minutes, which binds the chat user sending it once', async () => {
    // Act
    const issued = await h.call('POST', '/api/v1/me/chat-bind-codes', { as: 'directorV1', json: { platform: 'wechat' } });
    const bound = await bind('o-director-v1', issued.body.code);
    const again = await bind('o-someone-else', issued.body.code);
    const listed = await h.call('GET', '/api/v1/me/chat-bindings', { as: 'directorV1' });

    // Assess
    expect(issued.status).toBe(201);
    expect(issued.body).toEqual({
      code: expect.stringMatching(/^\d{6}$/),
      platform: 'wechat',
      expiresAt: new Date(h.deps.clock().getTime() + 10 * 60_000).toISOString(),
    });
    expect(bound).toMatchObject({ outcome: 'bound', userName: '张东湾', role: 'director', bound: { userId: 'u-director-v1', chatUserId: 'o-director-v1' } });
    expect(again).toEqual({ outcome: 'refused', reason: 'invalidCode' });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({ items: [{ platform: 'wechat', boundAt: h.deps.clock().toISOString(), digestToChat: false }] });
    expect(listed.text).not.toContain('o-director-v1');
  });

  it('forgives full-width digits and spaces in the code the chat user types', async () => {
    // Prepare
    const { body } = await h.call('POST', '/api/v1/me/chat-bind-codes', { as: 'supervisorT1', json: { platform: 'wecom' } });
    const typed = ` ${body.code.slice(0, 3)} ${body.code.slice(3)}`.replace(/\d/g, (d: string) => String.fromCharCode(0xff10 + Number(d)));

    // Act
    const bound = await bind('sunhekou', typed, 'wecom');

    // Assess
    expect(bound.outcome).toBe('bound');
  });

  it('refuses a code after its ten minutes', async () => {
    // Prepare
    const { body } = await h.call('POST', '/api/v1/me/chat-bind-codes', { as: 'directorV2', json: { platform: 'wechat' } });
    h.advanceSeconds(10 * 60);

    // Act
    const late = await bind('o-director-v2', body.code);

    // Assess
    expect(late).toEqual({ outcome: 'refused', reason: 'invalidCode' });
    expect((await h.call('GET', '/api/v1/me/chat-bindings', { as: 'directorV2' })).body.items).toEqual([]);
  });

  it('allows a chat user five tries in ten minutes, so six digits cannot be guessed, then the right code again', async () => {
    // Prepare
    const { body } = await h.call('POST', '/api/v1/me/chat-bind-codes', { as: 'directorV3', json: { platform: 'wechat' } });
    const wrong = body.code === '000000' ? '000001' : '000000';

    // Act
    const guesses = [];
    for (let i = 0; i < 5; i += 1) guesses.push(await bind('o-guesser', wrong));
    const sixth = await bind('o-guesser', body.code);
    const otherChatUser = await bind('o-honest', wrong);

    // Assess
    expect(guesses.every((g) => g.outcome === 'refused' && g.reason === 'invalidCode')).toBe(true);
    expect(sixth).toMatchObject({ outcome: 'refused', reason: 'rateLimited', retryAfterSeconds: expect.any(Number) });
    expect(otherChatUser).toEqual({ outcome: 'refused', reason: 'invalidCode' });
    h.advanceSeconds(20 * 60);
    expect((await bind('o-guesser', body.code)).outcome).toBe('refused');
  });

  it('draws again when the code drawn is held by another account’s live code', async () => {
    // Prepare
    const draws = ['123456', '123456', '654321'];
    const ports = { clock: h.deps.clock, bindCodes: h.deps.repositories.bindCodes, drawBindCode: () => draws.shift()! };

    // Act
    const first = await issueBindCode(ports, { userId: 'u-guardian-a', role: 'guardian' }, 'wechat');
    const second = await issueBindCode(ports, { userId: 'u-guardian-b', role: 'guardian' }, 'wechat');

    // Assess
    expect([first.code, second.code]).toEqual(['123456', '654321']);
    expect((await bind('o-guardian-b', '654321')).outcome).toBe('bound');
  });

  it('unbinds, and the chat user is no longer bound', async () => {
    // Prepare
    const { body } = await h.call('POST', '/api/v1/me/chat-bind-codes', { as: 'volunteer', json: { platform: 'wechat' } });
    await bind('o-volunteer', body.code);

    // Act
    const removed = await h.call('DELETE', '/api/v1/me/chat-bindings/wechat', { as: 'volunteer' });

    // Assess
    expect(removed.status).toBe(204);
    expect((await h.call('GET', '/api/v1/me/chat-bindings', { as: 'volunteer' })).body.items).toEqual([]);
    expect(await h.deps.repositories.chatBindings.get({ platform: 'wechat', chatUserId: 'o-volunteer' })).toBeNull();
  });
});

describe('bad input writes nothing', () => {
  it('refuses an unknown platform, naming the field', async () => {
    const writes = await h.writesOf(async () => {
      const res = await h.call('POST', '/api/v1/me/chat-bind-codes', { as: 'guardianA', json: { platform: 'qq' } });
      expect([res.status, res.body.field]).toEqual([400, 'platform']);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const unbind = await h.call('DELETE', '/api/v1/me/chat-bindings/qq', { as: 'guardianA' });
      expect([unbind.status, unbind.body.field]).toEqual([400, 'platform']);
    });

    expect(writes).toEqual({ added: [], removedOrChanged: [] });
  });

  it('refuses WeCom to a guardian: it is the staff’s app', async () => {
    const writes = await h.writesOf(async () => {
      const res = await h.call('POST', '/api/v1/me/chat-bind-codes', { as: 'guardianA', json: { platform: 'wecom' } });
      expect([res.status, res.body.field]).toEqual([403, 'platform']);
    });

    // The refusal is audited like every refusal; no code is written.
    expect(writes.added.map((item) => [item.entity, item.action, item.outcome])).toEqual([['audit', 'request', 'denied']]);
    expect(writes.removedOrChanged).toEqual([]);
  });

  it('asks for a session', async () => {
    expect((await h.call('GET', '/api/v1/me/chat-bindings')).status).toBe(401);
  });
});
