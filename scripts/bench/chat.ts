/**
 * Issue 10: what one chat message costs, from the encrypted callback to the encrypted passive reply, in DynamoDB round
 * trips and time, against a bare DynamoDB Local GetItem measured in the same run. WeChat waits 5 s; the callback
 * answers passively within 4 s. A report, not a test:
 *   npx tsx scripts/bench/chat.ts [runs]
 * DynamoDB Local in memory with the demo area seeded; the chat callbacks mounted by the same composition as the
 * chat Lambda, called in process. The village director 张桂英 (WeCom) asks 今天 and 帮助; the guardian (公众号)
 * confirms the newest of the phone calls logged for her child, one per run.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { Hono } from 'hono';
import { createLogger } from '../../functions/src/api/logger.js';
import { chatConfigFrom } from '../../functions/src/chat/chat-config.js';
import { mountChat } from '../../functions/src/compose/chat.js';
import { userKey } from '../../functions/src/store/keys.js';
import { openReply, sealedCallback, TEST_CHAT_CREDENTIALS, TEST_CHAT_ENV, type ChatTestCredentials } from '../../tests/support/chat-client.js';
import { countRequests } from '../../tests/store/request-counter.js';
import { startDemoApi } from './demo-api.js';
import { ms, timedTogether } from './timing.js';

const RUNS = Number(process.argv[2] ?? 30);
const WARM_UP_RUNS = 5;
const DIRECTOR = 'demo-director-jinglingqiao';
const GUARDIAN = 'demo-guardian-001';
const CHILD = 'demo-child-001';

const demo = await startDemoApi();
try {
  const { app, client, runtime, table } = demo;
  const chat = new Hono();
  mountChat(chat, runtime, { config: chatConfigFrom(TEST_CHAT_ENV), sessionSecret: demo.sessionSecret, logger: createLogger({ write: () => undefined }) });

  const say = async (credentials: ChatTestCredentials, from: string, content: string) => {
    const sealed = sealedCallback(credentials, { from, content }, new Date());
    const res = await chat.request(sealed.path, { method: 'POST', body: sealed.body });
    const reply = openReply(credentials, await res.text());
    if (res.status !== 200 || reply === null) throw new Error(`the callback answered ${res.status} without a reply`);
    return reply;
  };
  const bind = async (userId: string, credentials: ChatTestCredentials, chatUserId: string) => {
    const res = await app.request('/api/v1/me/chat-bind-codes', {
      method: 'POST',
      headers: { ...(await demo.bearerOf(userId)), 'content-type': 'application/json' },
      body: JSON.stringify({ platform: credentials.platform }),
    });
    const { code } = (await res.json()) as { code: string };
    await say(credentials, chatUserId, `绑定 ${code}`);
  };
  await bind(DIRECTOR, TEST_CHAT_CREDENTIALS.wecom, 'zhangguiying');
  await bind(GUARDIAN, TEST_CHAT_CREDENTIALS.wechat, 'o-guardian-001');

  // One phone call waiting for the guardian per confirmation to come.
  const asDirector = await demo.bearerOf(DIRECTOR);
  for (let i = 0; i < WARM_UP_RUNS + RUNS + 1; i += 1) {
    const ended = Date.now() - (i + 1) * 60_000;
    const res = await app.request(`/api/v1/children/${CHILD}/visits`, {
      method: 'POST',
      headers: { ...asDirector, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ kind: 'contact', contactChannel: 'phone', startedAt: new Date(ended - 300_000).toISOString(), endedAt: new Date(ended).toISOString(), location: null, participantIds: [DIRECTOR], notes: '电话了解近况' }),
    });
    if (res.status !== 201) throw new Error(`check-in answered ${res.status}`);
  }

  const today = () => say(TEST_CHAT_CREDENTIALS.wecom, 'zhangguiying', '今天');
  const help = () => say(TEST_CHAT_CREDENTIALS.wecom, 'zhangguiying', '帮助');
  const confirm = () => say(TEST_CHAT_CREDENTIALS.wechat, 'o-guardian-001', '确认');
  const medians = await timedTogether(
    {
      GetItem: () => client.send(new GetCommand({ TableName: table, Key: userKey(DIRECTOR), ConsistentRead: true })),
      help,
      today,
      confirm,
    },
    RUNS,
    WARM_UP_RUNS,
  );

  async function requestsOf(call: () => Promise<unknown>) {
    const counter = countRequests(client);
    await call();
    counter.stop();
    return counter.totals();
  }
  const results = [
    ['帮助 (menu)', medians.help, await requestsOf(help)],
    ['今天 (director)', medians.today, await requestsOf(today)],
    ['确认 (guardian)', medians.confirm, await requestsOf(confirm)],
  ] as const;

  console.log(`DynamoDB Local in memory, ${RUNS} runs each after ${WARM_UP_RUNS} warm-up runs, medians; encrypted callback to encrypted reply`);
  console.log(`  bare GetItem         ${ms(medians.GetItem)}`);
  for (const [name, time, totals] of results) {
    console.log(
      `  ${name.padEnd(16)} ${ms(time)}  ${totals.requests} round trips; ${totals.itemsRead} items read, ${totals.itemsWritten} written; ` +
        `${(time / medians.GetItem).toFixed(1)} bare GetItems; ${((time / 4000) * 100).toFixed(1)}% of the 4 s passive budget`,
    );
  }
} finally {
  await demo.stop();
}
