import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn as domainAgeOn, shanghaiDate } from '../../functions/src/domain/time.js';
import { ageOn, formatAge, shanghaiDateOf } from '../../miniapp/src/lib/age.js';

const instants = fc.date({ min: new Date('1995-01-01T00:00:00Z'), max: new Date('2060-12-31T23:59:59Z'), noInvalidDate: true });
const isoDay = fc
  .date({ min: new Date('1995-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('ages in Beijing time', () => {
  it('turns the day at midnight Beijing time, 16:00 UTC', () => {
    expect(shanghaiDateOf(new Date('2026-11-22T15:59:59Z'))).toBe('2026-11-22');
    expect(shanghaiDateOf(new Date('2026-11-22T16:00:00Z'))).toBe('2026-11-23');
  });

  it('gives the same calendar day as the domain clock for any instant (fixed UTC+8 is exact since 1991)', () => {
    fc.assert(fc.property(instants, (instant) => shanghaiDateOf(instant) === shanghaiDate(instant)));
  });

  it('counts whole years exactly as the domain does', () => {
    fc.assert(fc.property(isoDay, isoDay, (birth, day) => ageOn(birth, day) === domainAgeOn(birth, day)));
  });

  it('has a child turn a year older on the birthday in Beijing, even while it is still the day before in UTC', () => {
    const birth = '2018-11-23';
    expect(formatAge(birth, new Date('2026-11-22T15:59:59Z'))).toBe('7岁');
    expect(formatAge(birth, new Date('2026-11-22T16:00:00Z'))).toBe('8岁');
  });

  it('says 不满1岁 for a baby', () => {
    expect(formatAge('2026-06-01', new Date('2026-11-23T04:00:00Z'))).toBe('不满1岁');
  });
});
