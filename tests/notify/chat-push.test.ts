import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatPush, type ChatPushPlatform } from '../../functions/src/notify/chat-push.js';
import { startChatApiStub, type ChatApiStub } from '../support/chat-api-stub.js';

/** Issue 10, part 5: an answer that missed the callback's 5 seconds goes through the platform's send API. */
let stub: ChatApiStub;

beforeEach(async () => {
  stub = await startChatApiStub();
});

afterEach(async () => {
  await stub.close();
});

function platforms(overrides: Partial<Record<'wechat' | 'wecom', Partial<ChatPushPlatform>>> = {}): ChatPushPlatform[] {
  return [
    { platform: 'wechat', receiverId: stub.appId, secret: stub.appSecret, agentId: null, apiBase: stub.baseUrl, ...overrides.wechat },
    { platform: 'wecom', receiverId: stub.corpId, secret: stub.corpSecret, agentId: '1000002', apiBase: stub.baseUrl, ...overrides.wecom },
  ];
}

describe('answers pushed to a chat', () => {
  it('go to the Official Account user as a customer-service text and to the WeCom user as an application message', async () => {
    const push = createChatPush(platforms());
    stub.userWrote('o-guardian-1');
    expect(await push.send({ platform: 'wechat', chatUserId: 'o-guardian-1' }, '已确认：11月28日 15:00 的走访。')).toBe('sent');
    expect(await push.send({ platform: 'wecom', chatUserId: 'zhangguiying' }, '今天到期 2 名')).toBe('sent');
    expect(stub.sent).toEqual([
      { api: 'custom', body: { touser: 'o-guardian-1', msgtype: 'text', text: { content: '已确认：11月28日 15:00 的走访。' } } },
      { api: 'wecom', body: { touser: 'zhangguiying', msgtype: 'text', agentid: 1000002, text: { content: '今天到期 2 名' } } },
    ]);
  });

  it('replace a rejected access token once and send, asking for one token per app while it is valid', async () => {
    const push = createChatPush(platforms());
    const address = { platform: 'wecom' as const, chatUserId: 'lmh' };
    await push.send(address, '一');
    await push.send(address, '二');
    expect(stub.tokenRequests).toBe(1);
    stub.rotateTokens();
    expect(await push.send(address, '三')).toBe('sent');
    expect(stub.tokenRequests).toBe(2);
    expect(stub.sent.map((s) => (s.body.text as { content: string }).content)).toEqual(['一', '二', '三']);
  });

  it('report a refusal (outside the 48 hours, or after five) as failed without throwing', async () => {
    const push = createChatPush(platforms());
    const address = { platform: 'wechat' as const, chatUserId: 'o-silent' };
    expect(await push.send(address, '你好')).toBe('failed');
    stub.userWrote('o-silent');
    const outcomes = [];
    for (let i = 0; i < 6; i += 1) outcomes.push(await push.send(address, `第${i + 1}条`));
    expect(outcomes).toEqual(['sent', 'sent', 'sent', 'sent', 'sent', 'failed']);
    expect(stub.refused.map((r) => r.errcode)).toEqual([45015, 45047]);
  });

  it('send nothing for a platform without its secret, and cut a text to WeChat’s 2048 bytes between characters', async () => {
    const push = createChatPush(platforms({ wechat: { secret: null } }));
    expect(push.canSend('wechat')).toBe(false);
    expect(await push.send({ platform: 'wechat', chatUserId: 'o-1' }, '你好')).toBe('notConfigured');
    await push.send({ platform: 'wecom', chatUserId: 'u1' }, '守'.repeat(1000));
    const content = (stub.sent[0]!.body.text as { content: string }).content;
    expect(Buffer.byteLength(content)).toBe(2046);
    expect(content).toBe('守'.repeat(682));
    expect(stub.tokenRequests).toBe(1);
  });
});
