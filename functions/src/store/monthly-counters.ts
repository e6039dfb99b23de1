import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { monthlyTallies, standingFigures, changeNameOf, type Counts } from '../domain/monthly-counts.js';
import type { Month } from '../domain/monthly-report.js';
import { getItems, BATCH_GET_LIMIT } from './batch.js';
import { dueEntryFromItem } from './obligation-items.js';
import { dueTownPartition, GSI1, monthlyCounterKey, standingCounterKey, type PrimaryKey } from './keys.js';
import type { MonthlyCounters, VillageCounterItems } from './monthly-report-ports.js';
import { queryItems } from './query-items.js';

const counterNames = [...monthlyTallies, ...standingFigures, ...standingFigures.map(changeNameOf)];

function countsOf(item: Record<string, unknown> | undefined): Counts {
  if (!item) return {};
  return Object.fromEntries(counterNames.filter((name) => typeof item[name] === 'number').map((name) => [name, item[name] as number]));
}

/** The last day of a YYYY-MM month is before `<month>-32`: the due index's dates are YYYY-MM-DD. */
const monthRange = (month: Month) => ({ from: `${month}-01`, to: `${month}-32` });

export function createMonthlyCounters(client: DynamoDBDocumentClient, tableName: string): MonthlyCounters {
  return {
    async readVillages(villageIds, months) {
      const wanted = villageIds.flatMap((villageId) => [
        { villageId, period: null, key: standingCounterKey(villageId) },
        ...months.map((month) => ({ villageId, period: month, key: monthlyCounterKey(villageId, month) })),
      ]);
      const read: (Record<string, unknown> | undefined)[] = [];
      for (let start = 0; start < wanted.length; start += BATCH_GET_LIMIT) {
        const keys: PrimaryKey[] = wanted.slice(start, start + BATCH_GET_LIMIT).map((entry) => entry.key);
        read.push(...(await getItems(client, tableName, keys)));
      }
      const byVillage = new Map<string, VillageCounterItems & { months: Map<Month, Counts> }>();
      for (const villageId of villageIds) byVillage.set(villageId, { standing: {}, months: new Map() });
      wanted.forEach(({ villageId, period }, index) => {
        const village = byVillage.get(villageId)!;
        if (period === null) village.standing = countsOf(read[index]);
        else village.months.set(period, countsOf(read[index]));
      });
      return byVillage;
    },

    async countHomeVisitsDue(townId, month) {
      const { from, to } = monthRange(month);
      const items = await queryItems(client, tableName, {
        indexName: GSI1,
        keyCondition: '#p = :p AND #s BETWEEN :from AND :to',
        names: { '#p': 'gsi1pk', '#s': 'gsi1sk' },
        values: { ':p': dueTownPartition(townId), ':from': from, ':to': to },
      });
      const counts = new Map<string, number>();
      for (const entry of items.map(dueEntryFromItem)) {
        if (entry.obligation.kind !== 'homeVisit') continue;
        counts.set(entry.region.villageId, (counts.get(entry.region.villageId) ?? 0) + 1);
      }
      return counts;
    },
  };
}
