import { concernSchema, type Concern } from '../domain/concern.js';
import { isOpen } from '../domain/concern-lifecycle.js';
import {
  childKey,
  concernKey,
  concernQueueSortKey,
  concernReferenceSortKey,
  concernTownPartition,
  concernTrackingKey,
  concernVillagePartition,
  stripKeys,
  userKey,
} from './keys.js';

/** A concern sits in its village's queue (gsi1) and its town's (gsi2), in queue order; closing moves it to the end. */
export function concernItem(concern: Concern): Record<string, unknown> {
  const stored = concernSchema.parse(concern);
  const order = concernQueueSortKey(isOpen(stored), stored.urgent, stored.createdAt, stored.id);
  return {
    ...concernKey(stored.id),
    entity: 'concern',
    gsi1pk: concernVillagePartition(stored.path.villageId),
    gsi1sk: order,
    gsi2pk: concernTownPartition(stored.path.townId),
    gsi2sk: order,
    ...stored,
  };
}

export function concernFromItem(item: Record<string, unknown>): Concern {
  return concernSchema.parse(stripKeys(item));
}

/** Pointers written once with the report: from the child's record (known child) and from the reporter's account. */
export function concernReferenceItems(concern: Concern): Record<string, unknown>[] {
  const sk = concernReferenceSortKey(concern.createdAt, concern.id);
  const pointer = { sk, entity: 'concernReference', concernId: concern.id };
  return [
    ...(concern.child.kind === 'known' ? [{ pk: childKey(concern.child.childId).pk, ...pointer }] : []),
    ...(concern.reporter.userId !== null ? [{ pk: userKey(concern.reporter.userId).pk, ...pointer }] : []),
  ];
}

export function concernTrackingItem(codeHash: string, concernId: string): Record<string, unknown> {
  return { ...concernTrackingKey(codeHash), entity: 'concernTracking', concernId };
}
