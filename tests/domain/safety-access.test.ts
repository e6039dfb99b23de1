import { describe, expect, it } from 'vitest';
import { decideDistrictTrackerAccess, decideSafetySessionAccess, decideTownTrackerAccess } from '../../functions/src/domain/access-policy.js';
import type { Actor } from '../../functions/src/domain/user.js';

/** R12: who plans and records safety education where, and who reads the tracker; R8 for the roles that sign. */
const actor = (role: Actor['role'], scope: Actor['scope'], pledgeSignedAt: string | null = '2026-01-01T00:00:00Z'): Actor => ({
  id: 'u',
  role,
  scope,
  organizationId: role === 'orgAdmin' ? 'org1' : null,
  pledgeSignedAt,
});
const village = { districtId: 'd1', townId: 't1', villageId: 'v1' };
const school = { districtId: 'd1', townId: 't1', villageId: null };

describe('R12 session access', () => {
  it.each([
    ['director of the village', actor('director', { level: 'village', regionId: 'v1' }), village, { allowed: true }],
    ['director of another village', actor('director', { level: 'village', regionId: 'v2' }), village, { allowed: false, denial: 'notRelated' }],
    ['director for a school', actor('director', { level: 'village', regionId: 'v1' }), school, { allowed: false, denial: 'notRelated' }],
    ['supervisor of the town', actor('supervisor', { level: 'town', regionId: 't1' }), school, { allowed: true }],
    ['supervisor of another town', actor('supervisor', { level: 'town', regionId: 't2' }), village, { allowed: false, denial: 'notRelated' }],
    ['district officer', actor('districtOfficer', { level: 'district', regionId: 'd1' }), village, { allowed: true }],
    ['organization admin, pledged', actor('orgAdmin', { level: 'district', regionId: 'd1' }), village, { allowed: true }],
    ['organization admin, no pledge (R8)', actor('orgAdmin', { level: 'district', regionId: 'd1' }, null), village, { allowed: false, denial: 'pledgeMissing' }],
    ['social worker', actor('socialWorker', null), village, { allowed: false, denial: 'roleCannot' }],
    ['volunteer', actor('volunteer', { level: 'town', regionId: 't1' }), village, { allowed: false, denial: 'roleCannot' }],
    ['guardian', actor('guardian', null), village, { allowed: false, denial: 'roleCannot' }],
    ['supervisor with a village scope', actor('supervisor', { level: 'village', regionId: 't1' }), village, { allowed: false, denial: 'notRelated' }],
  ] as const)('%s', (_name, who, place, expected) => {
    expect(decideSafetySessionAccess(who, 'write', place)).toEqual(expected);
  });
});

describe('R12 tracker access', () => {
  const town = { districtId: 'd1', townId: 't1' };
  it('gives the town every row to its supervisor and its district officer, a director their village only', () => {
    expect(decideTownTrackerAccess(actor('supervisor', { level: 'town', regionId: 't1' }), town, null)).toEqual({ allowed: true, rows: 'all' });
    expect(decideTownTrackerAccess(actor('districtOfficer', { level: 'district', regionId: 'd1' }), town, null)).toEqual({ allowed: true, rows: 'all' });
    expect(decideTownTrackerAccess(actor('director', { level: 'village', regionId: 'v1' }), town, 't1')).toEqual({ allowed: true, rows: 'village', villageId: 'v1' });
    expect(decideTownTrackerAccess(actor('director', { level: 'village', regionId: 'v3' }), town, 't2')).toEqual({ allowed: false, denial: 'notRelated' });
    expect(decideTownTrackerAccess(actor('guardian', null), town, null)).toEqual({ allowed: false, denial: 'roleCannot' });
  });

  it("gives the district's summary to its own officers only", () => {
    expect(decideDistrictTrackerAccess(actor('districtOfficer', { level: 'district', regionId: 'd1' }), 'd1')).toEqual({ allowed: true });
    expect(decideDistrictTrackerAccess(actor('districtOfficer', { level: 'district', regionId: 'd2' }), 'd1')).toEqual({ allowed: false, denial: 'notRelated' });
    expect(decideDistrictTrackerAccess(actor('supervisor', { level: 'town', regionId: 't1' }), 'd1')).toEqual({ allowed: false, denial: 'roleCannot' });
  });
});
