import { describe, expect, it } from 'vitest';
import { acknowledgeLimitsOf, urgentConcernAcknowledgeBy } from '../../functions/src/domain/acknowledge-limits.js';
import { districtPolicySchema, updateDistrictPolicyInputSchema } from '../../functions/src/domain/obligation.js';

describe("a district's acknowledgement limits (issue 8)", () => {
  it('default to urgent 24 hours, otherwise 3 days, an urgent report 2 hours; a district sets any of them', () => {
    expect(acknowledgeLimitsOf({})).toEqual({ escalationHours: 72, urgentEscalationHours: 24, urgentConcernHours: 2 });
    expect(acknowledgeLimitsOf({ acknowledgeLimits: { urgentConcernHours: 1 } })).toEqual({ escalationHours: 72, urgentEscalationHours: 24, urgentConcernHours: 1 });
    expect(urgentConcernAcknowledgeBy(new Date('2026-11-30T02:00:00Z'), acknowledgeLimitsOf({})).toISOString()).toBe('2026-11-30T04:00:00.000Z');
  });

  it('are optional in the stored policy and in a change, and refuse what is not a whole number of hours up to 30 days', () => {
    const stored = { districtId: 'd1', ruleIds: ['R3'], unconfirmedAfterDays: 3, updatedAt: '2026-11-30T02:00:00Z', updatedBy: 'u-1', version: 1 };
    expect(districtPolicySchema.parse(stored).acknowledgeLimits).toBeUndefined();
    const change = { ruleIds: ['R3'], unconfirmedAfterDays: 3, version: 1 };
    for (const bad of [{ escalationHours: 0 }, { urgentConcernHours: 1.5 }, { escalationHours: 721 }, { weekendHours: 3 }]) {
      expect(updateDistrictPolicyInputSchema.safeParse({ ...change, acknowledgeLimits: bad }).success).toBe(false);
    }
    expect(updateDistrictPolicyInputSchema.parse({ ...change, acknowledgeLimits: { escalationHours: 48 } }).acknowledgeLimits).toEqual({ escalationHours: 48 });
  });
});
