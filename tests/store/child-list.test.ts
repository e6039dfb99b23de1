import { beforeAll, describe, expect, it } from 'vitest';
import type { ChildListScope } from '../../functions/src/domain/access-policy.js';
import type { Child } from '../../functions/src/domain/child.js';
import { RuleViolationError } from '../../functions/src/domain/errors.js';
import type { Repositories } from '../../functions/src/store/ports.js';
import { createTestTable } from '../support/dynamodb.js';
import { auditOf, createRegions, guardian, makeChild, storeChild, team } from './fixtures.js';

/** How many children each village gets; every third one is served by organization org-1. */
const childrenPerVillage: Record<string, number> = { v1: 7, v2: 3, v10: 2, v11: 2, v3: 3, v4: 4, v5: 2 };

let repositories: Repositories;
const all: Child[] = [];

beforeAll(async () => {
  ({ repositories } = await createTestTable('lists'));
  await createRegions(repositories);
  let n = 0;
  for (const [villageId, count] of Object.entries(childrenPerVillage)) {
    for (let i = 0; i < count; i++, n++) {
      all.push(
        makeChild(`${villageId}-child-${i}`, {
          villageId,
          organizationId: n % 3 === 0 ? 'org-1' : null,
          // g-many is a guardian of five children across two districts; sw-many serves four.
          guardians: [guardian(n % 5 === 0 ? 'g-many' : `g-${n}`)],
          team: n % 6 === 0 ? team('sw-many') : null,
        }),
      );
    }
  }
  await Promise.all(all.map((child) => storeChild(repositories, child, auditOf('child.create', child.id))));
});

/** Follows every cursor, checking each page's size. */
async function listAll(scope: ChildListScope, limit: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await repositories.children.list(scope, { limit, cursor });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((c) => c.id));
    cursor = page.nextCursor;
    pages += 1;
    expect(pages).toBeLessThan(100);
  } while (cursor !== null);
  return { ids, pages };
}

function idsWhere(predicate: (child: Child) => boolean): string[] {
  return all.filter(predicate).map((c) => c.id).sort();
}

describe.each([1, 3, 7, 100])('region lists with pages of %i', (limit) => {
  it.each([
    ['village', 'v1', (c: Child) => c.region.villageId === 'v1'],
    ['town', 't1', (c: Child) => c.region.townId === 't1'],
    ['district', 'd1', (c: Child) => c.region.districtId === 'd1'],
    ['city', 'c1', (c: Child) => c.region.cityId === 'c1'],
  ] as const)('lists every child of %s %s once, and no other', async (level, regionId, inScope) => {
    // Act
    const { ids } = await listAll({ kind: 'region', level, regionId }, limit);

    // Assess
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(idsWhere(inScope));
  });

  it('narrows a district and a city to one organization’s children', async () => {
    // Act
    const district = await listAll({ kind: 'region', level: 'district', regionId: 'd1', organizationId: 'org-1' }, limit);
    const city = await listAll({ kind: 'region', level: 'city', regionId: 'c1', organizationId: 'org-1' }, limit);

    // Assess
    expect([...district.ids].sort()).toEqual(idsWhere((c) => c.region.districtId === 'd1' && c.organizationId === 'org-1'));
    expect([...city.ids].sort()).toEqual(idsWhere((c) => c.region.cityId === 'c1' && c.organizationId === 'org-1'));
  });
});

