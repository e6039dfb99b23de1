import { describe, expect, it } from 'vitest';
import { acknowledgeLimitsOf, acknowledgeLimitsSchema } from '../../functions/src/domain/acknowledge-limits.js';
import {
  acknowledgeLimitFields,
  limitChanges,
  limitChangesInShort,
  limitChips,
  limitDurationText,
  limitSentence,
  limitsInForce,
  limitsToSend,
} from '../../miniapp/src/lib/acknowledge-limit-choice.js';

/** Issue 8 (R6, R17): the district's acknowledgement limits on its policy page. */
describe('the acknowledgement limits a district chooses', () => {
  it('are the ones the server applies: the defaults where the district set none, its own where it did', () => {
    for (const setting of [undefined, {}, { urgentEscalationHours: 12 }, { escalationHours: 36, urgentConcernHours: 4 }]) {
      expect(limitsInForce(setting)).toEqual(acknowledgeLimitsOf({ acknowledgeLimits: setting }));
    }
  });

  it.each([
    ['urgentEscalationHours', 24, '每一级须在 24 小时内受理'],
    ['urgentEscalationHours', 48, '每一级须在 48 小时内受理'],
    ['escalationHours', 72, '每一级须在 3 天内受理'],
    ['escalationHours', 24, '每一级须在 1 天内受理'],
    ['escalationHours', 36, '每一级须在 36 小时内受理'],
    ['urgentConcernHours', 2, '2 小时内无人受理即提请镇（街道）督导员，再提请区民政局'],
  ] as const)('say %s at %i hours as “%s”', (key, hours, words) => {
    expect(limitSentence(key, hours)).toBe(words);
  });

  it('offer a few values each, in hours and days as the officer counts them, the default marked', () => {
    const labels = (key: (typeof acknowledgeLimitFields)[number]['key'], current: number) => limitChips(key, current).map((chip) => chip.label);
    expect(labels('urgentEscalationHours', 24)).toEqual(['12 小时', '24 小时（默认）', '48 小时']);
    expect(labels('escalationHours', 72)).toEqual(['1 天', '2 天', '3 天（默认）', '5 天', '7 天']);
    expect(labels('urgentConcernHours', 2)).toEqual(['1 小时', '2 小时（默认）', '4 小时', '8 小时']);
    expect(limitChips('escalationHours', 120).map((chip) => chip.value)).toEqual(['24', '48', '72', '120', '168']);
  });

  it('show a value set elsewhere (through the API) among the chips, in its place, so it can be seen selected', () => {
    expect(limitChips('escalationHours', 36).map((chip) => chip.label)).toEqual(['1 天', '36 小时', '2 天', '3 天（默认）', '5 天', '7 天']);
    expect(limitChips('urgentConcernHours', 720).at(-1)).toEqual({ value: '720', label: '720 小时' });
    expect(limitDurationText('escalationHours', 240)).toBe('10 天');
  });

  it('offer only values the server accepts', () => {
    for (const { key, offered } of acknowledgeLimitFields) {
      for (const hours of offered) expect(acknowledgeLimitsSchema.safeParse({ [key]: hours }).success, `${key} ${hours}`).toBe(true);
    }
  });

  it('are sent all three when any changed, and left out when none did so the stored ones (or the defaults) stay', () => {
    const defaults = limitsInForce(undefined);
    expect(limitsToSend(defaults, undefined)).toBeUndefined();
    expect(limitsToSend({ ...defaults, urgentEscalationHours: 24 }, { urgentEscalationHours: 24 })).toBeUndefined();
    expect(limitsToSend({ ...defaults, urgentEscalationHours: 12 }, undefined)).toEqual({ escalationHours: 72, urgentEscalationHours: 12, urgentConcernHours: 2 });
    // Back to the default from a district's own value is a change too.
    expect(limitsToSend(defaults, { urgentConcernHours: 4 })).toEqual({ escalationHours: 72, urgentEscalationHours: 24, urgentConcernHours: 2 });
  });

  it('tell what changed, in full for the question before saving and in short for the footer', () => {
    const chosen = { escalationHours: 120, urgentEscalationHours: 24, urgentConcernHours: 4 };
    expect(limitChanges(chosen, { urgentEscalationHours: 24 })).toEqual([
      '一般疑难个案：每一级须在 5 天内受理',
      '紧急报告：4 小时内无人受理即提请镇（街道）督导员，再提请区民政局',
    ]);
    expect(limitChangesInShort(chosen, undefined)).toBe('一般疑难个案改为 5 天，紧急报告改为 4 小时');
    expect(limitChanges(limitsInForce(undefined), undefined)).toEqual([]);
  });
});
