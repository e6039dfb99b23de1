import { describe, expect, it } from 'vitest';
import { decideCallbackInspection, decideGrading, decideSampleAccess } from '../../functions/src/domain/access/inspection-access.js';
import type { InspectionArea } from '../../functions/src/domain/callback-inspection.js';
import type { Actor, Role } from '../../functions/src/domain/user.js';

/** Seed 000 §六(一) and R23: who inspects by callback, who reads a sample, who grades whom. */
function actor(role: Role, scope: Actor['scope'] = null): Actor {
  return { id: `u-${role}`, role, scope, organizationId: null, pledgeSignedAt: null };
}

const districtOfficer = actor('districtOfficer', { level: 'district', regionId: 'd1' });
const cityOfficer = actor('cityOfficer', { level: 'city', regionId: 'c1' });
const d1Sample: InspectionArea = { level: 'district', regionId: 'd1', cityId: 'c1' };

describe('callback inspection', () => {
  it.each([
    ['district officer', districtOfficer, true],
    ['city officer', cityOfficer, true],
    ['supervisor', actor('supervisor', { level: 'town', regionId: 't1' }), false],
    ['director', actor('director', { level: 'village', regionId: 'v1' }), false],
    ['social worker', actor('socialWorker'), false],
    ['guardian', actor('guardian'), false],
    ['district officer without a district', actor('districtOfficer'), false],
  ])('%s may draw: %s', (_, who, allowed) => {
    expect(decideCallbackInspection(who).allowed).toBe(allowed);
  });

  it.each([
    ["the district's own officer", districtOfficer, true],
    ['another district’s officer', actor('districtOfficer', { level: 'district', regionId: 'd2' }), false],
    ["the city's officer", cityOfficer, true],
    ['another city’s officer', actor('cityOfficer', { level: 'city', regionId: 'c2' }), false],
  ])("%s reads a district's sample: %s", (_, who, allowed) => {
    expect(decideSampleAccess(who, d1Sample).allowed).toBe(allowed);
  });
});

describe('R23 grading', () => {
  it.each([
    ['a supervisor of the district', districtOfficer, { role: 'supervisor', districtId: 'd1' }, true],
    ['a social worker of an organization of the district', districtOfficer, { role: 'socialWorker', districtId: 'd1' }, true],
    ['a director of another district', districtOfficer, { role: 'director', districtId: 'd2' }, false],
    ['anyone, by the city officer', cityOfficer, { role: 'director', districtId: 'd1' }, false],
    ['a director, by a supervisor', actor('supervisor', { level: 'town', regionId: 't1' }), { role: 'director', districtId: 'd1' }, false],
    ['someone not graded (a guardian)', districtOfficer, null, false],
  ] as const)('%s: %s', (_, who, worker, allowed) => {
    expect(decideGrading(who, worker).allowed).toBe(allowed);
  });
});
