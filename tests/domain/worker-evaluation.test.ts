import { describe, expect, it } from 'vitest';
import { evaluationStatus, finalGradeOf, reviewDaysLeft, reviewRefusal } from '../../functions/src/domain/worker-evaluation.js';

/** R23 (003 §89): a review may be asked for within 7 days of publication, counted in Beijing days. */
const publishedAt = '2026-12-01T02:00:00.000Z'; // 1 Dec 10:00 Beijing: day 0

describe('R23 review window', () => {
  it.each([
    ['the day of publication', '2026-12-01T03:00:00Z', 8, true],
    ['day 1', '2026-12-02T03:00:00Z', 7, true],
    ['day 7, last minute (8 Dec 23:59 Beijing)', '2026-12-08T15:59:00Z', 1, true],
    ['day 8 from Beijing midnight (8 Dec 16:00 UTC)', '2026-12-08T16:00:00Z', 0, false],
    ['a month later', '2027-01-05T03:00:00Z', 0, false],
  ])('%s', (_, now, daysLeft, open) => {
    const evaluation = { publishedAt, review: null };
    expect(reviewDaysLeft(publishedAt, new Date(now))).toBe(daysLeft);
    expect(reviewRefusal(evaluation, new Date(now)) === null).toBe(open);
    expect(evaluationStatus(evaluation, new Date(now))).toBe(open ? 'reviewOpen' : 'final');
  });

  it('counts from the Beijing day of publication: published 1 Dec 23:30 Beijing (15:30 UTC), day 7 is 8 Dec', () => {
    const late = '2026-12-01T15:30:00Z';
    expect(reviewRefusal({ publishedAt: late, review: null }, new Date('2026-12-08T15:00:00Z'))).toBeNull();
    expect(reviewRefusal({ publishedAt: late, review: null }, new Date('2026-12-08T16:00:00Z'))).toMatch(/7天内/);
  });

  it('a review is asked for once; the grade that stands is the review’s when it changed it', () => {
    const requested = { publishedAt, grade: 'improve' as const, review: { requestedAt: publishedAt, reasons: '理由', decision: null } };
    expect(reviewRefusal(requested, new Date(publishedAt))).toBe('已申请过复核');
    expect(evaluationStatus(requested, new Date(publishedAt))).toBe('reviewRequested');
    const decision = { outcome: 'changed' as const, grade: 'qualified' as const, reasons: '复核', decidedAt: publishedAt, decidedBy: { id: 'u', name: 'n' } };
    const decided = { ...requested, review: { ...requested.review, decision } };
    expect(finalGradeOf(decided)).toBe('qualified');
    expect(evaluationStatus(decided, new Date(publishedAt))).toBe('final');
  });
});
