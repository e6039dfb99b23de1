import { describe, expect, it } from 'vitest';
import { emptySafetyPlanForm, parseSafetyPlanForm, planInputOf, safetyPlanErrors } from '../../miniapp/src/lib/safety-form.js';

describe("R12's plan form on the phone", () => {
  it('says what is missing and makes the API input of a whole form', () => {
    const empty = emptySafetyPlanForm('2026-12-01');
    expect(Object.keys(safetyPlanErrors(empty)).sort()).toEqual(['audience', 'place', 'topics']);
    const form = { ...empty, audience: 'village:demo-village-jinglingqiao', topics: ['drowning' as const], place: ' 村委会 ' };
    expect(safetyPlanErrors(form)).toEqual({});
    expect(planInputOf(form)).toEqual({ audience: { kind: 'village', id: 'demo-village-jinglingqiao' }, topics: ['drowning'], date: '2026-12-01', place: '村委会' });
  });

  it('restores a kept draft, dropping topics this version does not know; a broken one is no draft', () => {
    expect(parseSafetyPlanForm({ audience: 'town:t1', topics: ['fire', 'earthquakes'], date: '2026-12-01', place: 'x' })).toEqual({
      audience: 'town:t1',
      topics: ['fire'],
      date: '2026-12-01',
      place: 'x',
    });
    expect(parseSafetyPlanForm({ audience: 'town:t1', topics: 'fire', date: '2026-12-01', place: 'x' })).toBeNull();
  });
});
