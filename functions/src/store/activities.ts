import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { activitySchema, signUpSchema, type Activity, type SignUp } from '../domain/activity.js';
import { AlreadyExistsError, VersionConflictError } from '../domain/errors.js';
import type { ActivityRepository, SignUpOutcome } from './activity-ports.js';
import { failedConditionIndexes } from './aws-errors.js';
import { regionTallyUpdates } from './counter-updates.js';
import {
  activityIndexKeys,
  activityKey,
  activityOrganizationPartition,
  activitySignUpKey,
  activityTownPartition,
  GSI1,
  GSI2,
  SIGN_UP_PREFIX,
  stripKeys,
} from './keys.js';
import { outboxPuts } from './outbox-items.js';
import { queryItems } from './query-items.js';
import { sendTransaction } from './transact.js';

const parseActivity = (item: Record<string, unknown>) => activitySchema.parse(stripKeys(item));
const parseSignUp = (item: Record<string, unknown>) => signUpSchema.parse(stripKeys(item));

function activityItem(activity: Activity): Record<string, unknown> {
  const stored = activitySchema.parse(activity);
  return { ...activityKey(stored.id), ...activityIndexKeys(stored), entity: 'activity', ...stored };
}

/** What the organizer controls: everything but the identity, the creation and the places taken (the sign-ups' own). */
const replaceable = ['title', 'date', 'time', 'place', 'capacity', 'area', 'categories', 'description', 'organizer', 'status', 'attended', 'heldAt', 'updatedAt', 'version', 'gsi1sk', 'gsi2pk', 'gsi2sk'] as const;

/** Whichever bound a key range of `<date>T<time>#<id>` sort keys covers whole days. */
const dayRange = (from: string, to: string) => ({ ':from': `${from}T`, ':to': `${to}T~` });

export function createActivityRepository(client: DynamoDBDocumentClient, tableName: string): ActivityRepository {
  async function listIndexed(index: typeof GSI1 | typeof GSI2, partition: string, from: string, to: string) {
    const items = await queryItems(client, tableName, {
      indexName: index,
      keyCondition: '#p = :p AND #s BETWEEN :from AND :to',
      names: { '#p': `${index}pk`, '#s': `${index}sk` },
      values: { ':p': partition, ...dayRange(from, to) },
    });
    return items.map(parseActivity);
  }

  async function getSignUp(activityId: string, signUpId: string): Promise<SignUp | null> {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: activitySignUpKey(activityId, signUpId), ConsistentRead: true }));
    return Item ? parseSignUp(Item) : null;
  }

  const repository: ActivityRepository = {
    async get(activityId) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: activityKey(activityId), ConsistentRead: true }));
      return Item ? parseActivity(Item) : null;
    },

    async listSignUps(activityId) {
      const items = await queryItems(client, tableName, {
        keyCondition: '#p = :p AND begins_with(#s, :prefix)',
        names: { '#p': 'pk', '#s': 'sk' },
        values: { ':p': activityKey(activityId).pk, ':prefix': SIGN_UP_PREFIX },
        consistentRead: true,
      });
      return items.map(parseSignUp).sort((a, b) => a.signedUpAt.localeCompare(b.signedUpAt));
    },

    listOfOrganization: (organizationId, from, to) => listIndexed(GSI1, activityOrganizationPartition(organizationId), from, to),
    listInTown: (townId, from, to) => listIndexed(GSI2, activityTownPartition(townId), from, to),

    async create(activity, events) {
      try {
        await sendTransaction(client, [
          { Put: { TableName: tableName, Item: activityItem(activity), ConditionExpression: 'attribute_not_exists(pk)' } },
          ...outboxPuts(tableName, events),
        ]);
      } catch (error) {
        if (failedConditionIndexes(error).includes(0)) throw new AlreadyExistsError('活动编号已存在', 'id');
        throw error;
      }
    },

    async replace(next, expectedVersion, events, tallies = []) {
      const item = activityItem(next);
      const names = Object.fromEntries(replaceable.map((name, index) => [`#f${index}`, name]));
      const values = Object.fromEntries(replaceable.map((name, index) => [`:f${index}`, item[name]]));
      try {
        await sendTransaction(client, [
          {
            Update: {
              TableName: tableName,
              Key: activityKey(next.id),
              UpdateExpression: `SET ${replaceable.map((_, index) => `#f${index} = :f${index}`).join(', ')}`,
              ConditionExpression: '#version = :expected AND signedUp <= :capacity',
              ExpressionAttributeNames: { ...names, '#version': 'version' },
              ExpressionAttributeValues: { ...values, ':expected': expectedVersion, ':capacity': next.capacity },
            },
          },
          ...regionTallyUpdates(tableName, tallies),
          ...outboxPuts(tableName, events),
        ]);
      } catch (error) {
        if (failedConditionIndexes(error).includes(0)) throw new VersionConflictError('活动已被他人修改或报名人数已变化，请刷新后重试', 'version');
        throw error;
      }
    },

    async signUp(signUp, events): Promise<SignUpOutcome> {
      const stored = signUpSchema.parse(signUp);
      try {
        await sendTransaction(client, [
          {
            Put: {
              TableName: tableName,
              Item: { ...activitySignUpKey(stored.activityId, stored.id), entity: 'activitySignUp', ...stored },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            // The capacity is enforced here, by the item every sign-up updates: no two sign-ups take the last place.
            Update: {
              TableName: tableName,
              Key: activityKey(stored.activityId),
              UpdateExpression: 'ADD signedUp :one',
              ConditionExpression: '#status = :planned AND signedUp < #capacity',
              ExpressionAttributeNames: { '#status': 'status', '#capacity': 'capacity' },
              ExpressionAttributeValues: { ':one': 1, ':planned': 'planned' },
            },
          },
          ...outboxPuts(tableName, events),
        ]);
        return { kind: 'added', signUp: stored };
      } catch (error) {
        const failed = failedConditionIndexes(error);
        if (failed.includes(0)) {
          const existing = await getSignUp(stored.activityId, stored.id);
          if (existing) return { kind: 'existing', signUp: existing };
        }
        if (failed.includes(1)) {
          const activity = await repository.get(stored.activityId);
          return activity?.status === 'planned' ? { kind: 'full' } : { kind: 'closed' };
        }
        throw error;
      }
    },

    async cancelSignUp(activityId, signUpId, events) {
      try {
        await sendTransaction(client, [
          { Delete: { TableName: tableName, Key: activitySignUpKey(activityId, signUpId), ConditionExpression: 'attribute_exists(pk)' } },
          {
            Update: {
              TableName: tableName,
              Key: activityKey(activityId),
              UpdateExpression: 'ADD signedUp :less',
              ConditionExpression: '#status = :planned AND signedUp > :zero',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':less': -1, ':planned': 'planned', ':zero': 0 },
            },
          },
          ...outboxPuts(tableName, events),
        ]);
        return true;
      } catch (error) {
        if (failedConditionIndexes(error).length > 0) return false;
        throw error;
      }
    },
  };
  return repository;
}
