import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AlreadyExistsError, VersionConflictError } from '../domain/errors.js';
import { safetySessionSchema, type SafetySession } from '../domain/safety-session.js';
import { photoTypeOf } from '../domain/safety-photo.js';
import { failedConditionIndexes } from './aws-errors.js';
import { GSI1, safetyPhotoKey, safetySessionKey, safetySessionTownIndexKey, safetySessionTownPartition, stripKeys } from './keys.js';
import { outboxPuts } from './outbox-items.js';
import type { SafetySessions } from './safety-ports.js';
import { putIfVersion, sendTransaction } from './transact.js';

function sessionItem(session: SafetySession): Record<string, unknown> {
  const stored = safetySessionSchema.parse(session);
  return {
    ...safetySessionKey(stored.id),
    ...safetySessionTownIndexKey(stored.audience.townId, stored.date, stored.id),
    entity: 'safetySession',
    ...stored,
  };
}

function sessionOf(item: Record<string, unknown>): SafetySession {
  return safetySessionSchema.parse(stripKeys(item));
}

export function createSafetySessions(client: DynamoDBDocumentClient, tableName: string): SafetySessions {
  return {
    async get(sessionId) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: safetySessionKey(sessionId), ConsistentRead: true }));
      return Item ? sessionOf(Item) : null;
    },

    async plan({ session, events }) {
      try {
        await sendTransaction(client, [
          { Put: { TableName: tableName, Item: sessionItem(session), ConditionExpression: 'attribute_not_exists(pk)' } },
          ...outboxPuts(tableName, events),
        ]);
      } catch (error) {
        if (failedConditionIndexes(error).includes(0)) throw new AlreadyExistsError('该活动已存在', 'id');
        throw error;
      }
    },

    async change({ next, photos, events }) {
      try {
        await sendTransaction(client, [
          putIfVersion(tableName, sessionItem(next), next.version - 1),
          ...photos.map((photo, index) => ({
            Put: {
              TableName: tableName,
              Item: { ...safetyPhotoKey(next.id, index), entity: 'safetyPhoto', type: photo.type, bytes: photo.bytes },
            },
          })),
          ...outboxPuts(tableName, events),
        ]);
      } catch (error) {
        if (failedConditionIndexes(error).includes(0)) throw new VersionConflictError('该活动已被他人修改，请刷新后重试', 'version');
        throw error;
      }
    },

    async listInTown(townId, from, until) {
      const sessions: SafetySession[] = [];
      let start: Record<string, unknown> | undefined;
      // A town plans a few dozen sessions a year; the loop only follows DynamoDB's 1 MB pages.
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: GSI1,
            KeyConditionExpression: 'gsi1pk = :p AND gsi1sk BETWEEN :from AND :until',
            ExpressionAttributeValues: { ':p': safetySessionTownPartition(townId), ':from': `${from}#`, ':until': `${until}#~` },
            ExclusiveStartKey: start,
          }),
        );
        sessions.push(...(page.Items ?? []).map(sessionOf));
        start = page.LastEvaluatedKey;
      } while (start);
      return sessions;
    },

    async photo(sessionId, index) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: safetyPhotoKey(sessionId, index) }));
      if (!Item) return null;
      const bytes = Item.bytes as Uint8Array;
      const type = photoTypeOf(bytes);
      return type === null ? null : { type, bytes };
    },
  };
}
