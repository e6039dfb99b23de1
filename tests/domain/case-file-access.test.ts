import { describe, expect, it } from 'vitest';
import { decideAccessTrail, decideCaseFileExport, decideCaseFileSubmission } from '../../functions/src/domain/access-policy.js';
import type { Child } from '../../functions/src/domain/child.js';
import type { Actor, Role } from '../../functions/src/domain/user.js';

/** R7 and issue 12 part 5: who exports a child's file, who reads who has seen the child, who sends the file. */
const signed = '2026-01-05T01:00:00.000Z';
const child = {
  id: 'c1',
  region: { cityId: 'city', districtId: 'd1', townId: 't1', villageId: 'v1' },
  guardians: [{ userId: 'g1', name: '李大山', relation: 'grandparent', phone: null }],
  organizationId: 'org1',
  team: { supervisorId: 'sup', directorId: 'dir', socialWorkerId: 'sw' },
} as unknown as Child;

function actor(id: string, role: Role, scope: Actor['scope'] = null): Actor {
  return { id, role, scope, organizationId: role === 'socialWorker' || role === 'volunteer' || role === 'orgAdmin' ? 'org1' : null, pledgeSignedAt: signed };
}

const cases: [string, Actor, boolean, boolean, boolean][] = [
  // who, actor, export, trail, submit
  ['the team’s social worker', actor('sw', 'socialWorker'), true, false, false],
  ['another social worker', actor('sw2', 'socialWorker'), false, false, false],
  ['the team’s director', actor('dir', 'director', { level: 'village', regionId: 'v1' }), true, false, false],
  ['another director of the village', actor('dir2', 'director', { level: 'village', regionId: 'v1' }), false, false, false],
  ['the town’s supervisor', actor('sup2', 'supervisor', { level: 'town', regionId: 't1' }), true, true, true],
  ['another town’s supervisor', actor('sup3', 'supervisor', { level: 'town', regionId: 't2' }), false, false, false],
  ['the district’s officer', actor('do', 'districtOfficer', { level: 'district', regionId: 'd1' }), true, true, false],
  ['the city’s officer', actor('co', 'cityOfficer', { level: 'city', regionId: 'city' }), true, true, false],
  ['the guardian', actor('g1', 'guardian'), false, false, false],
  ['a volunteer', actor('vol', 'volunteer'), false, false, false],
  ['the organization’s admin', actor('oa', 'orgAdmin', { level: 'district', regionId: 'd1' }), false, false, false],
];

describe('R7 case-file access', () => {
  it.each(cases)('%s: export %s, trail %s, submit %s', (_who, who, mayExport, mayTrail, maySubmit) => {
    expect(decideCaseFileExport(who, child).allowed).toBe(mayExport);
    expect(decideAccessTrail(who, child).allowed).toBe(mayTrail);
    expect(decideCaseFileSubmission(who, child).allowed).toBe(maySubmit);
  });
});
