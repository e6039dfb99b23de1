import { describe, expect, it } from 'vitest';
import { activityHeldTally } from '../../functions/src/domain/activity-counts.js';
import { hasStarted, isForChild, placesLeft, r5StandingOf, type Activity } from '../../functions/src/domain/activity.js';
import { activityRoleOf, decideSignUp, maySeeActivity } from '../../functions/src/domain/access/activity-access.js';
import type { Actor } from '../../functions/src/domain/user.js';

const held = (date: string) => ({ date, status: 'held' as const });

describe('R5: held activities of the Beijing year against the minimum of two', () => {
  it('counts an activity of 31 December 23:30 Beijing in that year, even at 00:30 on 1 January (16:30 UTC)', () => {
    // Prepare: 2026-12-31T16:30Z is 2027-01-01 00:30 in Beijing
    const activities = [held('2026-03-01'), held('2026-12-31')];
    // Act
    const lastEvening = r5StandingOf(activities, new Date('2026-12-31T15:59:00Z'));
    const newYear = r5StandingOf(activities, new Date('2026-12-31T16:30:00Z'));
    // Assess
    expect(lastEvening).toMatchObject({ year: 2026, held: 2, met: true, behind: false });
    expect(newYear).toMatchObject({ year: 2027, held: 0, met: false, behind: false });
  });

  it('flags an organization still short in the last quarter (from 1 October, Beijing), not before', () => {
    // Prepare
    const one = [held('2026-06-01'), { date: '2026-12-20', status: 'planned' as const }, { date: '2026-07-01', status: 'cancelled' as const }];
    // Act
    const september = r5StandingOf(one, new Date('2026-09-30T15:59:00Z'));
    const october = r5StandingOf(one, new Date('2026-09-30T16:00:00Z'));
    // Assess
    expect(september).toMatchObject({ held: 1, planned: 1, behind: false });
    expect(october).toMatchObject({ held: 1, planned: 1, behind: true, minimum: 2 });
  });
});

describe("an activity's area, places and start", () => {
  const activity = {
    area: { level: 'village' as const, regionId: 'v1', name: '东湾村', districtId: 'd1', townId: 't1' },
    categories: ['leftBehind' as const],
    date: '2026-06-20',
    time: '09:30',
    capacity: 3,
    signedUp: 3,
  };
  const region = (villageId: string, townId = 't1') => ({ cityId: 'c1', districtId: 'd1', townId, villageId });

  it("is for a child of its village and one of its categories; a town's for every village of the town", () => {
    expect(isForChild(activity, { region: region('v1'), categories: ['leftBehind'] })).toBe(true);
    expect(isForChild(activity, { region: region('v1'), categories: ['difficult'] })).toBe(false);
    expect(isForChild(activity, { region: region('v2'), categories: ['leftBehind'] })).toBe(false);
    const townWide = { ...activity, area: { ...activity.area, level: 'town' as const, regionId: 't1' }, categories: [] };
    expect(isForChild(townWide, { region: region('v2'), categories: ['orphan'] })).toBe(true);
    expect(isForChild(townWide, { region: region('v3', 't2'), categories: ['orphan'] })).toBe(false);
  });

  it('has no place left when full, and starts at its Beijing time', () => {
    expect(placesLeft(activity)).toBe(0);
    expect(hasStarted(activity, new Date('2026-06-20T01:29:00Z'))).toBe(false);
    expect(hasStarted(activity, new Date('2026-06-20T01:30:00Z'))).toBe(true);
  });

  it('counts in the month of its own date once held (R4 counters), nothing before', () => {
    expect(activityHeldTally({ ...activity, status: 'planned' })).toEqual([]);
    expect(activityHeldTally({ ...activity, date: '2026-06-30', status: 'held' })).toEqual([{ regionId: 'v1', month: '2026-06', counts: { activitiesHeld: 1 } }]);
  });
});

describe('who signs up (R5, R8)', () => {
  const actor = (role: Actor['role'], extra: Partial<Actor> = {}): Actor => ({ id: 'u1', role, scope: null, organizationId: 'org1', pledgeSignedAt: '2026-01-01T00:00:00Z', ...extra });
  const ofOrg1 = { organizationId: 'org1', status: 'planned' as Activity['status'] };

  it("lets the organization's volunteers and guardians sign up, R8 first, and nobody else", () => {
    expect(decideSignUp(actor('volunteer'), ofOrg1)).toEqual({ allowed: true });
    expect(decideSignUp(actor('volunteer', { pledgeSignedAt: null }), ofOrg1)).toEqual({ allowed: false, denial: 'pledgeMissing' });
    expect(decideSignUp(actor('volunteer', { organizationId: 'org2' }), ofOrg1)).toEqual({ allowed: false, denial: 'roleCannot' });
    expect(decideSignUp(actor('guardian', { organizationId: null, pledgeSignedAt: null }), ofOrg1)).toEqual({ allowed: true });
    for (const role of ['orgAdmin', 'socialWorker', 'director', 'supervisor', 'districtOfficer', 'cityOfficer'] as const) {
      expect(decideSignUp(actor(role), ofOrg1)).toMatchObject({ allowed: false });
    }
  });

  it("shows a volunteer the organization's activities but not cancelled ones; a guardian only those for their child", () => {
    expect(activityRoleOf(actor('socialWorker'), 'org1')).toBe('organizer');
    expect(maySeeActivity(actor('volunteer'), { ...ofOrg1, status: 'cancelled' }, false)).toBe(false);
    expect(maySeeActivity(actor('guardian'), ofOrg1, false)).toBe(false);
    expect(maySeeActivity(actor('guardian'), ofOrg1, true)).toBe(true);
    expect(maySeeActivity(actor('director'), ofOrg1, true)).toBe(false);
  });
});
