import { currentLevelState, escalationSchema, isOpen, type Escalation } from '../domain/escalation.js';
import { levelAbove } from '../domain/escalation-levels.js';
import { regionIdAt } from '../domain/region.js';
import {
  childKey,
  escalationAwaitingPartition,
  escalationAwaitingSortKey,
  escalationKey,
  escalationQueuePartition,
  escalationQueueSortKey,
  escalationReferenceSortKey,
  stripKeys,
} from './keys.js';

/**
 * A case sits in the queue of the level that holds it (gsi1) and, while that level has not acknowledged it, in the
 * level above's watch list by deadline (gsi2). Each step replaces the item, so it moves with the case.
 */
export function escalationItem(escalation: Escalation): Record<string, unknown> {
  const stored = escalationSchema.parse(escalation);
  const { acknowledgeBy } = currentLevelState(stored);
  const above = levelAbove(stored.level);
  const watched =
    stored.status === 'raised' && above !== null
      ? { gsi2pk: escalationAwaitingPartition(above, regionIdAt(stored.path, above)), gsi2sk: escalationAwaitingSortKey(acknowledgeBy, stored.id) }
      : {};
  return {
    ...escalationKey(stored.id),
    entity: 'escalation',
    gsi1pk: escalationQueuePartition(stored.level, regionIdAt(stored.path, stored.level)),
    gsi1sk: escalationQueueSortKey(isOpen(stored), stored.urgent, acknowledgeBy, stored.id),
    ...watched,
    ...stored,
  };
}

export function escalationFromItem(item: Record<string, unknown>): Escalation {
  return escalationSchema.parse(stripKeys(item));
}

/** Written once with the case: the child's record lists every case raised about it. */
export function escalationReferenceItem(escalation: Escalation): Record<string, unknown> {
  return {
    pk: childKey(escalation.childId).pk,
    sk: escalationReferenceSortKey(escalation.createdAt, escalation.id),
    entity: 'escalationReference',
    escalationId: escalation.id,
  };
}
