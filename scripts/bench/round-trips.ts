/**
 * Issue 7: what one check-in and one read of a child cost in DynamoDB round trips and time, against bare DynamoDB
 * Local calls measured in the same run, so that the machine's speed cancels out. A report, not a test:
 *   npx tsx scripts/bench/round-trips.ts [runs]
 * DynamoDB Local runs in memory with the demo area seeded; the API is called in process (`app.request()`), as the
 * social worker 王晓静 checking in at a child of her team and then reading the child. Each call's requests are
 * counted; its "bare equivalent" is the sum of the bare medians of the commands it sent.
 */
import { performance } from 'node:perf_hooks';
import { BatchGetCommand, BatchWriteCommand, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { sessionTokensFor } from '../../functions/src/api/app.js';
import { createLogger } from '../../functions/src/api/logger.js';
import { apiDepsOf } from '../../functions/src/compose/api.js';
import { createRuntime, randomId } from '../../functions/src/compose/runtime.js';
import { createApp } from '../../functions/src/api/app.js';
import { buildDemoArea } from '../../functions/src/local/demo-area.js';
import { seedDemoArea } from '../../functions/src/local/seed-demo-area.js';
import { chainHeadKey, childKey, idempotencyKey, obligationStateKey, policyKey, userKey } from '../../functions/src/store/keys.js';
import { ensureTable, startDynamoDbLocal } from '../../functions/src/store/index.js';
import { countRequests } from '../../tests/store/request-counter.js';

const RUNS = Number(process.argv[2] ?? 30);
const WARM_UP_RUNS = 5;
const TABLE = 'bench';
const WORKER = 'demo-social-worker-1';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 0 ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle];
}

/** Runs `act` WARM_UP_RUNS + RUNS times (the first ones not counted) and returns the median in milliseconds. */
async function timed(act: (run: number) => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < WARM_UP_RUNS + RUNS; run += 1) {
    const started = performance.now();
    await act(run);
    if (run >= WARM_UP_RUNS) times.push(performance.now() - started);
  }
  return median(times);
}

const ms = (value: number) => `${value.toFixed(1).padStart(6)} ms`;

const local = await startDynamoDbLocal();
try {
  const runtime = createRuntime({ tableName: TABLE, endpoint: local.endpoint });
  await ensureTable(runtime.client, TABLE);
  const area = buildDemoArea();
  await seedDemoArea(runtime.repositories, area, new Date());
  const child = area.children.find((candidate) => candidate.team?.socialWorkerId === WORKER)!;
  const worker = area.users.find((user) => user.id === WORKER)!;
  const deps = apiDepsOf(runtime, {
    sessionSecret: 'bench-session-secret-0123456789abcdef',
    wechat: { appId: 'bench', appSecret: 'bench', baseUrl: 'http://127.0.0.1:9' },
    logger: createLogger({ write: () => undefined }),
  });
  const app = createApp(deps);
  const headers = { authorization: `Bearer ${(await sessionTokensFor(deps).issue(worker)).token}` };
  const { client } = runtime;

  // Bare calls: the shapes the use cases send, on the same keys.
  const bare: Record<string, number> = {
    GetItem: await timed(() => client.send(new GetCommand({ TableName: TABLE, Key: userKey(WORKER), ConsistentRead: true }))),
    BatchGetItem: await timed(() =>
      client.send(
        new BatchGetCommand({
          RequestItems: {
            [TABLE]: {
              ConsistentRead: true,
              Keys: [userKey(WORKER), childKey(child.id), chainHeadKey(child.id), obligationStateKey(child.id), policyKey(child.region.districtId), idempotencyKey(WORKER, 'none')],
            },
          },
        }),
      ),
    ),
    TransactWriteItems: await timed((run) =>
      client.send(
        new TransactWriteCommand({
          TransactItems: Array.from({ length: 10 }, (_, i) => ({ Put: { TableName: TABLE, Item: { pk: `BENCH#${run}#${i}`, sk: 'BENCH', n: i } } })),
        }),
      ),
    ),
    BatchWriteItem: await timed((run) =>
      client.send(new BatchWriteCommand({ RequestItems: { [TABLE]: [{ PutRequest: { Item: { pk: `BENCH#put#${run}`, sk: 'BENCH' } } }] } })),
    ),
  };

  /** One API call: its median time, and the requests it sent (counted on one further call). */
  async function measure(call: (run: number) => Promise<Response>) {
    const time = await timed(async (run) => {
      const res = await call(run);
      if (!res.ok) throw new Error(`API answered ${res.status}: ${await res.text()}`);
    });
    const counter = countRequests(client);
    await call(WARM_UP_RUNS + RUNS);
    counter.stop();
    const commands = counter.records.map((record) => record.command);
    return { time, commands, totals: counter.totals(), bareEquivalent: commands.reduce((sum, command) => sum + (bare[command] ?? Number.NaN), 0) };
  }

  const now = Date.now();
  const checkIn = await measure((run) => {
    const startedAt = new Date(now - 3 * 3_600_000 - run * 60_000);
    const body = {
      kind: 'homeVisit',
      startedAt: startedAt.toISOString(),
      endedAt: new Date(startedAt.getTime() + 2 * 3_600_000).toISOString(),
      location: null,
      participantIds: [WORKER],
    };
    return app.request(`/api/v1/children/${child.id}/visits`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': `bench-${randomId()}` },
      body: JSON.stringify(body),
    });
  });
  const childRead = await measure(() => app.request(`/api/v1/children/${child.id}`, { headers }));

  console.log(`DynamoDB Local in memory, ${RUNS} runs each after ${WARM_UP_RUNS} warm-up runs, medians`);
  console.log(`  bare GetItem                           ${ms(bare.GetItem)}`);
  console.log(`  bare BatchGetItem, 6 keys              ${ms(bare.BatchGetItem)}`);
  console.log(`  bare TransactWriteItems, 10 puts       ${ms(bare.TransactWriteItems)}`);
  console.log(`  bare BatchWriteItem, 1 put             ${ms(bare.BatchWriteItem)}`);
  for (const [name, result] of [['check-in', checkIn], ['child read', childRead]] as const) {
    const { requests, itemsRead, itemsWritten, conditionChecks } = result.totals;
    console.log(
      `  ${name.padEnd(11)} ${ms(result.time)}  ${requests} round trips (${result.commands.join(', ')}); ` +
        `${itemsRead} items read, ${itemsWritten} written, ${conditionChecks} checked; ` +
        `bare equivalent ${ms(result.bareEquivalent).trim()} (×${(result.time / result.bareEquivalent).toFixed(2)}), ` +
        `${(result.time / bare.GetItem).toFixed(1)} bare GetItems`,
    );
  }
} finally {
  await local.stop();
}
