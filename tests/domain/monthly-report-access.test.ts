import { describe, expect, it } from 'vitest';
import { decideMonthlyReportAccess, type ReportRegion } from '../../functions/src/domain/access-policy.js';
import { isLate, submissionDeadline } from '../../functions/src/domain/report-submission.js';
import type { Actor, Role } from '../../functions/src/domain/user.js';

const town: ReportRegion = { level: 'town', path: { cityId: 'c1', districtId: 'd1', townId: 't1' } };
const district: ReportRegion = { level: 'district', path: { cityId: 'c1', districtId: 'd1' } };
const actor = (role: Role, level: 'town' | 'district' | 'city' | 'village', regionId: string): Actor => ({
  id: 'u', role, scope: { level, regionId }, organizationId: null, pledgeSignedAt: null,
});

describe('R4 deadlines (Beijing)', () => {
  it('a town sends before the 16th 00:00 of the next month, a district before the 20th; December rolls into January', () => {
    expect(submissionDeadline('town', '2026-10')).toBe('2026-11-15T16:00:00.000Z');
    expect(submissionDeadline('district', '2026-10')).toBe('2026-11-19T16:00:00.000Z');
    expect(submissionDeadline('district', '2026-12')).toBe('2027-01-19T16:00:00.000Z');
  });

  it('the deadline instant itself is late, a millisecond before is not', () => {
    expect(isLate('2026-11-19T15:59:59.999Z', '2026-11-19T16:00:00.000Z')).toBe(false);
    expect(isLate('2026-11-19T16:00:00.000Z', '2026-11-19T16:00:00.000Z')).toBe(true);
  });
});

describe('who reads and who sends a monthly report', () => {
  it.each([
    ['the town supervisor reads and sends the town', actor('supervisor', 'town', 't1'), town, [true, true]],
    ['the district officer reads the town, does not send it', actor('districtOfficer', 'district', 'd1'), town, [true, false]],
    ['the district officer sends the district', actor('districtOfficer', 'district', 'd1'), district, [true, true]],
    ['the city officer reads the district, does not send it', actor('cityOfficer', 'city', 'c1'), district, [true, false]],
    ["another town's supervisor reads nothing", actor('supervisor', 'town', 't2'), town, [false, false]],
    ['a director reads nothing', actor('director', 'village', 'v1'), town, [false, false]],
  ] as const)('%s', (_, who, region, [read, submit]) => {
    expect(decideMonthlyReportAccess(who, 'read', region).allowed).toBe(read);
    expect(decideMonthlyReportAccess(who, 'submit', region).allowed).toBe(submit);
  });
});
