import { z } from 'zod';
import { idSchema } from '../domain/region.js';
import { countsChange, visitCounts } from '../domain/monthly-counts.js';
import { organizationServiceOf, serviceChange } from '../domain/organization-service.js';
import { isWithdrawn, visitSchema, type Visit } from '../domain/visit.js';
import { isOpenDispute } from '../domain/visit-settlement.js';
import {
  chainEntryKey,
  chainHeadKey,
  idempotencyKey,
  stripKeys,
  visitAttentionPartition,
  visitAttentionSortKey,
  visitKey,
  visitPendingPartition,
} from './keys.js';
import { counterUpdates } from './counter-updates.js';
import { organizationServiceUpdates } from './organization-service.js';
import { canonicalJson, chainEntryKinds, EMPTY_CHAIN, sha256Hex, type ChainEntry, type ChainHead } from './visit-chain.js';

/**
 * How visits and what goes with them are stored. A visit's index entries follow its state: a pending visit is in
 * the town's attention slice and in its child's pending slice (the guardian's list); a disputed one stays in the
 * town's slice under `disputed#` until the supervisor settles it; a confirmed, settled or withdrawn one leaves
 * both (sparse indexes). A dispute stays on the list when its visit is withdrawn: only the supervisor settles it.
 */
function attentionState(visit: Visit): 'pending' | 'disputed' | null {
  if (isOpenDispute(visit)) return 'disputed';
  return visit.confirmation.state === 'pending' && !isWithdrawn(visit) ? 'pending' : null;
}

export function visitItem(visit: Visit): Record<string, unknown> {
  const state = attentionState(visit);
  const attention =
    state === null
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

/**
 * The month's counters of the visit's village (ARCHITECTURE.md step 5) and of its organization's service (R9), read
 * later by the monthly roll-up.
 */
export function monthlyCounterUpdate(tableName: string, visit: Visit) {
  return [
    ...counterUpdates(tableName, countsChange([], visitCounts(visit), visit.recordedAt)),
    ...organizationServiceUpdates(tableName, serviceChange([], organizationServiceOf(visit))),
  ];
}

/**
 * Issue 7, B3 and issue 9 part 5: the counters follow every change of a visit (the guardian's answer, a correction,
 * a withdrawal): the old version's contribution taken out, the new one's put in, one update per item touched, none
 * when nothing moves.
 */
export function monthlyCounterChange(tableName: string, previous: Visit, next: Visit) {
  return [
    ...counterUpdates(tableName, countsChange(visitCounts(previous), visitCounts(next), next.recordedAt)),
    ...organizationServiceUpdates(tableName, serviceChange(organizationServiceOf(previous), organizationServiceOf(next))),
  ];
}
