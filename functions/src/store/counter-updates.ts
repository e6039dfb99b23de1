import type { RegionTally } from '../domain/activity-counts.js';
import { STANDING, type CounterDelta } from '../domain/monthly-counts.js';
import { monthlyCounterKey, standingCounterKey } from './keys.js';
import type { TransactItems } from './transact.js';

/**
 * The counter items a change moves (domain/monthly-counts.ts), as updates to put in the change's own transaction:
 * ADD creates an item on its first use and never loses a concurrent change, so no read or version is needed. The
 * deltas come merged, one per item, as a transaction may not touch one item twice.
 */
export function counterUpdates(tableName: string, deltas: readonly CounterDelta[]): TransactItems {
  return deltas.map(({ region, period, counts }) => {
    const names = Object.keys(counts);
    const standing = period === STANDING;
    return {
      Update: {
        TableName: tableName,
        Key: standing ? standingCounterKey(region.villageId) : monthlyCounterKey(region.villageId, period),
        UpdateExpression:
          `ADD ${names.map((_, index) => `#n${index} :n${index}`).join(', ')} ` +
          'SET entity = :entity, #period = :period, cityId = :city, districtId = :district, townId = :town, villageId = :village',
        ExpressionAttributeNames: { ...Object.fromEntries(names.map((name, index) => [`#n${index}`, name])), '#period': standing ? 'period' : 'month' },
        ExpressionAttributeValues: {
          ...Object.fromEntries(names.map((name, index) => [`:n${index}`, counts[name as keyof typeof counts]])),
          ':entity': standing ? 'standingCounter' : 'monthlyCounter',
          ':period': period,
          ':city': region.cityId,
          ':district': region.districtId,
          ':town': region.townId,
          ':village': region.villageId,
        },
      },
    };
  });
}

/**
 * A region's own month tallies (R5: activities held for a whole town count in the town's own item, which has no
 * village), added like the villages' counters in the transaction of the record that moves them.
 */
export function regionTallyUpdates(tableName: string, tallies: readonly RegionTally[]): TransactItems {
  return tallies.map(({ regionId, month, counts }) => {
    const names = Object.keys(counts);
    return {
      Update: {
        TableName: tableName,
        Key: monthlyCounterKey(regionId, month),
        UpdateExpression: `ADD ${names.map((_, index) => `#n${index} :n${index}`).join(', ')} SET entity = :entity, #month = :month`,
        ExpressionAttributeNames: { ...Object.fromEntries(names.map((name, index) => [`#n${index}`, name])), '#month': 'month' },
        ExpressionAttributeValues: {
          ...Object.fromEntries(names.map((name, index) => [`:n${index}`, counts[name as keyof typeof counts]])),
          ':entity': 'monthlyCounter',
          ':month': month,
        },
      },
    };
  });
}
