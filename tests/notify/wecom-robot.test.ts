import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { channelConfigFrom } from '../../functions/src/notify/channel-config.js';
import { createOutsideChannels } from '../../functions/src/notify/outside-channels.js';
import type { ChannelDeliveries } from '../../functions/src/store/event-ports.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';
import { startMessageStub, stubAnswers, type MessageStub } from '../support/wechat-message-stub.js';

const ROBOT_KEY = '693a91f6-7f9c-4bc4-97a0-0ec2eefa5899';
const fastRetry = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 };

let db: TestTable;
let stub: MessageStub;
let serial = 0;

beforeAll(async () => {
  db = await createTestTable('robot');
});

beforeEach(async () => {
  stub = await startMessageStub();
  stub.addRobot(ROBOT_KEY);
});

afterEach(async () => {
  await stub.close();
});

/**
 * The robot channel with a clock that moves with the stub's: waiting for the minute to pass moves both, so the test
 * of the 20-a-minute limit takes no minute.
 */
function channels(env: Record<string, string>, deliveries: ChannelDeliveries = db.repositories.channelDeliveries) {
  let now = Date.parse('2026-11-30T01:00:00Z');
  const waits: number[] = [];
  const outside = createOutsideChannels({
    config: channelConfigFrom(env),
    wechat: { appId: stub.appId, appSecret: stub.appSecret, baseUrl: stub.baseUrl },
    wecomBaseUrl: stub.baseUrl,
    consents: db.repositories.consents,
    deliveries,
    clock: () => new Date(now),
    retry: { robot: fastRetry },
    waitUntil: async (until) => {
      waits.push(until - now);
      stub.advance(until - now);
      now = until;
    },
  });
  return { outside, waits };
}

const configured = { SHOUHU_WECOM_ROBOT_KEYS: JSON.stringify({ t1: ROBOT_KEY }) };
const deliveryId = () => `robot-${++serial}-${Date.now()}`;

describe('a town’s WeCom group robot against the local stub', () => {
  it('posts text and markdown as WeCom documents them', async () => {
    const { outside } = channels(configured);

    const outcomes = [
      await outside.robot({ deliveryId: deliveryId(), townId: 't1', message: { msgtype: 'text', content: '叶榭镇今日待确认走访 3 件' } }),
      await outside.robot({ deliveryId: deliveryId(), townId: 't1', message: { msgtype: 'markdown', content: '**疑难个案** 1 件待受理' } }),
    ];

    expect(outcomes).toEqual(['sent', 'sent']);
    expect(stub.robotRequests.map((r) => [r.key, r.body])).toEqual([
      [ROBOT_KEY, { msgtype: 'text', text: { content: '叶榭镇今日待确认走访 3 件' } }],
      [ROBOT_KEY, { msgtype: 'markdown', markdown: { content: '**疑难个案** 1 件待受理' } }],
    ]);
  });

  it('keeps to 20 messages a minute: the 21st waits for the minute and WeCom never answers 45009', async () => {
    const { outside, waits } = channels(configured);

    const outcomes = [];
    for (let i = 0; i < 21; i += 1) {
      outcomes.push(await outside.robot({ deliveryId: deliveryId(), townId: 't1', message: { msgtype: 'text', content: `第${i + 1}条` } }));
    }

    expect(outcomes).toEqual(Array(21).fill('sent'));
    expect(stub.robotRequests.map((r) => r.answer)).toEqual(Array(21).fill(0));
    expect(waits).toEqual([60_000]);
  });

  it('retries 45009 from a robot another container filled, and the message arrives once', async () => {
    const { outside } = channels(configured);
    stub.failNext('robot', stubAnswers.rateLimited);

    const outcome = await outside.robot({ deliveryId: deliveryId(), townId: 't1', message: { msgtype: 'text', content: '提醒' } });

    expect(outcome).toBe('sent');
    expect(stub.robotRequests.map((r) => r.answer)).toEqual([45009, 0]);
  });

  it('sends a delivery once, and not again after a crash between the send and its record', async () => {
    const crashing: ChannelDeliveries = { ...db.repositories.channelDeliveries, settle: () => Promise.reject(new Error('Lambda timed out')) };
    const id = deliveryId();
    const message = { msgtype: 'text', content: '提醒' } as const;
    await expect(channels(configured, crashing).outside.robot({ deliveryId: id, townId: 't1', message })).rejects.toThrow('Lambda timed out');

    const again = await channels(configured).outside.robot({ deliveryId: id, townId: 't1', message });

    expect(again).toBe('duplicate');
    expect(stub.robotRequests).toHaveLength(1);
  });

  it('cuts text to 2048 bytes of UTF-8 between characters', async () => {
    const { outside } = channels(configured);

    await outside.robot({ deliveryId: deliveryId(), townId: 't1', message: { msgtype: 'text', content: '𠀀'.repeat(600) } });

    const content = stub.robotRequests[0].body.text!.content;
    expect(Buffer.byteLength(content, 'utf8')).toBe(2048);
    expect(content).toBe('𠀀'.repeat(512));
  });
});

describe('outside channels not configured', () => {
  it('send nothing and call nobody: no robot for the town, no template, no token request', async () => {
    const { outside } = channels({});
    await db.repositories.consents.record('u-off', [{ templateId: 'tmpl-x', kind: 'oneTime', answer: 'accept' }], new Date());

    const outcomes = [
      await outside.robot({ deliveryId: deliveryId(), townId: 't1', message: { msgtype: 'text', content: '提醒' } }),
      await outside.subscribe('reminder', { deliveryId: deliveryId(), userId: 'u-off', openId: 'openid-off', fields: { thing1: '提醒' } }),
      await outside.subscribe('digest', { deliveryId: deliveryId(), userId: 'u-off', openId: 'openid-off', fields: { thing1: '提醒' } }),
    ];

    expect(outcomes).toEqual(['notConfigured', 'notConfigured', 'notConfigured']);
    expect(stub.tokenRequests).toEqual([]);
    expect(stub.subscribeRequests).toEqual([]);
    expect(stub.robotRequests).toEqual([]);
  });

  it('a town without a robot key sends nothing while another town’s robot works', async () => {
    const { outside } = channels(configured);

    const outcome = await outside.robot({ deliveryId: deliveryId(), townId: 't2', message: { msgtype: 'text', content: '提醒' } });

    expect(outcome).toBe('notConfigured');
    expect(stub.robotRequests).toEqual([]);
  });
});
