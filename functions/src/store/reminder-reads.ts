import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { userSchema } from '../domain/user.js';
import {
  childrenWithoutTeamPartition,
  concernTownPartition,
  GSI1,
  GSI2,
  stripKeys,
  usersInRegionPartition,
  usersInRegionSortPrefix,
  visitAttentionPartition,
} from './keys.js';
import type { ReminderReads } from './ports.js';
import { countItems, prefixQuery, queryItems } from './query-items.js';

/** Open concerns sort first in a town's queue (concernQueueSortKey), so they are one prefix of it. */
const OPEN_CONCERNS_PREFIX = '0#';

export function createReminderReads(client: DynamoDBDocumentClient, tableName: string): ReminderReads {
  return {
    async listUsersInRegion(regionId, role) {
      const items = await queryItems(client, tableName, prefixQuery(usersInRegionPartition(regionId), usersInRegionSortPrefix(role), { index: GSI1 }));
      return items.map((item) => userSchema.parse(stripKeys(item)));
    },

    countChildrenWithoutTeam: (townId) => countItems(client, tableName, prefixQuery(childrenWithoutTeamPartition(townId), '', { index: GSI2 })),

    countDisputedVisits: (townId) => countItems(client, tableName, prefixQuery(visitAttentionPartition(townId), 'disputed#', { index: GSI1 })),

    countPendingVisits: (townId, before) =>
      countItems(client, tableName, {
        indexName: GSI1,
        keyCondition: '#p = :p AND #s BETWEEN :from AND :to',
        names: { '#p': 'gsi1pk', '#s': 'gsi1sk' },
        values: { ':p': visitAttentionPartition(townId), ':from': 'pending#', ':to': `pending#${before.toISOString()}` },
      }),

    countUnacknowledgedConcerns: (townId) =>
      countItems(client, tableName, prefixQuery(concernTownPartition(townId), OPEN_CONCERNS_PREFIX, { index: GSI2 }), {
        expression: '#status = :received',
        names: { '#status': 'status' },
        values: { ':received': 'received' },
      }),
  };
}
