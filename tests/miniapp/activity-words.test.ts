import { describe, expect, it } from 'vitest';
import { activityFormErrors, emptyActivityForm, parseActivityForm, placesText, planInputOf, whenText } from '../../miniapp/src/lib/activity-words.js';

describe("an activity's places and time in words (R5)", () => {
  it('says 满员 when no place is left, the places left otherwise, and the status once it is not open', () => {
    expect(placesText({ capacity: 2, placesLeft: 0, status: 'planned' })).toBe('满员');
    expect(placesText({ capacity: 2, placesLeft: 1, status: 'planned' })).toBe('剩余 1 / 2 个名额');
    expect(placesText({ capacity: 2, placesLeft: 1, status: 'held' })).toBe('已举办');
    expect(whenText({ date: '2026-06-20', time: '09:30' }, '2026-06-01')).toBe('6月20日 09:30');
    expect(whenText({ date: '2027-01-05', time: '14:00' }, '2026-12-20')).toBe('2027年1月5日 14:00');
  });
});

describe('the plan form', () => {
  it('names what is missing or wrong before sending, and sends numbers and trimmed text', () => {
    const form = emptyActivityForm('2026-06-08');
    expect(Object.keys(activityFormErrors({ ...form, capacity: '0' }, '2026-06-01')).sort()).toEqual(['areaId', 'capacity', 'place', 'title']);
    expect(activityFormErrors({ ...form, date: '2026-05-31', title: 'a', place: 'b', areaId: 't1' }, '2026-06-01')).toEqual({ date: '活动日期不能早于今天' });
    expect(planInputOf({ ...form, title: ' 六一 ', place: '村委会', areaId: 't1', capacity: '12' })).toMatchObject({ title: '六一', capacity: 12, areaId: 't1' });
  });

  it('comes back from a stored draft only when whole', () => {
    const form = emptyActivityForm('2026-06-08');
    expect(parseActivityForm({ ...form })).toEqual(form);
    expect(parseActivityForm({ ...form, capacity: 3 })).toBeNull();
  });
});
