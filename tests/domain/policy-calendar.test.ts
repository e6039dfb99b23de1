import { describe, expect, it } from 'vitest';
import {
  addDays,
  addInterval,
  addMonths,
  daysBetween,
  intervalInDays,
  laterDate,
} from '../../functions/src/domain/calendar.js';

describe('calendar months on Beijing dates (R3 "每月", R14 "每半年")', () => {
  it.each<[string, number, string]>([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-11-30', 2, '2027-01-30'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-10', -13, '2024-12-10'],
    ['2026-02-28', 1, '2026-03-28'],
  ])('%s + %i months = %s', (from, months, to) => {
    expect(addMonths(from, months)).toBe(to);
  });

  it.each<[string, number, string]>([
    ['2026-01-05', 15, '2026-01-20'],
    ['2026-12-25', 7, '2027-01-01'],
    ['2028-02-22', 7, '2028-02-29'],
    ['2027-02-22', 7, '2027-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('%s + %i days = %s', (from, days, to) => {
    expect(addDays(from, days)).toBe(to);
  });

  it('adds an interval in its own unit', () => {
    expect(addInterval('2026-01-31', { unit: 'month', count: 1 })).toBe('2026-02-28');
    expect(addInterval('2026-01-31', { unit: 'day', count: 14 })).toBe('2026-02-14');
  });

  it('counts whole days between dates, across a leap day and a year end', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-11-20', '2026-11-13')).toBe(-7);
  });

  it('compares intervals in days, a month being 30.44 days', () => {
    expect(intervalInDays({ unit: 'month', count: 6 })).toBeCloseTo(182.64);
    expect(intervalInDays({ unit: 'day', count: 15 })).toBeLessThan(intervalInDays({ unit: 'month', count: 1 }));
  });

  it('picks the later of two dates', () => {
    expect(laterDate('2026-02-01', '2026-01-31')).toBe('2026-02-01');
    expect(laterDate('2026-01-31', '2026-02-01')).toBe('2026-02-01');
  });

  it('refuses anything but YYYY-MM-DD', () => {
    expect(() => addDays('2026-1-5', 1)).toThrow(RangeError);
    expect(() => addMonths('2026-01-05T00:00:00Z', 1)).toThrow(RangeError);
  });
});
