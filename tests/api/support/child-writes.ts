import { expect } from 'vitest';
import type { ApiHarness } from './api-harness.js';
import { path, users } from './seed-area.js';

/** Helpers shared by the tests of child writes. */
export function childWriteHelpers(harness: () => ApiHarness) {
  return {
    async stored(id: string) {
      return (await harness().table.repositories.children.get(id))!;
    },
    /** Runs a refused write and returns what it added to the table; nothing that was there may have changed. */
    async refusedWrite(act: () => Promise<unknown>) {
      const { added, removedOrChanged } = await harness().writesOf(act);
      expect(removedOrChanged).toEqual([]);
      return added;
    },
  };
}

/** A create body for a child under 14, in village v1, guarded by guardian A. */
export function underFourteen(overrides: Record<string, unknown> = {}) {
  return {
    name: '周小宝',
    gender: 'male',
    birthDate: '2019-09-01',
    address: '江城市临江区河口镇东湾村2组8号',
    region: path.v1,
    categories: ['leftBehind'],
    riskLevel: 'yellow',
    guardians: [{ userId: users.guardianA.id, name: '周大宝', relation: 'father', phone: '13500005555' }],
    ...overrides,
  };
}
