import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatConfigFrom } from '../../functions/src/chat/chat-config.js';
import { createRuntime } from '../../functions/src/compose/runtime.js';
import { startApiHarness, type ApiHarness } from '../api/support/api-harness.js';
import { children, users } from '../api/support/seed-area.js';
import { startChatApiStub, type ChatApiStub } from '../support/chat-api-stub.js';
import { AFTER_VISIT, contactBody, homeVisitBody, postCheckIn } from '../api/support/visits.js';

/**
 * Issue 10, part 6: the daily digest in the chats where its readers asked for it (提醒): a WeCom application message
 * to the director, an Official Account template message to the guardian (never a customer-service message), nothing
 * to a bound chat that did not ask, and nothing twice when the day's run is repeated.
 */
const TEMPLATE = 'oa-digest-template';
/** Six weeks after the visit: the director's children are overdue, guardian A's visit still waits. */
const today = '2026-05-20';
const at = new Date('2026-05-20T00:00:00Z');

let h: ApiHarness;
let stub: ChatApiStub;

function reminders() {
  const chat = chatConfigFrom({
    WECHAT_OA_TOKEN: 'shouhuTestToken',
    WECHAT_OA_AES_KEY: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
    WECHAT_OA_APP_ID: stub.appId,
    WECHAT_OA_APP_SECRET: stub.appSecret,
    WECHAT_OA_TEMPLATE_DIGEST: TEMPLATE,
    WECHAT_API_BASE: stub.baseUrl,
    WECOM_TOKEN: 'shouhuWecomToken',
    WECOM_AES_KEY: 'ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut',
    WECOM_CORP_ID: stub.corpId,
    WECOM_AGENT_ID: '1000002',
    WECOM_SECRET: stub.corpSecret,
    WECOM_API_BASE: stub.baseUrl,
  });
  return createRuntime({ tableName: h.table.tableName, client: h.table.client, chat }).jobRunner.bodies.reminders!;
}

/** Binds `userId`'s chat the way a code from the mini-program does. */
async function bound(userId: string, platform: 'wechat' | 'wecom', chatUserId: string, digest: boolean) {
  const code = String(100000 + Math.floor(Math.random() * 899999));
  const expiresAt = new Date(Date.now() + 600_000).toISOString();
  expect(await h.table.repositories.bindCodes.issue({ code, userId, platform, expiresAt }, new Date())).toBe(true);
  expect(await h.table.repositories.bindCodes.redeem(code, { platform, chatUserId }, new Date())).not.toBeNull();
  if (digest) await h.table.repositories.chatBindings.setDigestToChat({ platform, chatUserId }, true);
}

beforeAll(async () => {
  h = await startApiHarness();
  h.setNow(AFTER_VISIT);
  stub = await startChatApiStub();
  // Something for each to hear about: a visit waiting for guardian A, the director's children due.
  expect((await postCheckIn(h, 'socialWorkerPledged', children.a1.id, homeVisitBody())).status).toBe(201);
  expect((await postCheckIn(h, 'directorV3', children.b1.id, contactBody({ participantIds: [users.directorV3.id] }))).status).toBe(201);
  await bound(users.directorV1.id, 'wecom', 'zhangdongwan', true);
  await bound(users.guardianA.id, 'wechat', 'o-guardian-a', true);
  // Guardian B bound the 公众号 but never sent 提醒.
  await bound(users.guardianB.id, 'wechat', 'o-guardian-b', false);
});

afterAll(async () => {
  await stub?.close();
});

describe('the daily digest in bound chats', () => {
  it('goes to WeCom as an application message and to the 公众号 as a template message, only where 提醒 was sent', async () => {
    const outcome = await reminders()({ kind: 'day', date: today }, at);

    expect(outcome).toMatchObject({ chatSent: 2 });
    const wecom = stub.sent.filter((s) => s.api === 'wecom');
    expect(wecom).toHaveLength(1);
    expect(wecom[0]!.body).toMatchObject({ touser: 'zhangdongwan', msgtype: 'text', agentid: 1000002 });
    expect(JSON.stringify(wecom[0]!.body)).toContain('今日待办走访提醒');
    const templates = stub.sent.filter((s) => s.api === 'template');
    expect(templates).toEqual([
      { api: 'template', body: { touser: 'o-guardian-a', template_id: TEMPLATE, data: expect.objectContaining({ thing1: { value: '走访待确认提醒' } }) } },
    ]);
    expect(stub.sent.filter((s) => s.api === 'custom')).toEqual([]);
    // Counts only: no child's name goes out.
    for (const child of Object.values(children)) expect(JSON.stringify(stub.sent)).not.toContain(child.name);
  });

  it('sends nothing again when the day’s run is repeated (a retry, a second firing)', async () => {
    const before = stub.sent.length;

    const again = await reminders()({ kind: 'day', date: today }, at);

    expect(again).toMatchObject({ chatSent: 0 });
    expect(stub.sent).toHaveLength(before);
  });

  it('stops once the reader sends 提醒关', async () => {
    await h.table.repositories.chatBindings.setDigestToChat({ platform: 'wecom', chatUserId: 'zhangdongwan' }, false);

    expect((await h.table.repositories.chatBindings.listDigestReaders()).map((binding) => binding.userId)).toEqual([users.guardianA.id]);
    const nextDay = await reminders()({ kind: 'day', date: '2026-05-21' }, new Date('2026-05-21T00:00:00Z'));
    expect(nextDay).toMatchObject({ chatSent: 1 });
  });
});
