import { decideConcernAccess } from '../domain/access-policy.js';
import type { Child } from '../domain/child.js';
import type { Concern, ConcernStatus } from '../domain/concern.js';
import { concernTransitions, isOpen } from '../domain/concern-lifecycle.js';
import type { Actor } from '../domain/user.js';
import type { RegionRepository } from '../store/ports.js';
import type { ConcernView } from './concern-schemas.js';
import { regionNamesOf } from './region-names.js';

/** The steps from here the actor's role may take (the page shows a button for each). */
export function nextStepsFor(actor: Actor, concern: Concern): ConcernStatus[] {
  return concernTransitions[concern.status].filter((to) => to !== 'received' && decideConcernAccess(actor, { step: to }, concern).allowed);
}

export function concernViewOf(
  actor: Actor,
  concern: Concern,
  names: Map<string, string>,
  child: Child | null,
  villageNames: Map<string, string>,
): ConcernView {
  return {
    ...concern,
    villageName: villageNames.get(concern.path.villageId) ?? '',
    childName: child?.name ?? null,
    trail: concern.trail.map((step) => ({ ...step, byName: step.byUserId ? (names.get(step.byUserId) ?? null) : null })),
    nextSteps: nextStepsFor(actor, concern),
  };
}

export function villageNamesOf(regions: RegionRepository, concerns: readonly Concern[]): Promise<Map<string, string>> {
  return regionNamesOf(regions, concerns.map((concern) => concern.path.villageId));
}

export function concernSummaryOf(concern: Concern, villageNames: Map<string, string>) {
  const { id, kinds, urgent, status, raisedTo, createdAt, updatedAt, channel } = concern;
  return { id, kinds, urgent, status, raisedTo, createdAt, updatedAt, channel, villageName: villageNames.get(concern.path.villageId) ?? '', knownChild: concern.child.kind === 'known' };
}

export function myConcernOf(concern: Concern, villageNames: Map<string, string>) {
  const { id, kinds, urgent, status, createdAt, updatedAt } = concern;
  return {
    id,
    kinds,
    urgent,
    status,
    createdAt,
    updatedAt,
    closingFeedback: concern.status === 'closed' ? concern.closingFeedback : null,
    villageName: villageNames.get(concern.path.villageId) ?? '',
  };
}

export function queueCounts(queue: readonly Concern[] | null) {
  const open = (queue ?? []).filter(isOpen);
  return { open: open.length, urgent: open.filter((concern) => concern.urgent).length };
}
