import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../functions/src/api/logger.js';
import { chatConfigFrom } from '../../functions/src/chat/chat-config.js';
import { maskName } from '../../functions/src/domain/masking.js';
import { createMessageCipher } from '../../functions/src/chat/protocol/message-cipher.js';
import { callbackSignature } from '../../functions/src/chat/protocol/signature.js';
import { mountChat } from '../../functions/src/compose/chat.js';
import { createChatPush } from '../../functions/src/notify/chat-push.js';
import { startChatApiStub, type ChatApiStub } from '../support/chat-api-stub.js';
import { messageXml, openReply, sealedCallback, TEST_CHAT_CREDENTIALS, TEST_CHAT_ENV, type UserMessage } from '../support/chat-client.js';
import { startApiHarness, TEST_SESSION_SECRET, type ApiHarness } from './support/api-harness.js';
import { children, users, type SeededUser } from './support/seed-area.js';
import { AFTER_VISIT, contactBody, homeVisitBody, postCheckIn } from './support/visits.js';

/**
 * Issue 10: conversations through the chat callback as WeChat and WeCom call it, in safe mode (encrypted XML both
 * ways), over the composition root's use cases and a DynamoDB Local table. The send APIs are a local stub.
 */
let h: ApiHarness;
let stub: ChatApiStub;
let chat: Hono;
/** The callback's monotonic clock: a test moves it to make an answer late. */
let elapsed = 0;
let slowBy = 0;
const wechat = TEST_CHAT_CREDENTIALS.wechat;
const wecom = TEST_CHAT_CREDENTIALS.wecom;

beforeEach(async () => {
  h = await startApiHarness();
  h.setNow(AFTER_VISIT);
  stub = await startChatApiStub();
  elapsed = 0;
  slowBy = 0;
  const env = { ...TEST_CHAT_ENV, WECHAT_OA_APP_ID: TEST_CHAT_ENV.WECHAT_OA_APP_ID, WECHAT_OA_APP_SECRET: stub.appSecret, WECHAT_API_BASE: stub.baseUrl, WECOM_SECRET: stub.corpSecret, WECOM_API_BASE: stub.baseUrl };
  const config = chatConfigFrom(env);
  // The stub issues tokens for its own AppID and CorpID: the send side is pointed at them.
  const chatPush = createChatPush([
    { platform: 'wechat', receiverId: stub.appId, secret: stub.appSecret, agentId: null, apiBase: stub.baseUrl },
    { platform: 'wecom', receiverId: stub.corpId, secret: stub.corpSecret, agentId: '1000002', apiBase: stub.baseUrl },
  ]);
  chat = new Hono();
  mountChat(chat, { ...h.runtime, chatPush }, {
    config,
    sessionSecret: TEST_SESSION_SECRET,
    logger: createLogger({ write: (line) => h.logLines.push(line) }),
    // Each reading of the clock during an answer adds `slowBy`: a slow conversation without a slow test.
    elapsedMs: () => (elapsed += slowBy),
  });
});

afterEach(async () => {
  await stub.close();
});

const openIdOf = (who: SeededUser) => `o-${users[who].id}`;

async function post(path: string, body: string): Promise<{ status: number; text: string; contentType: string }> {
  const res = await chat.request(path, { method: 'POST', body, headers: { 'content-type': 'text/xml' } });
  return { status: res.status, text: await res.text(), contentType: res.headers.get('content-type') ?? '' };
}

/** Sends `message` as the Official Account would and returns the text of the passive reply (null: none). */
async function say(message: UserMessage, credentials = wechat): Promise<string | null> {
  const sealed = sealedCallback(credentials, message, h.deps.clock());
  const res = await post(sealed.path, sealed.body);
  expect(res.status, res.text).toBe(200);
  return openReply(credentials, res.text);
}

/** Binds `who`'s chat with a code from the mini-program's API, as the person would. */
async function bind(who: SeededUser, credentials = wechat, chatUserId = openIdOf(who)): Promise<string | null> {
  const issued = await h.call('POST', '/api/v1/me/chat-bind-codes', { as: who, json: { platform: credentials.platform } });
  expect(issued.status, issued.text).toBe(201);
  return say({ from: chatUserId, content: `绑定 ${issued.body.code}` }, credentials);
}

/** A visit waiting for the family's answer: family A's by its social worker, family B's by its director. */
async function pendingVisit(childId: string): Promise<string> {
  const res =
    childId === children.b1.id
      ? await postCheckIn(h, 'directorV3', childId, contactBody({ participantIds: [users.directorV3.id] }), crypto.randomUUID())
      : await postCheckIn(h, 'socialWorkerPledged', childId, homeVisitBody(), crypto.randomUUID());
  expect(res.status, res.text).toBe(201);
  h.advanceSeconds(60);
  return res.body.id as string;
}

