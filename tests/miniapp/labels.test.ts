import { describe, expect, it } from 'vitest';
import {
  childCategories,
  childFlags,
  childStatuses,
  guardianRelations,
  riskLevels,
} from '../../functions/src/domain/child.js';
import { regionLevels } from '../../functions/src/domain/region.js';
import { roles } from '../../functions/src/domain/user.js';
import {
  childCategoryNames,
  childFlagNames,
  childStatusNames,
  guardianRelationNames,
  homeKindOf,
  labelOf,
  regionLevelNames,
  riskLabelOf,
  riskLevelNames,
  roleNames,
} from '../../miniapp/src/lib/labels.js';

describe('labels the mini-program shows', () => {
  it.each([
    ['roles', roles, roleNames],
    ['categories', childCategories, childCategoryNames],
    ['flags', childFlags, childFlagNames],
    ['risk levels', riskLevels, riskLevelNames],
    ['statuses', childStatuses, childStatusNames],
    ['guardian relations', guardianRelations, guardianRelationNames],
    ['region levels', regionLevels, regionLevelNames],
  ] as const)('give every one of the domain %s a Chinese label', (_name, codes, names) => {
    for (const code of codes) expect((names as Record<string, string>)[code]).toMatch(/\p{Script=Han}/u);
    expect(Object.keys(names).sort()).toEqual([...codes].sort());
  });

  it('show an unknown code as itself rather than blank', () => {
    expect(labelOf(roleNames, 'director')).toBe('儿童主任');
    expect(labelOf(roleNames, 'newRole')).toBe('newRole');
  });

  it('name the risk in words, not only by colour (R14)', () => {
    expect(riskLabelOf('red')).toBe('红色风险');
    expect(riskLabelOf('yellow')).toBe('黄色风险');
    expect(riskLabelOf('green')).toBe('绿色风险');
  });

  it('send workers to the roster, guardians to their children and volunteers to no child records', () => {
    const kinds = Object.fromEntries(roles.map((role) => [role, homeKindOf(role)]));
    expect(kinds).toEqual({
      guardian: 'guardian',
      director: 'staff',
      supervisor: 'staff',
      socialWorker: 'staff',
      volunteer: 'volunteer',
      orgAdmin: 'staff',
      districtOfficer: 'staff',
      cityOfficer: 'staff',
    });
  });
});
