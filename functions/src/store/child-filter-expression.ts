import type { ChildListFilter } from '../domain/child-list-filter.js';
import type { PartitionQuery } from './query-page.js';

type Condition = { expression: string; names: Record<string, string>; values: Record<string, unknown> };

/**
 * A child list's filter as a DynamoDB filter expression, read after the key condition: the same test as
 * `childMatchesFilter` (domain/child-list-filter.ts), `contains` on the name and on the categories, equality for
 * the rest. An organization's admin sees only the children their organization serves (access-policy.ts).
 */
export function childFilterExpression(filter: ChildListFilter, organizationId?: string): PartitionQuery['filter'] {
  const conditions: Condition[] = [];
  if (organizationId !== undefined) {
    conditions.push({ expression: '#org = :org', names: { '#org': 'organizationId' }, values: { ':org': organizationId } });
  }
  if (filter.q !== undefined) {
    conditions.push({ expression: 'contains(#name, :q)', names: { '#name': 'name' }, values: { ':q': filter.q } });
  }
  if (filter.villageId !== undefined) {
    conditions.push({
      expression: '#region.#village = :village',
      names: { '#region': 'region', '#village': 'villageId' },
      values: { ':village': filter.villageId },
    });
  }
  if (filter.riskLevel !== undefined) {
    conditions.push({ expression: '#risk = :risk', names: { '#risk': 'riskLevel' }, values: { ':risk': filter.riskLevel } });
  }
  if (filter.category !== undefined) {
    conditions.push({ expression: 'contains(#categories, :category)', names: { '#categories': 'categories' }, values: { ':category': filter.category } });
  }
  if (conditions.length === 0) return undefined;
  return {
    expression: conditions.map((c) => c.expression).join(' AND '),
    names: Object.assign({}, ...conditions.map((c) => c.names)),
    values: Object.assign({}, ...conditions.map((c) => c.values)),
  };
}
