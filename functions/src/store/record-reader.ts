import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { organizationSchema } from '../domain/organization.js';
import { userSchema } from '../domain/user.js';
import { BATCH_GET_LIMIT, getItems } from './batch.js';
import { childFromItem } from './child-items.js';
import { escalationFromItem } from './escalation-items.js';
import {
  chainHeadKey,
  childKey,
  escalationKey,
  idempotencyKey,
  obligationStateKey,
  organizationKey,
  policyKey,
  regionKey,
  stripKeys,
  userKey,
  visitKey,
  type PrimaryKey,
} from './keys.js';
import { obligationStateFromItem } from './obligation-items.js';
import { policyFromItem } from './policy-repository.js';
import type { IdempotencyLookup, IdempotentMatch, RecordReader, RecordRequest, Records } from './ports.js';
import { regionFromItem } from './region-items.js';
import { chainHeadFromItem, requestHashOf, visitFromItem } from './visit-items.js';

type Item = Record<string, unknown>;

/**
 * Every keyed read a use case needs, in one BatchGetItem with consistent reads (ARCHITECTURE.md: no item read
 * twice, the independent reads together). A key asked for twice (the actor among a visit's participants) is read
 * once. Nothing is sent when nothing is asked.
 */
export function createRecordReader(client: DynamoDBDocumentClient, tableName: string): RecordReader {
  return {
    async read<R extends RecordRequest>(request: R): Promise<Records<R>> {
      const keys = new KeyList();
      const userIds = unique(request.users);
      const regionIds = unique(request.regions);
      const organizationIds = unique(request.organizations);
      for (const id of userIds) keys.add(userKey(id));
      for (const id of regionIds) keys.add(regionKey(id));
      for (const id of organizationIds) keys.add(organizationKey(id));
      const childIds = unique(request.children);
      const visitAddresses = request.visits ?? [];
      for (const id of childIds) keys.add(childKey(id));
      for (const { childId, visitId } of visitAddresses) keys.add(visitKey(childId, visitId));
      const escalationIds = unique(request.escalations);
      for (const id of escalationIds) keys.add(escalationKey(id));
      if (request.child !== undefined) keys.add(childKey(request.child));
      if (request.visit !== undefined) keys.add(visitKey(request.visit.childId, request.visit.visitId));
      if (request.chainHead !== undefined) keys.add(chainHeadKey(request.chainHead));
      if (request.obligationState !== undefined) keys.add(obligationStateKey(request.obligationState));
      if (request.policy !== undefined) keys.add(policyKey(request.policy));
      if (request.idempotency !== undefined) keys.add(idempotencyKey(request.idempotency.userId, request.idempotency.key));

      const found = keys.size === 0 ? new Map<string, Item>() : await keys.fetch(client, tableName);
      const at = (key: PrimaryKey) => found.get(idOf(key));
      const present = <T>(ids: string[], keyOf: (id: string) => PrimaryKey, parse: (item: Item) => T) =>
        new Map(ids.flatMap((id) => {
          const item = at(keyOf(id));
          return item ? [[id, parse(item)] as const] : [];
        }));

      const records: Records = {
        users: present(userIds, userKey, (item) => userSchema.parse(stripKeys(item))),
        regions: present(regionIds, regionKey, (item) => regionFromItem(item)),
        organizations: present(organizationIds, organizationKey, (item) => organizationSchema.parse(stripKeys(item))),
        child: request.child === undefined ? null : nullable(at(childKey(request.child)), childFromItem),
        visit: request.visit === undefined ? null : nullable(at(visitKey(request.visit.childId, request.visit.visitId)), visitFromItem),
        children: present(childIds, childKey, childFromItem),
        visits: new Map(visitAddresses.flatMap(({ childId, visitId }) => {
          const item = at(visitKey(childId, visitId));
          return item ? [[visitId, visitFromItem(item)] as const] : [];
        })),
        escalations: present(escalationIds, escalationKey, escalationFromItem),
        obligationState: request.obligationState === undefined ? null : obligationStateFromItem(at(obligationStateKey(request.obligationState))),
        chainHead: request.chainHead === undefined ? null : chainHeadFromItem(at(chainHeadKey(request.chainHead))),
        policy: request.policy === undefined ? null : policyFromItem(request.policy, at(policyKey(request.policy))),
        idempotency:
          request.idempotency === undefined
            ? null
            : idempotentMatchOf(request.idempotency, at(idempotencyKey(request.idempotency.userId, request.idempotency.key))),
      };
      return records as Records<R>;
    },
  };
}

/** What an earlier request with the same user and key stored, if its record is still valid (TTL lags behind). */
function idempotentMatchOf(lookup: IdempotencyLookup, item: Item | undefined): IdempotentMatch {
  if (!item || Number(item.expiresAt) < Math.floor(lookup.now.getTime() / 1000)) return { kind: 'none' };
  if (item.requestHash !== requestHashOf(lookup.request)) return { kind: 'different' };
  return { kind: 'same', childId: String(item.childId), visitId: String(item.visitId) };
}

function unique(ids: readonly string[] | undefined): string[] {
  return [...new Set(ids ?? [])];
}

function nullable<T>(item: Item | undefined, parse: (item: Item) => T): T | null {
  return item ? parse(item) : null;
}

function idOf(key: { pk: unknown; sk: unknown }): string {
  return `${String(key.pk)}\n${String(key.sk)}`;
}

class KeyList {
  private readonly keys = new Map<string, PrimaryKey>();

  add(key: PrimaryKey): void {
    this.keys.set(idOf(key), key);
  }

  get size(): number {
    return this.keys.size;
  }

  /** One BatchGetItem; a list's names beyond its limit of 100 keys (a long attention list) in parallel ones. */
  async fetch(client: DynamoDBDocumentClient, tableName: string): Promise<Map<string, Item>> {
    const list = [...this.keys.values()];
    const chunks = Array.from({ length: Math.ceil(list.length / BATCH_GET_LIMIT) }, (_, i) => list.slice(i * BATCH_GET_LIMIT, (i + 1) * BATCH_GET_LIMIT));
    const found = new Map<string, Item>();
    for (const [chunk, items] of await Promise.all(chunks.map(async (chunk) => [chunk, await getItems(client, tableName, chunk)] as const))) {
      chunk.forEach((key, index) => {
        if (items[index]) found.set(idOf(key), items[index]!);
      });
    }
    return found;
  }
}
