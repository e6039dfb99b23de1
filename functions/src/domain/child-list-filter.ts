import { z } from 'zod';
import { childCategorySchema, riskLevelSchema, type Child } from './child.js';
import { idSchema } from './region.js';
import { singleLineText } from './text.js';

/**
 * What a list of children may be narrowed to (issue 7, B8): a name, a village, a risk grade, a category. The name is
 * the child's, which every role that may list children sees in full; guardians' names, addresses and ID numbers are
 * masked in lists and are never searched, so no search can tell a masked character. Text goes through the shared
 * normalisation (text.ts), which is how names were stored.
 */
export const CHILD_NAME_QUERY_MAX = 20;

export const childListFilterSchema = z
  .object({
    /** Part of the child's name (姓名包含). */
    q: singleLineText(CHILD_NAME_QUERY_MAX).optional(),
    villageId: idSchema.optional(),
    riskLevel: riskLevelSchema.optional(),
    category: childCategorySchema.optional(),
  })
  .strict();
export type ChildListFilter = z.infer<typeof childListFilterSchema>;

export type FilteredChild = Pick<Child, 'name' | 'region' | 'riskLevel' | 'categories'>;

/**
 * The filter as one child meets it; the store's filter expression for an index query says the same
 * (`contains` on the name and the categories, equality for the rest).
 */
export function childMatchesFilter(child: FilteredChild, filter: ChildListFilter): boolean {
  return (
    (filter.q === undefined || child.name.includes(filter.q)) &&
    (filter.villageId === undefined || child.region.villageId === filter.villageId) &&
    (filter.riskLevel === undefined || child.riskLevel === filter.riskLevel) &&
    (filter.category === undefined || child.categories.includes(filter.category))
  );
}

export function isFiltered(filter: ChildListFilter): boolean {
  return Object.values(filter).some((value) => value !== undefined);
}