describe('region lists', () => {
  it('keeps pages full across the boundary between two districts of a city', async () => {
    // Prepare: d1 holds 17 children, d2 holds 4.
    const scope: ChildListScope = { kind: 'region', level: 'city', regionId: 'c1' };

    // Act
    const first = await repositories.children.list(scope, { limit: 15 });
    const second = await repositories.children.list(scope, { limit: 15, cursor: first.nextCursor });

    // Assess
    expect(first.items).toHaveLength(15);
    expect(second.items).toHaveLength(6);
    expect(second.nextCursor).toBeNull();
  });

  it('ends a city list without a cursor when its last district ends exactly at a page end', async () => {
    // Act
    const { ids, pages } = await listAll({ kind: 'region', level: 'city', regionId: 'c1' }, 21);

    // Assess
    expect(ids).toHaveLength(21);
    expect(pages).toBe(1);
  });

  it('returns the children in the same order on every call', async () => {
    // Act
    const once = await listAll({ kind: 'region', level: 'district', regionId: 'd1' }, 4);
    const twice = await listAll({ kind: 'region', level: 'district', regionId: 'd1' }, 4);

    // Assess
    expect(twice.ids).toEqual(once.ids);
  });

  it('lists nothing for an unknown region or a region asked for at the wrong level', async () => {
    // Act
    const unknown = await repositories.children.list({ kind: 'region', level: 'village', regionId: 'nowhere' }, { limit: 10 });
    const wrongLevel = await repositories.children.list({ kind: 'region', level: 'town', regionId: 'v1' }, { limit: 10 });

    // Assess
    expect(unknown).toEqual({ items: [], nextCursor: null });
    expect(wrongLevel).toEqual({ items: [], nextCursor: null });
  });
});

describe('guardian and social worker lists', () => {
  it('lists a guardian’s own children, across districts, page by page in a stable order', async () => {
    // Act
    const { ids, pages } = await listAll({ kind: 'guardian', userId: 'g-many' }, 2);

    // Assess
    expect([...ids].sort()).toEqual(idsWhere((c) => c.guardians.some((g) => g.userId === 'g-many')));
    expect(ids).toHaveLength(5);
    expect(pages).toBe(3);
    expect(ids).toEqual([...ids].sort());
  });

  it('lists the children a social worker serves, and only those', async () => {
    // Act
    const { ids } = await listAll({ kind: 'socialWorker', userId: 'sw-many' }, 3);

    // Assess
    expect([...ids].sort()).toEqual(idsWhere((c) => c.team?.socialWorkerId === 'sw-many'));
    expect(ids.length).toBeGreaterThan(3);
  });

  it('lists nothing for someone with no children, and for the scope "none"', async () => {
    // Act
    const stranger = await repositories.children.list({ kind: 'guardian', userId: 'g-stranger' }, { limit: 10 });
    const none = await repositories.children.list({ kind: 'none' }, { limit: 10 });

    // Assess
    expect(stranger).toEqual({ items: [], nextCursor: null });
    expect(none).toEqual({ items: [], nextCursor: null });
  });
});

describe('cursors and limits from the client', () => {
  it('refuses a cursor that is not one of ours (RuleViolationError on "cursor")', async () => {
    // Prepare
    const scope: ChildListScope = { kind: 'region', level: 'village', regionId: 'v1' };
    const notJson = Buffer.from('not json').toString('base64url');
    const wrongShape = Buffer.from(JSON.stringify({ k: 42 })).toString('base64url');

    // Act / Assess
    for (const cursor of ['%%%', notJson, wrongShape]) {
      const attempt = repositories.children.list(scope, { limit: 5, cursor });
      await expect(attempt).rejects.toBeInstanceOf(RuleViolationError);
      await expect(attempt).rejects.toMatchObject({ field: 'cursor' });
    }
  });

  it('refuses a cursor of another scope instead of reading outside the caller’s own', async () => {
    // Prepare: a cursor from district d1's list, replayed by a director of v4 (district d2) and by a guardian.
    const d1Page = await repositories.children.list({ kind: 'region', level: 'district', regionId: 'd1' }, { limit: 2 });

    // Act
    const asVillage = () =>
      repositories.children.list({ kind: 'region', level: 'village', regionId: 'v4' }, { limit: 2, cursor: d1Page.nextCursor });
    const asGuardian = () =>
      repositories.children.list({ kind: 'guardian', userId: 'g-many' }, { limit: 2, cursor: d1Page.nextCursor });

    // Assess
    await expect(asVillage()).rejects.toMatchObject({ code: 'RULE_VIOLATION', field: 'cursor' });
    await expect(asGuardian()).rejects.toMatchObject({ code: 'RULE_VIOLATION', field: 'cursor' });
  });

  it('refuses a limit below one', async () => {
    // Act
    const attempt = repositories.children.list({ kind: 'region', level: 'village', regionId: 'v1' }, { limit: 0 });

    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'RULE_VIOLATION', field: 'limit' });
  });
});
