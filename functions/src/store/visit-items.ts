import { z } from 'zod';
import { idSchema } from '../domain/region.js';
import { shanghaiDate } from '../domain/time.js';
import { visitSchema, type Visit } from '../domain/visit.js';
import {
  chainEntryKey,
  chainHeadKey,
  idempotencyKey,
  monthlyCounterKey,
  stripKeys,
  visitAttentionPartition,
  visitAttentionSortKey,
  visitKey,
  visitPendingPartition,
} from './keys.js';
import { canonicalJson, chainEntryKinds, EMPTY_CHAIN, sha256Hex, type ChainEntry, type ChainHead } from './visit-chain.js';

/**
 * How visits and what goes with them are stored. A visit's index entries follow its confirmation state: pending
 * visits are in the town's attention slice and in their child's pending slice (the guardian's list); a disputed one
 * stays in the town's slice under `disputed#`; a confirmed one leaves both (sparse indexes).
 */
export function visitItem(visit: Visit): Record<string, unknown> {
  const { state } = visit.confirmation;
  const attention =
    state === 'confirmed'
      ? {}
      : { gsi1pk: visitAttentionPartition(visit.region.townId), gsi1sk: visitAttentionSortKey(state, visit.recordedAt, visit.id) };
  const pending =
    state === 'pending'
      ? { gsi2pk: visitPendingPartition(visit.childId), gsi2sk: `${new Date(visit.recordedAt).toISOString()}#${visit.id}` }
      : {};
  return { ...visitKey(visit.childId, visit.id), ...attention, ...pending, entity: 'visit', ...visitSchema.parse(visit) };
}

export function visitFromItem(item: Record<string, unknown>): Visit {
  return visitSchema.parse(stripKeys(item));
}

const chainEntrySchema = z
  .object({
    childId: idSchema,
    sequence: z.number().int().positive(),
    kind: z.enum(chainEntryKinds),
    visitId: idSchema,
    at: z.string(),
    previousHash: z.string(),
    hash: z.string(),
  })
  .strict();

export function chainEntryItem(entry: ChainEntry): Record<string, unknown> {
  return { ...chainEntryKey(entry.childId, entry.sequence), entity: 'chainEntry', ...chainEntrySchema.parse(entry) };
}

export function chainEntryFromItem(item: Record<string, unknown>): ChainEntry {
  return chainEntrySchema.parse(stripKeys(item));
}

export function chainHeadItem(childId: string, head: ChainHead): Record<string, unknown> {
  return { ...chainHeadKey(childId), entity: 'chainHead', childId, sequence: head.sequence, hash: head.hash };
}

export function chainHeadFromItem(item: Record<string, unknown> | undefined): ChainHead {
  return item ? { sequence: Number(item.sequence), hash: String(item.hash) } : EMPTY_CHAIN;
}

/** The head moves only from the state it was read in: two check-ins never take the same sequence. */
export function chainHeadGuard(head: ChainHead) {
  return head.sequence === 0
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : {
        ConditionExpression: '#sequence = :headSequence',
        ExpressionAttributeNames: { '#sequence': 'sequence' },
        ExpressionAttributeValues: { ':headSequence': head.sequence },
      };
}

/** RELIABILITY.md: an offline phone may retry for days; a week covers it. DynamoDB TTL removes the record later. */
export const IDEMPOTENCY_TTL_SECONDS = 7 * 24 * 3_600;

export interface IdempotencyRecord {
  userId: string;
  key: string;
  requestHash: string;
  childId: string;
  visitId: string;
  createdAt: string;
  expiresAt: number;
}

export function requestHashOf(request: unknown): string {
  return sha256Hex(canonicalJson(request));
}

export function idempotencyItem(record: IdempotencyRecord): Record<string, unknown> {
  return { ...idempotencyKey(record.userId, record.key), entity: 'idempotency', ...record };
}

/** Create-once, except over a record whose week is over but which TTL has not removed yet. */
export function idempotencyGuard(now: Date) {
  return {
    ConditionExpression: 'attribute_not_exists(pk) OR #expiresAt < :now',
    ExpressionAttributeNames: { '#expiresAt': 'expiresAt' },
    ExpressionAttributeValues: { ':now': Math.floor(now.getTime() / 1000) },
  };
}

/** The month's counters of the visit's village (ARCHITECTURE.md step 5), read later by the monthly roll-up. */
export function monthlyCounterUpdate(tableName: string, visit: Visit) {
  const month = shanghaiDate(new Date(visit.startedAt)).slice(0, 7);
  const { cityId, districtId, townId, villageId } = visit.region;
  return {
    Update: {
      TableName: tableName,
      Key: monthlyCounterKey(villageId, month),
      UpdateExpression:
        'ADD visits :one, homeVisits :home, contacts :contact, r3Met :r3Met, r3Short :r3Short ' +
        'SET entity = :entity, #month = :month, cityId = :city, districtId = :district, townId = :town, villageId = :village',
      ExpressionAttributeNames: { '#month': 'month' },
      ExpressionAttributeValues: {
        ':one': 1,
        ':home': visit.kind === 'homeVisit' ? 1 : 0,
        ':contact': visit.kind === 'contact' ? 1 : 0,
        ':r3Met': visit.r3.applies && visit.r3.met ? 1 : 0,
        ':r3Short': visit.r3.applies && !visit.r3.met ? 1 : 0,
        ':entity': 'monthlyCounter',
        ':month': month,
        ':city': cityId,
        ':district': districtId,
        ':town': townId,
        ':village': villageId,
      },
    },
  };
}
