/**
 * Issue 12, R7: what exporting one child's file costs when the child has many visits: the PDF and the zip through the
 * API (records read, audit written, drawn), their sizes, and the DynamoDB part alone, against a bare DynamoDB Local
 * GetItem and Query measured in the same run, so that the machine's speed cancels out. A report, not a test:
 *   npx tsx scripts/bench/case-file.ts [visits] [runs]
 * DynamoDB Local in memory with the demo area seeded; the API called in process (`app.request()`): the social worker
 * 王晓静 records `visits` home visits of a child of her team (one every six hours, going back from now), then the
 * town's supervisor 沈志强 exports the file.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { randomId } from '../../functions/src/compose/runtime.js';
import { userKey } from '../../functions/src/store/keys.js';
import { countRequests } from '../../tests/store/request-counter.js';
import { startDemoApi } from './demo-api.js';
import { ms, timedTogether } from './timing.js';

const VISITS = Number(process.argv[2] ?? 200);
const RUNS = Number(process.argv[3] ?? 10);
const WARM_UP_RUNS = 2;
const WORKER = 'demo-social-worker-1';
const SUPERVISOR = 'demo-supervisor-yexie';

const demo = await startDemoApi();
try {
  const { app, client, area, table: TABLE } = demo;
  const child = area.children.find((candidate) => candidate.team?.socialWorkerId === WORKER && candidate.team.supervisorId === SUPERVISOR)!;
  const asWorker = await demo.bearerOf(WORKER);
  const asSupervisor = await demo.bearerOf(SUPERVISOR);

  const now = Date.now();
  for (let i = 0; i < VISITS; i += 1) {
    const start = new Date(now - (i + 1) * 6 * 3_600_000);
    const body = {
      kind: 'homeVisit',
      startedAt: start.toISOString(),
      endedAt: new Date(start.getTime() + 45 * 60_000).toISOString(),
      location: { latitude: 30.93, longitude: 121.28, accuracyMeters: 20 },
      participantIds: [WORKER],
      services: ['guardianshipGuidance', 'educationSupport'],
      notes: `第 ${i + 1} 次走访：与祖父母沟通学习安排，检查居住环境，孩子近况良好。`,
      problemsFound: i % 5 === 0 ? '冬衣不足，已联系村委会' : '',
    };
    const res = await app.request(`/api/v1/children/${child.id}/visits`, {
      method: 'POST',
      headers: { ...asWorker, 'content-type': 'application/json', 'idempotency-key': `bench-${randomId()}` },
      body: JSON.stringify(body),
    });
    if (res.status !== 201) throw new Error(`check-in ${i} answered ${res.status}: ${await res.text()}`);
  }

  const sizes: Record<string, number> = {};
  const download = (ext: 'pdf' | 'zip') => async () => {
    const res = await app.request(`/api/v1/children/${child.id}/file.${ext}`, { headers: asSupervisor });
    if (res.status !== 200) throw new Error(`export answered ${res.status}: ${await res.text()}`);
    sizes[ext] = (await res.arrayBuffer()).byteLength;
  };
  const medians = await timedTogether(
    {
      GetItem: () => client.send(new GetCommand({ TableName: TABLE, Key: userKey(WORKER), ConsistentRead: true })),
      Query: () =>
        client.send(new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `CHILD#${child.id}` }, ConsistentRead: true })),
      pdf: download('pdf'),
      zip: download('zip'),
    },
    RUNS,
    WARM_UP_RUNS,
  );
  const counter = countRequests(client);
  await download('pdf')();
  counter.stop();
  const totals = counter.totals();

  console.log(`DynamoDB Local in memory; a child with ${VISITS} visits; ${RUNS} runs each after ${WARM_UP_RUNS} warm-up runs, medians`);
  console.log(`  bare GetItem                          ${ms(medians.GetItem)}`);
  console.log(`  bare Query of the child's partition   ${ms(medians.Query)}`);
  console.log(`  file.pdf  ${ms(medians.pdf)}  ${(sizes.pdf! / 1024).toFixed(0)} KiB; ${totals.requests} round trips (${counter.records.map((r) => r.command).join(', ')}), ${totals.itemsRead} items read, ${totals.itemsWritten} written`);
  console.log(`  file.zip  ${ms(medians.zip)}  ${(sizes.zip! / 1024).toFixed(0)} KiB`);
} finally {
  await demo.stop();
}
