import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { childSchema, type Child } from '../../functions/src/domain/child.js';
import { concernSchema, type Concern } from '../../functions/src/domain/concern.js';
import { escalationSchema, type Escalation } from '../../functions/src/domain/escalation.js';
import { emptyFigures, type MonthlyFigures } from '../../functions/src/domain/monthly-report.js';
import { obligationSchema, type Obligation } from '../../functions/src/domain/obligation.js';
import { shanghaiDate } from '../../functions/src/domain/time.js';
import { visitSchema, type Visit } from '../../functions/src/domain/visit.js';
import { KEY_ATTRIBUTES } from '../../functions/src/store/keys.js';
import type { TestTable } from './dynamodb.js';

/**
 * The monthly figures worked out again from the raw records, by a plain reading of MonthlyFigures' definitions and
 * nothing of the counters: what the roll-up's figures (kept by counters in the records' transactions) must equal.
 */
export interface RawRecords {
  children: Child[];
  visits: Visit[];
  /** Home-visit and other obligations as they stand, each with the village of its child. */
  obligations: { obligation: Obligation; villageId: string }[];
  concerns: Concern[];
  escalations: Escalation[];
}

const withoutKeys = (item: Record<string, unknown>) => Object.fromEntries(Object.entries(item).filter(([name]) => !(KEY_ATTRIBUTES as readonly string[]).includes(name)));

/** Every record of the test's table, read with a Scan (a test may; the roll-up never does). */
export async function readRawRecords(table: TestTable): Promise<RawRecords> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.client.send(new ScanCommand({ TableName: table.tableName, ConsistentRead: true, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  const of = (entity: string) => items.filter((item) => item.entity === entity).map(withoutKeys);
  return {
    children: of('child').map((item) => childSchema.parse(item)),
    visits: of('visit').map((item) => visitSchema.parse(item)),
    obligations: of('obligation').map((item) => ({
      obligation: obligationSchema.parse(item.obligation),
      villageId: (item.region as { villageId: string }).villageId,
    })),
    concerns: of('concern').map((item) => concernSchema.parse(item)),
    escalations: of('escalation').map((item) => escalationSchema.parse(item)),
  };
}

const monthOf = (instant: string) => shanghaiDate(new Date(instant)).slice(0, 7);

/**
 * Each village's figures for `month`: the events of the month from `now` (the records as they are when the roll-up
 * runs) and the standing figures from `atMonthEnd` (the records as they were when the month ended).
 */
export function recountMonth(month: string, now: RawRecords, atMonthEnd: RawRecords): Map<string, MonthlyFigures> {
  const byVillage = new Map<string, MonthlyFigures>();
  const of = (villageId: string) => {
    if (!byVillage.has(villageId)) byVillage.set(villageId, emptyFigures());
    return byVillage.get(villageId)!;
  };

  for (const visit of now.visits) {
    if (visit.corrections.some((correction) => correction.kind === 'withdrawn')) continue;
    const figures = of(visit.region.villageId);
    const day = shanghaiDate(new Date(visit.startedAt));
    const madeIn = day.slice(0, 7);
    const homeMet = visit.kind === 'homeVisit' ? visit.obligationsMet.filter((met) => met.key.startsWith('homeVisit:')) : [];
    if (madeIn === month) {
      if (visit.kind === 'homeVisit') figures.visitsDone += 1;
      if (visit.kind === 'contact') figures.contacts += 1;
      if (visit.r3.applies && visit.r3.met) figures.visitsMeetingR3 += 1;
      if (homeMet.length > 0 && homeMet.some((met) => met.dueDate < day)) figures.visitsLate += 1;
      else if (homeMet.length > 0) figures.visitsOnTime += 1;
    }
    for (const met of homeMet.filter((candidate) => candidate.dueDate.slice(0, 7) === month)) {
      figures.visitsDue += 1;
      if (madeIn > month) figures.visitsMissing += 1;
    }
    const answer = visit.confirmation;
    if (answer.at !== null && monthOf(answer.at) === month) {
      if (answer.state === 'confirmed') figures.confirmations += 1;
      if (answer.state === 'disputed') figures.disputes += 1;
    }
  }
  for (const { obligation, villageId } of now.obligations) {
    if (obligation.kind !== 'homeVisit' || obligation.dueDate.slice(0, 7) !== month) continue;
    of(villageId).visitsDue += 1;
    of(villageId).visitsMissing += 1;
  }
  for (const concern of now.concerns) {
    const figures = of(concern.path.villageId);
    if (monthOf(concern.createdAt) === month) figures.concernsReceived += 1;
    const closing = concern.trail.find((step) => step.to === 'closed');
    if (closing && monthOf(closing.at) === month) figures.concernsClosed += 1;
  }
  for (const child of atMonthEnd.children.filter((candidate) => candidate.status !== 'closed')) {
    const figures = of(child.region.villageId);
    figures.childrenServed += 1;
    if (child.riskLevel === 'red') figures.riskRed += 1;
    if (child.riskLevel === 'yellow') figures.riskYellow += 1;
    if (child.riskLevel === 'green') figures.riskGreen += 1;
  }
  for (const escalation of atMonthEnd.escalations.filter((candidate) => candidate.status !== 'resolved')) {
    of(escalation.path.villageId).escalationsOpen += 1;
  }
  return byVillage;
}
