import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSubscribeMessageSender, type SubscribeMessageRequest } from '../../functions/src/notify/subscribe-message.js';
import { createAccessTokenSource } from '../../functions/src/notify/wechat-access-token.js';
import type { SubscriptionConsents } from '../../functions/src/store/event-ports.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';
import { startMessageStub, stubAnswers, type MessageStub } from '../support/wechat-message-stub.js';

const REMINDER = { id: 'tmpl-reminder-1', page: 'pages/inbox/index' };
const DIGEST = { id: 'tmpl-digest-1', page: 'pages/inbox/index' };
const at = new Date('2026-11-30T01:00:00Z');
const fastRetry = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5 };

let db: TestTable;
let stub: MessageStub;
let serial = 0;

beforeAll(async () => {
  db = await createTestTable('subscribe');
});

beforeEach(async () => {
  stub = await startMessageStub();
});

afterEach(async () => {
  await stub.close();
});

function senderWith(consents: SubscriptionConsents = db.repositories.consents) {
  const tokens = createAccessTokenSource({ appId: stub.appId, appSecret: stub.appSecret, baseUrl: stub.baseUrl });
  return createSubscribeMessageSender({ baseUrl: stub.baseUrl, tokens, consents, miniprogramState: 'formal', retry: fastRetry, clock: () => at });
}

/** A user of our own and their openid, unique per test so consents never leak between tests. */
function newUser() {
  serial += 1;
  return { userId: `u-sub-${serial}-${Date.now()}`, openId: `openid-${serial}-${Date.now()}` };
}

function message(user: { userId: string; openId: string }, template = REMINDER, deliveryId = `d-${user.userId}`): SubscribeMessageRequest {
  return { deliveryId, ...user, template, fields: { thing1: '王小明的走访待确认', time2: new Date('2026-11-30T02:30:00Z') } };
}

async function acceptOneTime(user: { userId: string; openId: string }, times = 1) {
  for (let i = 0; i < times; i += 1) {
    await db.repositories.consents.record(user.userId, [{ templateId: REMINDER.id, kind: 'oneTime', answer: 'accept' }], at);
  }
  stub.grantOneTime(user.openId, REMINDER.id, times);
}

async function acceptLongTerm(user: { userId: string; openId: string }) {
  await db.repositories.consents.record(user.userId, [{ templateId: DIGEST.id, kind: 'longTerm', answer: 'accept' }], at);
  stub.grantLongTerm(user.openId, DIGEST.id);
}