const confirmationOf = (childId: string, visitId: string) => h.table.repositories.visits.get(childId, visitId).then((visit) => visit?.confirmation);

describe('the callback URLs', () => {
  it('answer the Official Account’s URL check with the echostr and WeCom’s with it decrypted', async () => {
    const timestamp = String(Math.floor(h.deps.clock().getTime() / 1000));
    const oa = new URLSearchParams({ signature: callbackSignature(wechat.token, timestamp, 'n1'), timestamp, nonce: 'n1', echostr: '5838479218127813673' });
    const oaRes = await chat.request(`/chat/wechat?${oa}`);
    expect(oaRes.status).toBe(200);
    expect(await oaRes.text()).toBe('5838479218127813673');

    const echostr = createMessageCipher(wecom.encodingAesKey, wecom.receiverId).encrypt('1616140317555161061');
    const wc = new URLSearchParams({ msg_signature: callbackSignature(wecom.token, timestamp, 'n2', echostr), timestamp, nonce: 'n2', echostr });
    const wcRes = await chat.request(`/chat/wecom?${wc}`);
    expect(await wcRes.text()).toBe('1616140317555161061');

    const forged = new URLSearchParams({ signature: 'f'.repeat(40), timestamp, nonce: 'n1', echostr: 'x' });
    const refused = await chat.request(`/chat/wechat?${forged}`);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ field: 'signature' });
  });
});

describe('a guardian by chat', () => {
  it('binds with the code from the mini-program, then confirms the newest visit, which the API then reads as confirmed', async () => {
    const visitId = await pendingVisit(children.a1.id);

    const welcome = await bind('guardianA');
    expect(welcome).toContain(users.guardianA.name);
    const reply = await say({ from: openIdOf('guardianA'), content: '确认' });

    expect(reply).toMatch(/^已确认：4月2日 09:00 .+来家里走访。谢谢！/);
    const read = await h.call('GET', `/api/v1/children/${children.a1.id}/visits/${visitId}`, { as: 'guardianA' });
    expect(read.body.confirmation).toMatchObject({ state: 'confirmed', byUserId: users.guardianA.id });
  });

  it('disputes a visit with the follow-up question answered in the next message', async () => {
    const visitId = await pendingVisit(children.a1.id);
    await bind('guardianA');

    const asked = await say({ from: openIdOf('guardianA'), content: '没来' });
    expect(asked).toContain('1 没有来访');
    const done = await say({ from: openIdOf('guardianA'), content: '１' });

    expect(done).toContain('没有来访');
    expect(await confirmationOf(children.a1.id, visitId)).toMatchObject({ state: 'disputed', reasons: ['notVisited'] });
  });

  it('reports a concern in three questions, which reaches the village’s queue as the mini-program’s reports do', async () => {
    await bind('guardianA');
    const from = openIdOf('guardianA');

    expect(await say({ from, content: '报告' })).toContain('发生了什么');
    expect(await say({ from, content: '邻居家孩子三天没人管，晚上一个人在家' })).toContain('在哪里');
    expect(await say({ from, content: '东湾村' })).toContain('有危险');
    const last = await say({ from, content: '1' });

    expect(last).toContain('请立即拨打110');
    const lists = await h.call('GET', '/api/v1/concerns', { as: 'directorV1' });
    expect(lists.body.queue).toEqual([expect.objectContaining({ urgent: true, villageName: '东湾村', status: 'received' })]);
    const opened = await h.call('GET', `/api/v1/concerns/${lists.body.queue[0].id}`, { as: 'directorV1' });
    expect(JSON.stringify(opened.body)).toContain('邻居家孩子三天没人管');
  });

  it('of one family never answers another family’s visit', async () => {
    const visitOfB = await pendingVisit(children.b1.id);
    await bind('guardianA');

    const reply = await say({ from: openIdOf('guardianA'), content: '确认' });

    expect(reply).toBe('现在没有要您确认的走访。谢谢！');
    expect(await confirmationOf(children.b1.id, visitOfB)).toMatchObject({ state: 'pending' });
  });
});

