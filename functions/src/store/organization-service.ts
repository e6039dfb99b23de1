import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Month } from '../domain/monthly-report.js';
import type { ServiceDelta } from '../domain/organization-service.js';
import { BATCH_GET_LIMIT, getItems } from './batch.js';
import { organizationServiceKey } from './keys.js';
import type { TransactItems } from './transact.js';

/**
 * R9's service counters (domain/organization-service.ts) as updates to put in the visit's own transaction: ADD, as
 * the village counters (counter-updates.ts), so no read or version is needed and a concurrent visit is not lost.
 */
export function organizationServiceUpdates(tableName: string, deltas: readonly ServiceDelta[]): TransactItems {
  return deltas.map(({ organizationId, month, services }) => ({
    Update: {
      TableName: tableName,
      Key: organizationServiceKey(organizationId, month),
      UpdateExpression: 'ADD services :n SET entity = :entity, organizationId = :org, #month = :month',
      ExpressionAttributeNames: { '#month': 'month' },
      ExpressionAttributeValues: { ':n': services, ':entity': 'organizationService', ':org': organizationId, ':month': month },
    },
  }));
}

/** The service counts of these organizations in these months, by organization then month (absent items count 0). */
export async function readOrganizationServices(
  client: DynamoDBDocumentClient,
  tableName: string,
  organizationIds: readonly string[],
  months: readonly Month[],
): Promise<Map<string, Map<Month, number>>> {
  const wanted = organizationIds.flatMap((organizationId) => months.map((month) => ({ organizationId, month })));
  const served = new Map<string, Map<Month, number>>(organizationIds.map((id) => [id, new Map()]));
  for (let start = 0; start < wanted.length; start += BATCH_GET_LIMIT) {
    const slice = wanted.slice(start, start + BATCH_GET_LIMIT);
    const items = await getItems(client, tableName, slice.map(({ organizationId, month }) => organizationServiceKey(organizationId, month)));
    slice.forEach(({ organizationId, month }, index) => {
      const count = items[index]?.services;
      served.get(organizationId)!.set(month, typeof count === 'number' ? count : 0);
    });
  }
  return served;
}
