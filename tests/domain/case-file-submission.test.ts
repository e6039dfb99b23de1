import { describe, expect, it } from 'vitest';
import { isLateSubmission, submissionDeadlineOf, submissionYearOn } from '../../functions/src/domain/case-file-submission.js';

/** R7 (000 §五.7): the year's files go to the district by 31 January of the next year, Beijing time. */
describe('R7 the yearly submission deadline', () => {
  it('is 31 January of the next year', () => {
    expect(submissionDeadlineOf(2026)).toBe('2027-01-31');
  });

  it.each([
    ['2026-12-31T02:00:00.000Z', false],
    ['2027-01-31T15:59:59.999Z', false],
    // 16:00 UTC on 31 January is 00:00 on 1 February in Beijing.
    ['2027-01-31T16:00:00.000Z', true],
    ['2027-03-01T02:00:00.000Z', true],
  ])('a 2026 file sent at %s is late: %s', (at, late) => {
    expect(isLateSubmission(2026, new Date(at))).toBe(late);
  });

  it.each([
    ['2026-12-01T02:00:00.000Z', 2026],
    ['2027-01-15T02:00:00.000Z', 2026],
    // Still 31 January in UTC, already 1 February in Beijing: the next year's files are gathered.
    ['2027-01-31T16:30:00.000Z', 2027],
    ['2026-12-31T16:30:00.000Z', 2026],
  ])('on %s the files gathered are those of %i', (at, year) => {
    expect(submissionYearOn(new Date(at))).toBe(year);
  });
});
