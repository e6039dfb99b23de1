import { ScanCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { performance } from 'node:perf_hooks';
import { obligationUpdateOf } from '../../functions/src/app/obligation-update.js';
import { rollUpMonth } from '../../functions/src/app/roll-up-month.js';
import { createRuntime } from '../../functions/src/compose/runtime.js';
import { addDays } from '../../functions/src/domain/calendar.js';
import type { Child, RiskLevel } from '../../functions/src/domain/child.js';
import { countsChange, visitCounts, type CounterDelta } from '../../functions/src/domain/monthly-counts.js';
import { monthBefore } from '../../functions/src/domain/monthly-report.js';
import type { VisitRuleId } from '../../functions/src/domain/obligation.js';
import { assessR3 } from '../../functions/src/domain/r3-assessment.js';
import type { Region } from '../../functions/src/domain/region.js';
import { shanghaiDate } from '../../functions/src/domain/time.js';
import type { Visit } from '../../functions/src/domain/visit.js';
import { draftVisit } from '../../functions/src/domain/visit-record.js';
import { buildDemoArea } from '../../functions/src/local/demo-area.js';
import { seedDemoArea } from '../../functions/src/local/seed-demo-area.js';
import { createSeededRandom } from '../../functions/src/local/seeded-random.js';
import { batchPut } from '../../functions/src/store/batch.js';
import { counterUpdates } from '../../functions/src/store/counter-updates.js';
import { ensureTable, startDynamoDbLocal } from '../../functions/src/store/index.js';
import type { Repositories } from '../../functions/src/store/ports.js';
import { visitItem } from '../../functions/src/store/visit-items.js';
import { countRequests } from '../../tests/store/request-counter.js';

/**
 * Issue 9 part 5: the items one monthly roll-up and one reminder sweep read, beside what a Scan of the table reads,
 * for the demo area and for a generated city of 10,000 children and 30,000 visits. A benchmark, not a test:
 * `npx tsx scripts/bench/rollup-reads.ts [children] [visits]`. DynamoDB Local runs in memory; the city is written
 * through the store's own writes: each child by the repository (child, links, obligations, standing counters in one
 * transaction), the visits as the store's visit items in batches with their counters summed per village and month
 * (the same deltas the check-in transactions add, domain/monthly-counts.ts), so the counters are what they would be.
 */
const CHILDREN = Number(process.argv[2] ?? 10_000);
const VISITS = Number(process.argv[3] ?? 30_000);
const NOW = new Date('2026-12-01T02:00:00+08:00');
const TODAY = shanghaiDate(NOW);
const RULES: VisitRuleId[] = ['R3', 'R11', 'R14'];
const WRITERS = 12;

const random = createSeededRandom(20261201);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

async function inParallel<T>(items: readonly T[], write: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: WRITERS }, async () => {
    while (next < items.length) await write(items[next++]);
  }));
}

function cityRegions(): { regions: Region[]; villages: Region[] } {
  const regions: Region[] = [{ id: 'gc', level: 'city', name: '基准市', parentId: null }];
  for (let d = 1; d <= 4; d += 1) {
    regions.push({ id: `gd${d}`, level: 'district', name: `基准区${d}`, parentId: 'gc' });
    for (let t = 1; t <= 10; t += 1) {
      regions.push({ id: `gt${d}-${t}`, level: 'town', name: `基准镇${d}-${t}`, parentId: `gd${d}` });
      for (let v = 1; v <= 8; v += 1) regions.push({ id: `gv${d}-${t}-${v}`, level: 'village', name: `基准村${d}-${t}-${v}`, parentId: `gt${d}-${t}` });
    }
  }
  return { regions, villages: regions.filter((region) => region.level === 'village') };
}