describe('a director by WeCom', () => {
  it('asks 今天 and gets today’s children with masked names', async () => {
    // Two months after registration, family A's child is overdue for its monthly visit.
    h.setNow('2026-05-20T02:00:00.000Z');
    await bind('directorV1', wecom, 'zhangdongwan');
    const due = await h.call('GET', '/api/v1/obligations/mine?within=0', { as: 'directorV1' });
    const names = [...new Set((due.body.items as { childName: string }[]).map((item) => item.childName))];
    expect(names.length).toBeGreaterThan(0);

    const reply = await say({ from: 'zhangdongwan', content: '今天' }, wecom);

    expect(reply).toContain('【逾期】');
    for (const name of names) {
      expect(reply).toContain(maskName(name));
      expect(reply).not.toContain(name);
    }
  });
});

describe('delivery as WeChat does it', () => {
  it('processes a redelivered message once and gives the same answer again', async () => {
    const visitId = await pendingVisit(children.a1.id);
    await bind('guardianA');
    const message = { from: openIdOf('guardianA'), content: '确认', msgId: '24000000000000001' };

    const first = await say(message);
    const writes = await h.writesOf(async () => {
      expect(await say(message)).toBe(first);
    });

    expect(writes).toEqual({ added: [], removedOrChanged: [] });
    expect(await confirmationOf(children.a1.id, visitId)).toMatchObject({ state: 'confirmed' });
  });

  it('answers `success` when the conversation outlasts 4 s and pushes the answer once, redeliveries included', async () => {
    await pendingVisit(children.a1.id);
    await bind('guardianA');
    stub.userWrote(openIdOf('guardianA'));
    const message = { from: openIdOf('guardianA'), content: '确认', msgId: '24000000000000002' };
    slowBy = 5_000;

    const sealed = sealedCallback(wechat, message, h.deps.clock());
    const first = await post(sealed.path, sealed.body);
    const resent = sealedCallback(wechat, message, h.deps.clock());
    const again = await post(resent.path, resent.body);

    expect(first.text).toBe('success');
    expect(again.text).toBe('success');
    expect(stub.sent).toHaveLength(1);
    expect(stub.sent[0]).toMatchObject({ api: 'custom', body: { touser: openIdOf('guardianA'), msgtype: 'text' } });
    expect(JSON.stringify(stub.sent[0]!.body)).toContain('已确认');
  });

  it('answers a WeCom user opening the app (enter_agent) with nothing, redelivered too', async () => {
    const event = { from: 'zhangdongwan', event: 'enter_agent', createTime: Math.floor(h.deps.clock().getTime() / 1000) };
    for (let delivery = 0; delivery < 2; delivery += 1) {
      const sealed = sealedCallback(wecom, event, h.deps.clock());
      const res = await post(sealed.path, sealed.body);
      expect(res).toMatchObject({ status: 200, text: '' });
    }
  });

  it('gives an unbound chat user the public menu and nothing of anyone’s', async () => {
    const reply = await say({ from: 'o-stranger', content: '确认' });

    expect(reply).toContain('绑定');
    expect(reply).toContain('报告');
  });
});

describe('refused callbacks change nothing', () => {
  const guardian = { from: 'o-u-guardian-a', content: '确认' };

  it('a bad signature, a replayed timestamp and another app’s message', async () => {
    const now = h.deps.clock();
    const good = sealedCallback(wechat, guardian, now);
    const badSignature = good.path.replace(/msg_signature=[0-9a-f]+/, `msg_signature=${'0'.repeat(40)}`);
    const replayed = sealedCallback(wechat, guardian, new Date(now.getTime() - 400_000));
    const otherApp = sealedCallback({ ...wechat, receiverId: 'wxsomeoneelse000001' }, guardian, now);

    const writes = await h.writesOf(async () => {
      expect((await post(badSignature, good.body)).status).toBe(403);
      expect((await post(replayed.path, replayed.body)).status).toBe(403);
      expect((await post(otherApp.path, otherApp.body)).status).toBe(403);
    });

    expect(writes).toEqual({ added: [], removedOrChanged: [] });
  });

  it('an XML bomb, outside or inside the ciphertext, and a body over 32 KiB', async () => {
    const now = h.deps.clock();
    const bomb = '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><xml><Encrypt>&b;</Encrypt></xml>';
    const sealed = sealedCallback(wechat, guardian, now);
    const inner = sealedCallback(wechat, guardian, now, { xml: `<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]>${messageXml(wechat, guardian, now)}` });

    const writes = await h.writesOf(async () => {
      const outside = await post(sealed.path, bomb);
      expect(outside.status).toBe(400);
      expect(outside.contentType).toContain('application/problem+json');
      expect((await post(inner.path, inner.body)).status).toBe(400);
      expect((await post(sealed.path, `<xml><Encrypt>${'A'.repeat(33 * 1024)}</Encrypt></xml>`)).status).toBe(413);
    });

    expect(writes).toEqual({ added: [], removedOrChanged: [] });
  });
});
