import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { userSchema, type Role, type User } from '../domain/user.js';
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
import { countItems, prefixQuery, queryItems } from './query-items.js';

/**
 * The reminders job's reads across a town (issue 9), each one query on an index that holds only what it counts, so
 * the work grows with what is due, disputed or waiting, never with the town's children or visits: the sparse index of
 * children without a team, the town's visits needing attention (pending and disputed only), the town's concern queue
 * (open ones first) and the users holding a post in the town.
 */
export interface ReminderReads {
  /** The users whose scope is this region, with this role (a town's supervisors). */
  listUsersInRegion(regionId: string, role: Role): Promise<User[]>;
  countChildrenWithoutTeam(townId: string): Promise<number>;
  /** Disputes not yet settled. */
  countDisputedVisits(townId: string): Promise<number>;
  /** Visits still waiting for the guardian that were recorded before `before`. */
  countPendingVisits(townId: string, before: Date): Promise<number>;
  /** Open concern reports not yet acknowledged (still `received`). */
  countUnacknowledgedConcerns(townId: string): Promise<number>;
}

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
