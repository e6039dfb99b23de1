import { describe, expect, it } from 'vitest';
import { DEFAULT_ACKNOWLEDGE_LIMITS, escalationAcknowledgeBy } from '../../functions/src/domain/acknowledge-limits.js';
import {
  acknowledgeByText,
  acknowledgeWithinText,
  defaultEscalationLimits,
  durationText,
  escalationLimitsOf,
} from '../../miniapp/src/lib/escalation-deadline.js';

/** Issue 8, R6: the form says how soon each level must acknowledge, by the district's limits or the defaults. */
describe('the acknowledgement limits of a difficult case', () => {
  it('are the server’s defaults when the district set none: urgent 24 小时, otherwise 3 天', () => {
    expect(defaultEscalationLimits).toEqual({
      escalationHours: DEFAULT_ACKNOWLEDGE_LIMITS.escalationHours,
      urgentEscalationHours: DEFAULT_ACKNOWLEDGE_LIMITS.urgentEscalationHours,
    });
    expect(acknowledgeWithinText(true, escalationLimitsOf(undefined))).toBe('24 小时内受理');
    expect(acknowledgeWithinText(false, escalationLimitsOf({}))).toBe('3 天内受理');
  });

  it("are the district's own where it set them, each unset one at its default", () => {
    const limits = escalationLimitsOf({ urgentEscalationHours: 12 });
    expect(acknowledgeWithinText(true, limits)).toBe('12 小时内受理');
    expect(acknowledgeWithinText(false, limits)).toBe('3 天内受理');
  });

  it.each([
    [1, '1 小时'],
    [24, '24 小时'],
    [36, '36 小时'],
    [48, '2 天'],
    [72, '3 天'],
    [100, '100 小时'],
  ])('say %i hours as %s', (hours, text) => {
    expect(durationText(hours)).toBe(text);
  });

  it('give the case’s deadline in Beijing time, and say when it has passed', () => {
    const raisedAt = new Date('2026-11-30T06:00:00Z');
    const by = escalationAcknowledgeBy(raisedAt, false, DEFAULT_ACKNOWLEDGE_LIMITS).toISOString();

    expect(acknowledgeByText(by, false, raisedAt)).toBe('须在 12月3日 14:00 前受理');
    expect(acknowledgeByText(by, true, new Date('2026-12-04T00:00:00Z'))).toBe('已超过受理期限（12月3日 14:00）');
  });
});
