import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatAddress } from '../../functions/src/domain/chat.js';
import type { Repositories } from '../../functions/src/store/ports.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';

let db: TestTable;
let repos: Repositories;

beforeAll(async () => {
  db = await createTestTable('chatbind');
  repos = db.repositories;
});

const now = new Date('2026-11-30T08:00:00Z');
const inTenMinutes = new Date(now.getTime() + 10 * 60_000).toISOString();
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const wechat = (chatUserId: string): ChatAddress => ({ platform: 'wechat', chatUserId });

async function issue(code: string, userId: string, platform: 'wechat' | 'wecom' = 'wechat', at = now) {
  return repos.bindCodes.issue({ code, userId, platform, expiresAt: new Date(at.getTime() + 10 * 60_000).toISOString() }, at);
}

describe('bind codes (issue 10, part 3)', () => {
  it('binds the chat user to the code’s account, both sides at once', async () => {
    // Prepare
    expect(await issue('100001', 'u-a')).toBe(true);

    // Act
    const bound = await repos.bindCodes.redeem('100001', wechat('o-a'), later(1));

    // Assess
    expect(bound).toEqual({ platform: 'wechat', chatUserId: 'o-a', userId: 'u-a', boundAt: later(1).toISOString(), digestToChat: false });
    expect(await repos.chatBindings.get(wechat('o-a'))).toEqual(bound);
    expect(await repos.chatBindings.listForUser('u-a')).toEqual([bound]);
  });

  it('is used once: two chat users sending one code at the same moment bind exactly one', async () => {
    // Prepare
    await issue('100002', 'u-race');

    // Act
    const outcomes = await Promise.all(['o-r1', 'o-r2', 'o-r3'].map((id) => repos.bindCodes.redeem('100002', wechat(id), later(1))));

    // Assess
    const winners = outcomes.filter((outcome) => outcome !== null);
    expect(winners).toHaveLength(1);
    expect(await repos.chatBindings.listForUser('u-race')).toEqual(winners);
    const losers = ['o-r1', 'o-r2', 'o-r3'].filter((id) => id !== winners[0]!.chatUserId);
    for (const id of losers) expect(await repos.chatBindings.get(wechat(id))).toBeNull();
    expect(await repos.bindCodes.redeem('100002', wechat('o-r4'), later(2))).toBeNull();
  });

  it('refuses an unknown code, an expired one and one for the other platform, writing nothing', async () => {
    // Prepare
    await issue('100003', 'u-refused');
    await issue('100004', 'u-refused', 'wecom');

    // Act
    const unknown = await repos.bindCodes.redeem('999999', wechat('o-x'), later(1));
    const expired = await repos.bindCodes.redeem('100003', wechat('o-x'), later(10));
    const otherPlatform = await repos.bindCodes.redeem('100004', wechat('o-x'), later(1));

    // Assess
    expect([unknown, expired, otherPlatform]).toEqual([null, null, null]);
    expect(await repos.chatBindings.get(wechat('o-x'))).toBeNull();
    expect(await repos.chatBindings.listForUser('u-refused')).toEqual([]);
  });

  it('replaces the account’s earlier unused code, which then no longer binds', async () => {
    // Prepare
    await issue('100005', 'u-twice');
    await issue('100006', 'u-twice');

    // Act
    const earlier = await repos.bindCodes.redeem('100005', wechat('o-t'), later(1));
    const newer = await repos.bindCodes.redeem('100006', wechat('o-t'), later(1));

    // Assess
    expect(earlier).toBeNull();
    expect(newer?.userId).toBe('u-twice');
  });

  it('will not hand out a code another account holds while it lives, but will once it has expired', async () => {
    // Prepare
    await issue('100007', 'u-first');

    // Act
    const whileLive = await issue('100007', 'u-second', 'wechat', later(5));
    const afterExpiry = await issue('100007', 'u-second', 'wechat', later(10));

    // Assess
    expect(whileLive).toBe(false);
    expect(afterExpiry).toBe(true);
    expect((await repos.bindCodes.redeem('100007', wechat('o-second'), later(11)))?.userId).toBe('u-second');
  });

  it('rebinding moves a chat user to the new account and an account to its new chat user, leaving no stale side', async () => {
    // Prepare: o-1 bound to u-1, o-2 bound to u-2
    await issue('100008', 'u-1');
    await repos.bindCodes.redeem('100008', wechat('o-1'), later(1));
    await issue('100009', 'u-2');
    await repos.bindCodes.redeem('100009', wechat('o-2'), later(1));

    // Act: u-1's new code is sent by o-2
    await issue('100010', 'u-1', 'wechat', later(2));
    const rebound = await repos.bindCodes.redeem('100010', wechat('o-2'), later(3));

    // Assess
    expect(rebound?.userId).toBe('u-1');
    expect(await repos.chatBindings.get(wechat('o-1'))).toBeNull();
    expect((await repos.chatBindings.get(wechat('o-2')))?.userId).toBe('u-1');
    expect((await repos.chatBindings.listForUser('u-1')).map((b) => b.chatUserId)).toEqual(['o-2']);
    expect(await repos.chatBindings.listForUser('u-2')).toEqual([]);
  });

  it('keeps one binding per platform: an account may hold a WeChat and a WeCom chat', async () => {
    // Prepare
    await issue('100011', 'u-both');
    await issue('100012', 'u-both', 'wecom');

    // Act
    await repos.bindCodes.redeem('100011', wechat('o-both'), later(1));
    await repos.bindCodes.redeem('100012', { platform: 'wecom', chatUserId: 'zhangsan' }, later(1));

    // Assess
    expect((await repos.chatBindings.listForUser('u-both')).map((b) => `${b.platform}:${b.chatUserId}`)).toEqual(['wechat:o-both', 'wecom:zhangsan']);
  });

  it('stores the code with the table’s TTL attribute in epoch seconds', async () => {
    // Act
    await issue('100013', 'u-ttl');

    // Assess
    const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: { pk: 'BIND_CODE#100013', sk: 'BIND_CODE' } }));
    expect(Item?.expiresAt).toBe(Date.parse(inTenMinutes) / 1000);
  });
});