describe('WeChat subscription messages against the local stub', () => {
  it('sends the documented body: openid, template, page, fields, formal, zh_CN, Beijing time', async () => {
    // Prepare
    const user = newUser();
    await acceptOneTime(user);

    // Act
    const outcome = await senderWith()(message(user));

    // Assess
    expect(outcome).toBe('sent');
    expect(stub.delivered).toEqual([
      {
        touser: user.openId,
        template_id: REMINDER.id,
        page: 'pages/inbox/index',
        data: { thing1: { value: '王小明的走访待确认' }, time2: { value: '2026年11月30日 10:30' } },
        miniprogram_state: 'formal',
        lang: 'zh_CN',
      },
    ]);
  });

  it('asks for one token for ten concurrent sends', async () => {
    // Prepare
    const users = Array.from({ length: 10 }, newUser);
    for (const user of users) await acceptLongTerm(user);
    const send = senderWith();

    // Act
    const outcomes = await Promise.all(users.map((user) => send(message(user, DIGEST))));

    // Assess
    expect(outcomes).toEqual(Array(10).fill('sent'));
    expect(stub.tokenRequests).toEqual([{ force_refresh: false }]);
    expect(stub.delivered).toHaveLength(10);
  });

  it('replaces a token WeChat rejects with 40001 once, by a forced refresh, and sends', async () => {
    // Prepare
    const [first, second] = [newUser(), newUser()];
    await acceptLongTerm(first);
    await acceptLongTerm(second);
    const send = senderWith();
    await send(message(first, DIGEST));
    stub.rotateToken();

    // Act
    const outcome = await send(message(second, DIGEST));

    // Assess
    expect(outcome).toBe('sent');
    expect(stub.tokenRequests).toEqual([{ force_refresh: false }, { force_refresh: true }]);
    expect(stub.subscribeRequests.map((r) => r.answer)).toEqual([0, 40001, 0]);
  });

  it('refreshes only once when the new token is rejected too, and reports the failure', async () => {
    // Prepare
    const user = newUser();
    await acceptOneTime(user);
    stub.failNext('subscribe', { errcode: 40001, errmsg: 'invalid credential' }, { errcode: 40001, errmsg: 'invalid credential' });

    // Act
    const outcome = await senderWith()(message(user));

    // Assess
    expect(outcome).toBe('failed');
    expect(stub.tokenRequests).toHaveLength(2);
    expect(stub.subscribeRequests).toHaveLength(2);
    // WeChat answered, so it did not use the consent: it is given back.
    expect((await db.repositories.consents.list(user.userId))[0].oneTimeLeft).toBe(1);
  });

  it('retries system busy (-1) and the rate limit (45009), and the message arrives once', async () => {
    // Prepare
    const user = newUser();
    await acceptOneTime(user);
    stub.failNext('subscribe', stubAnswers.systemBusy, stubAnswers.rateLimited);

    // Act
    const outcome = await senderWith()(message(user));

    // Assess
    expect(outcome).toBe('sent');
    expect(stub.subscribeRequests.map((r) => r.answer)).toEqual([-1, 45009, 0]);
    expect(stub.delivered).toHaveLength(1);
  });

  it('gives up after the last attempt when WeChat stays busy', async () => {
    // Prepare
    const user = newUser();
    await acceptOneTime(user);
    stub.failNext('subscribe', ...Array(4).fill(stubAnswers.systemBusy));

    // Act
    const outcome = await senderWith()(message(user));

    // Assess
    expect(outcome).toBe('failed');
    expect(stub.subscribeRequests).toHaveLength(4);
  });

  it('never retries 47003 (fields refused)', async () => {
    // Prepare
    const user = newUser();
    await acceptOneTime(user);
    stub.failNext('subscribe', stubAnswers.invalidArguments);

    // Act
    const outcome = await senderWith()(message(user));

    // Assess
    expect(outcome).toBe('failed');
    expect(stub.subscribeRequests).toHaveLength(1);
  });

  it('never retries 43101 (no consent at WeChat) and clears the consent it believed the user had', async () => {
    // Prepare: our table says one consent, WeChat has none (the user turned messages off in WeChat's settings).
    const user = newUser();
    await db.repositories.consents.record(user.userId, [{ templateId: REMINDER.id, kind: 'oneTime', answer: 'accept' }], at);
    await db.repositories.consents.record(user.userId, [{ templateId: REMINDER.id, kind: 'oneTime', answer: 'accept' }], at);

    // Act
    const outcome = await senderWith()(message(user));

    // Assess
    expect(outcome).toBe('refused');
    expect(stub.subscribeRequests.map((r) => r.answer)).toEqual([43101]);
    expect((await db.repositories.consents.list(user.userId))[0]).toMatchObject({ oneTimeLeft: 0, longTerm: false });
  });

  it('uses one one-time consent per message and asks WeChat nothing once they are used up', async () => {
    // Prepare
    const user = newUser();
    await acceptOneTime(user);
    const send = senderWith();

    // Act
    const first = await send(message(user, REMINDER, `${user.userId}-a`));
    const second = await send(message(user, REMINDER, `${user.userId}-b`));

    // Assess
    expect([first, second]).toEqual(['sent', 'noConsent']);
    expect(stub.subscribeRequests).toHaveLength(1);
  });

  it('asks nothing at all of a user who never consented', async () => {
    const outcome = await senderWith()(message(newUser()));

    expect(outcome).toBe('noConsent');
    expect(stub.tokenRequests).toEqual([]);
    expect(stub.subscribeRequests).toEqual([]);
  });

  it('sends a delivery once however often it is asked, even at the same time', async () => {
    // Prepare
    const user = newUser();
    await acceptOneTime(user, 3);
    const send = senderWith();

    // Act
    const outcomes = await Promise.all([send(message(user)), send(message(user)), send(message(user))]);
    const later = await send(message(user));

    // Assess
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(1);
    expect([...outcomes.filter((o) => o !== 'sent'), later]).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(stub.delivered).toHaveLength(1);
    expect((await db.repositories.consents.list(user.userId))[0].oneTimeLeft).toBe(2);
  });

  it('does not send again after a crash between the send and its record', async () => {
    // Prepare: the process dies after WeChat accepted the message, before it settles the claim.
    const user = newUser();
    await acceptOneTime(user, 2);
    const crashing: SubscriptionConsents = {
      ...db.repositories.consents,
      settleSend: () => Promise.reject(new Error('Lambda timed out')),
    };
    await expect(senderWith(crashing)(message(user))).rejects.toThrow('Lambda timed out');

    // Act: the event is delivered again, to a fresh container.
    const retry = await senderWith()(message(user));

    // Assess
    expect(retry).toBe('duplicate');
    expect(stub.subscribeRequests).toHaveLength(1);
    expect(stub.delivered).toHaveLength(1);
  });

  it('cuts fields to their limits by characters, rare characters and emoji included, and WeChat accepts them', async () => {
    // Prepare: 𠀀 is outside the BMP (two UTF-16 units), 👨‍👩‍👧 is five code points.
    const user = newUser();
    await acceptOneTime(user);
    const long = '𠀀'.repeat(12) + '👨‍👩‍👧' + '家庭走访记录待确认';

    // Act
    const outcome = await senderWith()({ ...message(user), fields: { thing1: long, phrase3: '待确认处理中', name4: '𠀀'.repeat(12) } });

    // Assess
    expect(outcome).toBe('sent');
    const data = stub.delivered[0].data;
    expect(Array.from(data.thing1.value)).toHaveLength(20);
    expect(data.thing1.value.endsWith('…')).toBe(true);
    expect(data.thing1.value).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(data.phrase3.value).toBe('待确认处理');
    expect(data.name4.value).toBe('𠀀'.repeat(10));
  });
});

describe('a send whose outcome is unknown', () => {
  it('is not retried and keeps the consent used: WeChat may have delivered it', async () => {
    // Prepare: a proxy in between answers 502 after passing the request on.
    const user = newUser();
    await acceptOneTime(user, 2);
    const tokens = createAccessTokenSource({ appId: stub.appId, appSecret: stub.appSecret, baseUrl: stub.baseUrl });
    let sends = 0;
    const badGateway: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).includes('/message/subscribe/send')) return response;
      sends += 1;
      return new Response('Bad Gateway', { status: 502 });
    };
    const send = createSubscribeMessageSender({
      baseUrl: stub.baseUrl, tokens, consents: db.repositories.consents, miniprogramState: 'formal', retry: fastRetry, clock: () => at, fetch: badGateway,
    });

    // Act
    const outcome = await send(message(user));

    // Assess
    expect(outcome).toBe('failed');
    expect(sends).toBe(1);
    expect(stub.delivered).toHaveLength(1);
    expect((await db.repositories.consents.list(user.userId))[0].oneTimeLeft).toBe(1);
  });
});