function childOf(index: number, village: Region, towns: Map<string, Region>): Child {
  const town = towns.get(village.parentId!)!;
  const region = { cityId: 'gc', districtId: town.parentId!, townId: town.id, villageId: village.id };
  const team = { socialWorkerId: `gsw-${town.id}`, supervisorId: `gsup-${town.id}`, directorId: `gdir-${village.id}` };
  const at = '2026-06-01T02:00:00.000Z';
  return {
    id: `gchild-${index}`,
    name: '基准儿童',
    gender: index % 2 === 0 ? 'male' : 'female',
    birthDate: '2015-03-01',
    idNumber: null,
    address: '基准地址',
    region,
    categories: ['difficult'],
    flags: [],
    riskLevel: pick<RiskLevel>(['red', 'yellow', 'yellow', 'green', 'green', 'green']),
    guardians: [{ userId: null, name: '基准监护人', relation: 'grandparent', phone: '13800001111' }],
    organizationId: null,
    legalBasis: { kind: 'statutoryDuty', authority: '《未成年人保护法》第八十一条' },
    followUpTriggers: [],
    status: 'active',
    team,
    teamHistory: [],
    registeredOn: '2026-06-01',
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

/** A visit of the last three months, made as a check-in would make it (hash fields aside: no chain is read here). */
function visitOf(child: Child, index: number): Visit {
  const home = random() < 0.6;
  const day = addDays(TODAY, -1 - Math.floor(random() * 90));
  const startedAt = `${day}T${String(8 + Math.floor(random() * 10)).padStart(2, '0')}:00:00+08:00`;
  const minutes = home ? pick([90, 130, 150]) : 10;
  const by = home ? child.team!.socialWorkerId : child.team!.directorId;
  const input = {
    kind: home ? ('homeVisit' as const) : ('contact' as const),
    purpose: 'routine' as const,
    startedAt,
    endedAt: new Date(Date.parse(startedAt) + minutes * 60_000).toISOString(),
    location: null,
    participantIds: home ? [by, child.team!.directorId] : [by],
    companionNames: [],
    contactChannel: home ? null : ('phone' as const),
    services: [],
    notes: '',
    problemsFound: '',
  };
  const r3 = assessR3(input, child.team!.socialWorkerId, RULES, 'socialWorker');
  const draft = draftVisit(input, { id: `${startedAt.replace(/\D/g, '')}-g${index}`, child, recordedBy: by, recordedAt: new Date(Date.parse(input.endedAt)), r3 });
  const met = home ? [{ key: 'homeVisit:socialWorker', dueDate: addDays(day, Math.floor(random() * 10) - 5) }] : [];
  return { ...draft, obligationsMet: met, sequence: index + 1, previousHash: '', hash: '' };
}

/** The deltas of many records summed per item, as their transactions would have added them one by one. */
function summed(deltas: CounterDelta[]): CounterDelta[] {
  return countsChange([], deltas, NOW.toISOString());
}

async function writeCity(repositories: Repositories, client: DynamoDBDocumentClient, table: string) {
  const { regions, villages } = cityRegions();
  const towns = new Map(regions.filter((region) => region.level === 'town').map((town) => [town.id, town]));
  for (const region of regions) await repositories.regions.create(region);
  for (const districtId of regions.filter((region) => region.level === 'district').map((region) => region.id)) {
    const policy = { districtId, ruleIds: RULES, unconfirmedAfterDays: 3, updatedAt: NOW.toISOString(), updatedBy: 'bench', version: 1 };
    const audit = { id: `bench-policy-${districtId}`, at: NOW.toISOString(), actorId: 'bench', actorRole: 'system' as const, action: 'policy.update' as const, childId: null, outcome: 'allowed' as const, reason: null };
    await repositories.policies.put({ policy, audit, events: [] });
  }
  const children = Array.from({ length: CHILDREN }, (_, index) => childOf(index, villages[index % villages.length], towns));
  const visits = Array.from({ length: VISITS }, (_, index) => visitOf(children[index % children.length], index));
  const lastDay = new Map<string, string>();
  for (const visit of visits) {
    const day = shanghaiDate(new Date(visit.startedAt));
    if ((lastDay.get(visit.childId) ?? '') < day) lastDay.set(visit.childId, day);
  }
  const started = performance.now();
  await inParallel(children, (child) => {
    const last = lastDay.get(child.id);
    const completions = last ? Object.fromEntries(['homeVisit:socialWorker', 'homeVisit:director', 'contact:director'].map((key) => [key, last])) : {};
    const audit = { id: `bench-${child.id}`, at: child.createdAt, actorId: 'bench', actorRole: 'system' as const, action: 'child.create' as const, childId: child.id, outcome: 'allowed' as const, reason: null };
    return repositories.children.create({ child, audit, obligations: obligationUpdateOf(child, { districtId: child.region.districtId, ruleIds: RULES, unconfirmedAfterDays: 3, updatedAt: null, updatedBy: null, version: 1 }, null, TODAY, completions), events: [] });
  });
  const childrenWritten = performance.now();
  const batches: Record<string, unknown>[][] = [];
  for (let start = 0; start < visits.length; start += 25) batches.push(visits.slice(start, start + 25).map(visitItem));
  await inParallel(batches, (items) => batchPut(client, table, items));
  const counters = counterUpdates(table, summed(visits.flatMap(visitCounts)));
  await inParallel(counters, (update) => client.send(new UpdateCommand(update.Update!)));
  console.log(
    `city written: ${CHILDREN} children in ${((childrenWritten - started) / 1000).toFixed(0)} s, ` +
      `${VISITS} visits and ${counters.length} counter items in ${((performance.now() - childrenWritten) / 1000).toFixed(0)} s`,
  );
}

async function scanCount(client: DynamoDBDocumentClient, table: string): Promise<number> {
  let items = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: table, Select: 'COUNT', ExclusiveStartKey: start }));
    items += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

async function measure(label: string, runtime: ReturnType<typeof createRuntime>, table: string) {
  const counter = countRequests(runtime.client);
  const readsOf = async (act: () => Promise<unknown>) => {
    counter.reset();
    const started = performance.now();
    await act();
    const { requests, itemsRead } = counter.totals();
    return { requests, itemsRead, ms: Math.round(performance.now() - started) };
  };
  const month = monthBefore(TODAY);
  const rollUp = await readsOf(() => rollUpMonth({ ...runtime.repositories, clock: () => NOW }, month));
  // The whole daily sweep as the job runs it: the workers', supervisors' and guardians' digests.
  const sweep = await readsOf(() => runtime.jobRunner.bodies.reminders!({ kind: 'day', date: TODAY }, NOW));
  counter.stop();
  const scanned = await scanCount(runtime.client, table);
  console.log(`${label}: roll-up of ${month}: ${rollUp.itemsRead} items in ${rollUp.requests} requests (${rollUp.ms} ms); ` +
    `reminder sweep of ${TODAY}: ${sweep.itemsRead} items in ${sweep.requests} requests (${sweep.ms} ms); a Scan reads ${scanned} items`);
}

async function main() {
  const local = await startDynamoDbLocal();
  try {
    const demo = createRuntime({ tableName: 'bench-demo', endpoint: local.endpoint, clock: () => NOW });
    await ensureTable(demo.client, 'bench-demo');
    await seedDemoArea(demo.repositories, buildDemoArea(), NOW);
    await measure('demo area', demo, 'bench-demo');

    const city = createRuntime({ tableName: 'bench-city', endpoint: local.endpoint, clock: () => NOW });
    await ensureTable(city.client, 'bench-city');
    await writeCity(city.repositories, city.client, 'bench-city');
    await measure(`generated city (${CHILDREN} children, ${VISITS} visits)`, city, 'bench-city');
  } finally {
    await local.stop();
  }
}

await main();
