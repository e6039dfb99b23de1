import type { ChildListFilter } from '../child-list-filter.js';
import { isWithinScope, type RegionPath } from '../region.js';
import type { Actor } from '../user.js';
import { childListScopeFor, hiddenChildFields, listDenialOf, type AccessDenial, type ChildListScope } from './child-access.js';

/** The field of the child each filter reads. */
const fieldReadBy = { q: 'name', riskLevel: 'riskLevel', category: 'categories' } as const;
type ReadingFilter = keyof typeof fieldReadBy;

export interface ChildListQuery {
  scope: ChildListScope;
  /** What is left to filter once the scope says where to read. */
  filter: ChildListFilter;
}

export type ChildListQueryDecision =
  | { allowed: true; query: ChildListQuery }
  | { allowed: false; denial: AccessDenial; field: keyof ChildListFilter | null };

/**
 * Which children a searched or filtered list covers (issue 7, B8). Nothing beyond the actor's list scope, whatever
 * the filter: a filter can only narrow.
 * - A filter on a field the role never receives is refused: which grade finds a child would tell a guardian the
 *   grade (the same for categories).
 * - A village narrows a region scope to that village (a prefix of the index's sort key), and must lie within the
 *   scope: any other village, existing or not (`village` null), is refused alike, so the answer tells nothing about
 *   villages elsewhere. A guardian's or a social worker's children are theirs wherever they live: a village only
 *   narrows them.
 * `village` is the path of the village `filter.villageId` names, as found.
 */
export function decideChildListQuery(actor: Actor, filter: ChildListFilter, village: RegionPath | null): ChildListQueryDecision {
  const scope = childListScopeFor(actor);
  if (scope.kind === 'none') return { allowed: false, denial: listDenialOf(actor), field: null };
  const hidden = hiddenChildFields[actor.role];
  for (const key of Object.keys(fieldReadBy) as ReadingFilter[]) {
    if (filter[key] !== undefined && hidden.includes(fieldReadBy[key])) return { allowed: false, denial: 'roleCannot', field: key };
  }
  if (filter.villageId === undefined || scope.kind !== 'region') return { allowed: true, query: { scope, filter } };

  const { villageId, ...rest } = filter;
  const inScope = village !== null && village.villageId === villageId && isWithinScope(village, { level: scope.level, regionId: scope.regionId });
  if (!inScope) return { allowed: false, denial: 'notRelated', field: 'villageId' };
  return { allowed: true, query: { scope: { ...scope, level: 'village', regionId: villageId }, filter: rest } };
}