describe('chat bindings', () => {
  it('moves the digest to the chat on both sides and unbinds both sides', async () => {
    // Prepare
    await issue('200001', 'u-digest');
    await repos.bindCodes.redeem('200001', wechat('o-digest'), later(1));

    // Act
    await repos.chatBindings.setDigestToChat(wechat('o-digest'), true);

    // Assess
    expect((await repos.chatBindings.get(wechat('o-digest')))?.digestToChat).toBe(true);
    expect((await repos.chatBindings.listForUser('u-digest'))[0]?.digestToChat).toBe(true);

    // Act
    const removed = await repos.chatBindings.unbindUser('u-digest', 'wechat');
    const again = await repos.chatBindings.unbindUser('u-digest', 'wechat');

    // Assess
    expect([removed, again]).toEqual([true, false]);
    expect(await repos.chatBindings.get(wechat('o-digest'))).toBeNull();
    expect(await repos.chatBindings.listForUser('u-digest')).toEqual([]);
  });
});

describe('conversations', () => {
  it('keeps a conversation until its expiry and ignores it after, before TTL removes it', async () => {
    // Prepare
    const state = { topic: 'concern', step: 'where', data: { what: '孩子没人管' }, expiresAt: later(30).toISOString() };
    await repos.conversations.put(wechat('o-talk'), state);

    // Act
    const during = await repos.conversations.get(wechat('o-talk'), later(29));
    const after = await repos.conversations.get(wechat('o-talk'), later(30));

    // Assess
    expect(during).toEqual(state);
    expect(after).toBeNull();
    await repos.conversations.clear(wechat('o-talk'));
    expect(await repos.conversations.get(wechat('o-talk'), later(1))).toBeNull();
  });
});

describe('message receipts (issue 10, part 5)', () => {
  it('a redelivery finds the first delivery’s receipt, processing and then answered', async () => {
    // Act
    const first = await repos.messageReceipts.begin('wechat', 'msg-1', now);
    const whileProcessing = await repos.messageReceipts.begin('wechat', 'msg-1', later(0.1));
    await repos.messageReceipts.finish('wechat', 'msg-1', { route: 'passive', reply: '已确认' });
    const afterAnswer = await repos.messageReceipts.begin('wechat', 'msg-1', later(0.2));

    // Assess
    expect(first).toBeNull();
    expect(whileProcessing).toEqual({ state: 'processing', receivedAt: now.toISOString() });
    expect(afterAnswer).toEqual({ state: 'answered', receivedAt: now.toISOString(), route: 'passive', reply: '已确认' });
  });

  it('two deliveries at the same moment: one begins, the other sees its receipt', async () => {
    // Act
    const outcomes = await Promise.all([1, 2, 3].map(() => repos.messageReceipts.begin('wecom', 'msg-race', now)));

    // Assess
    expect(outcomes.filter((outcome) => outcome === null)).toHaveLength(1);
  });

  it('forgets a receipt after a day even if TTL has not removed it yet, and keys per platform', async () => {
    // Prepare
    await repos.messageReceipts.begin('wechat', 'msg-old', now);

    // Act
    const otherPlatform = await repos.messageReceipts.begin('wecom', 'msg-old', later(1));
    const nextDay = await repos.messageReceipts.begin('wechat', 'msg-old', later(24 * 60));

    // Assess
    expect(otherPlatform).toBeNull();
    expect(nextDay).toBeNull();
  });
});
