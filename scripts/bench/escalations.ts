/**
 * Issue 8, R6: what a difficult case costs in DynamoDB round trips and time, against bare DynamoDB Local calls
 * measured in the same run, so that the machine's speed cancels out. A report, not a test:
 *   npx tsx scripts/bench/escalations.ts [runs]
 * DynamoDB Local in memory with the demo area seeded; the API called in process (`app.request()`): the social worker
 * 王晓静 raises a case about a child of her team; the town's supervisor 沈志强 reads his queue, acknowledges the case,
 * and reads it; the child's page reads its cases. Interleaved, one of each per run.
 */
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { randomId } from '../../functions/src/compose/runtime.js';
import { userKey } from '../../functions/src/store/keys.js';
import { countRequests } from '../../tests/store/request-counter.js';
import { startDemoApi } from './demo-api.js';
import { ms, timedTogether } from './timing.js';

const RUNS = Number(process.argv[2] ?? 30);
const WARM_UP_RUNS = 5;
const WORKER = 'demo-social-worker-1';
const SUPERVISOR = 'demo-supervisor-yexie';

const demo = await startDemoApi();
try {
  const { app, client, area, table: TABLE } = demo;
  const child = area.children.find((candidate) => candidate.team?.socialWorkerId === WORKER && candidate.team.supervisorId === SUPERVISOR)!;
  const asWorker = await demo.bearerOf(WORKER);
  const asSupervisor = await demo.bearerOf(SUPERVISOR);

  /** An API call that must succeed, and its JSON answer. */
  const api = async (path: string, init?: RequestInit): Promise<{ id: string; version: number }> => {
    const res = await app.request(path, init);
    if (!res.ok) throw new Error(`API answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as { id: string; version: number };
  };
  const json = (headers: Record<string, string>, body: unknown, extra: Record<string, string> = {}): RequestInit => ({
    method: 'POST',
    headers: { ...headers, ...extra, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const form = { problem: '孩子白天独自在家', tried: '联系亲属未果', helpNeeded: '临时照料', urgent: true };
  /** Cases raised and not yet acknowledged: each run's acknowledgement takes one. */
  const raised: string[] = [];
  const raise = async () => {
    const { id } = await api(`/api/v1/children/${child.id}/escalations`, json(asWorker, form, { 'idempotency-key': `bench-${randomId()}` }));
    raised.push(id);
  };
  const acknowledge = async () => {
    const id = raised.shift()!;
    return api(`/api/v1/escalations/${id}/steps`, json(asSupervisor, { action: 'acknowledge', note: '', version: 1 }));
  };
  const readQueue = () => api('/api/v1/escalations', { headers: asSupervisor });
  const readCase = () => api(`/api/v1/escalations/${raised[0]}`, { headers: asSupervisor });
  const readChildCases = () => api(`/api/v1/children/${child.id}/escalations`, { headers: asWorker });

  // Enough cases that every acknowledgement and read finds one, however the runs interleave.
  for (let i = 0; i < WARM_UP_RUNS + RUNS + 2; i += 1) await raise();
  const medians = await timedTogether(
    {
      GetItem: () => client.send(new GetCommand({ TableName: TABLE, Key: userKey(WORKER), ConsistentRead: true })),
      Query: () =>
        client.send(new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': userKey(WORKER).pk }, Limit: 50 })),
      TransactWriteItems: (run) =>
        client.send(
          new TransactWriteCommand({
            TransactItems: Array.from({ length: 6 }, (_, i) => ({ Put: { TableName: TABLE, Item: { pk: `BENCH#${run}#${i}`, sk: 'BENCH', n: i } } })),
          }),
        ),
      raise,
      acknowledge,
      readQueue,
      readCase,
      readChildCases,
    },
    RUNS,
    WARM_UP_RUNS,
  );

  /** The requests one more call sends. */
  async function requestsOf(call: () => Promise<unknown>) {
    const counter = countRequests(client);
    await call();
    counter.stop();
    return { commands: counter.records.map((record) => record.command), totals: counter.totals() };
  }
  await raise();
  const results = [
    ['raise a case', medians.raise, await requestsOf(raise)],
    ['acknowledge', medians.acknowledge, await requestsOf(acknowledge)],
    ['town queue', medians.readQueue, await requestsOf(readQueue)],
    ['one case', medians.readCase, await requestsOf(readCase)],
    ["child's cases", medians.readChildCases, await requestsOf(readChildCases)],
  ] as const;

  console.log(`DynamoDB Local in memory, ${RUNS} runs each after ${WARM_UP_RUNS} warm-up runs, medians; the town's queue holds up to ${WARM_UP_RUNS + RUNS + 3} cases`);
  console.log(`  bare GetItem                     ${ms(medians.GetItem)}`);
  console.log(`  bare Query, up to 50 items       ${ms(medians.Query)}`);
  console.log(`  bare TransactWriteItems, 6 puts  ${ms(medians.TransactWriteItems)}`);
  for (const [name, time, { commands, totals }] of results) {
    console.log(
      `  ${name.padEnd(13)} ${ms(time)}  ${totals.requests} round trips (${commands.join(', ')}); ` +
        `${totals.itemsRead} items read, ${totals.itemsWritten} written; ${(time / medians.GetItem).toFixed(1)} bare GetItems`,
    );
  }
} finally {
  await demo.stop();
}
