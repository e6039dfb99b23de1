/**
 * Issue 7: what one check-in and one read of a child cost in DynamoDB round trips and time, against bare DynamoDB
 * Local calls measured in the same run, so that the machine's speed cancels out. A report, not a test:
 *   npx tsx scripts/bench/round-trips.ts [runs]
 * DynamoDB Local runs in memory with the demo area seeded; the API is called in process (`app.request()`), as the
 * social worker 王晓静 checking in at a child of her team and then reading the child. Each call's requests are
 * counted; its "bare equivalent" is the sum of the bare medians of the commands it sent. The calls are interleaved
 * (one of each per run), so that a machine shared with other work loads them all alike.
 */
import { BatchGetCommand, BatchWriteCommand, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { randomId } from '../../functions/src/compose/runtime.js';
import { chainHeadKey, childKey, idempotencyKey, obligationStateKey, policyKey, userKey } from '../../functions/src/store/keys.js';
import { countRequests } from '../../tests/store/request-counter.js';
import { startDemoApi } from './demo-api.js';
import { ms, timedTogether } from './timing.js';

const RUNS = Number(process.argv[2] ?? 30);
const WARM_UP_RUNS = 5;
const WORKER = 'demo-social-worker-1';

const demo = await startDemoApi();
try {
  const { app, client, area, table: TABLE } = demo;
  const child = area.children.find((candidate) => candidate.team?.socialWorkerId === WORKER)!;
  const headers = await demo.bearerOf(WORKER);

  /** An API call that must succeed. */
  const api = async (path: string, init?: RequestInit) => {
    const res = await app.request(path, init);
    if (!res.ok) throw new Error(`API answered ${res.status}: ${await res.text()}`);
  };
  const now = Date.now();
  const checkIn = (run: number) => {
    const startedAt = new Date(now - 3 * 3_600_000 - run * 60_000);
    const body = {
      kind: 'homeVisit',
      startedAt: startedAt.toISOString(),
      endedAt: new Date(startedAt.getTime() + 2 * 3_600_000).toISOString(),
      location: null,
      participantIds: [WORKER],
    };
    return api(`/api/v1/children/${child.id}/visits`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': `bench-${randomId()}` },
      body: JSON.stringify(body),
    });
  };
  const childRead = () => api(`/api/v1/children/${child.id}`, { headers });

  // Bare calls: the shapes the use cases send, on the same keys.
  const checkInKeys = [userKey(WORKER), childKey(child.id), chainHeadKey(child.id), obligationStateKey(child.id), policyKey(child.region.districtId), idempotencyKey(WORKER, 'none')];
  const medians = await timedTogether({
    GetItem: () => client.send(new GetCommand({ TableName: TABLE, Key: userKey(WORKER), ConsistentRead: true })),
    BatchGetItem: () => client.send(new BatchGetCommand({ RequestItems: { [TABLE]: { ConsistentRead: true, Keys: checkInKeys } } })),
    TransactWriteItems: (run) =>
      client.send(
        new TransactWriteCommand({
          TransactItems: Array.from({ length: 10 }, (_, i) => ({ Put: { TableName: TABLE, Item: { pk: `BENCH#${run}#${i}`, sk: 'BENCH', n: i } } })),
        }),
      ),
    BatchWriteItem: (run) =>
      client.send(new BatchWriteCommand({ RequestItems: { [TABLE]: [{ PutRequest: { Item: { pk: `BENCH#put#${run}`, sk: 'BENCH' } } }] } })),
    checkIn,
    childRead,
  }, RUNS, WARM_UP_RUNS);

  /** The requests one more call sends, and what its commands take bare. */
  async function requestsOf(call: () => Promise<unknown>) {
    const counter = countRequests(client);
    await call();
    counter.stop();
    const commands = counter.records.map((record) => record.command);
    const bareEquivalent = commands.reduce((sum, command) => sum + (medians[command as keyof typeof medians] ?? Number.NaN), 0);
    return { commands, totals: counter.totals(), bareEquivalent };
  }
  const results = [
    ['check-in', medians.checkIn, await requestsOf(() => checkIn(WARM_UP_RUNS + RUNS))],
    ['child read', medians.childRead, await requestsOf(childRead)],
  ] as const;

  console.log(`DynamoDB Local in memory, ${RUNS} runs each after ${WARM_UP_RUNS} warm-up runs, medians`);
  console.log(`  bare GetItem                      ${ms(medians.GetItem)}`);
  console.log(`  bare BatchGetItem, 6 keys         ${ms(medians.BatchGetItem)}`);
  console.log(`  bare TransactWriteItems, 10 puts  ${ms(medians.TransactWriteItems)}`);
  console.log(`  bare BatchWriteItem, 1 put        ${ms(medians.BatchWriteItem)}`);
  for (const [name, time, { commands, totals, bareEquivalent }] of results) {
    console.log(
      `  ${name.padEnd(11)} ${ms(time)}  ${totals.requests} round trips (${commands.join(', ')}); ` +
        `${totals.itemsRead} items read, ${totals.itemsWritten} written, ${totals.conditionChecks} checked; ` +
        `bare equivalent ${ms(bareEquivalent).trim()} (×${(time / bareEquivalent).toFixed(2)}), ` +
        `${(time / medians.GetItem).toFixed(1)} bare GetItems`,
    );
  }
} finally {
  await demo.stop();
}
