import { describe, expect, it } from 'vitest';
import { earliestClosingOn } from '../../functions/src/domain/case-deadlines.js';
import { closeCaseInputSchema, announceClosingInputSchema, handbookInputSchema, reviewInputSchema } from '../../functions/src/domain/case-plan.js';
import { dateAfterMonths } from '../../miniapp/src/lib/beijing-time.js';
import {
  announceBodyOf,
  announceFormErrors,
  closeBodyOf,
  closeFieldOf,
  closeFormErrors,
  earliestClosingOf,
  emptyAnnounceForm,
  emptyCloseForm,
  followUpIntervals,
  parseCloseForm,
} from '../../miniapp/src/lib/case-closing-form.js';
import { emptyHandbookForm, handbookBodyOf, handbookFormErrors } from '../../miniapp/src/lib/case-handbook-form.js';
import { emptyReviewForm, parseReviewForm, reviewBodyOf, reviewFieldOf, reviewFormErrors } from '../../miniapp/src/lib/case-review-form.js';

/** Issue 12, R2 and R15: the case's forms check what the server would refuse, and send what its schemas accept. */
const today = '2026-12-01';

describe('the review form (R15)', () => {
  it('asks for an outcome for every goal, the change and the resources; an empty next review is left to the server', () => {
    const form = emptyReviewForm(2, today);
    expect(Object.keys(reviewFormErrors(form, today)).sort()).toEqual(['childChange', 'goals', 'resourcesUsed']);
    const filled = { ...form, goals: [{ outcome: 'reached' as const, note: ' ' }, { outcome: 'partly' as const, note: '数学仍弱' }], childChange: '出勤稳定', resourcesUsed: '辅导 8 次' };
    expect(reviewFormErrors(filled, today)).toEqual({});
    const body = reviewBodyOf(filled);
    expect(body).toEqual({ reviewedOn: today, goals: [{ outcome: 'reached', note: '' }, { outcome: 'partly', note: '数学仍弱' }], childChange: '出勤稳定', resourcesUsed: '辅导 8 次', nextReviewOn: null });
    expect(reviewInputSchema.safeParse(body).success).toBe(true);
  });

  it('refuses a review in the future and a next review not after it', () => {
    const form = { ...emptyReviewForm(1, today), reviewedOn: '2026-12-02', nextReviewOn: '2026-12-02' };
    expect(reviewFormErrors(form, today)).toMatchObject({ reviewedOn: '评估日期不能晚于今天', nextReviewOn: '下次评估日期须晚于本次评估日期' });
  });

  it('takes a kept draft back only when it has one row per goal of the plan', () => {
    const kept = emptyReviewForm(2, today) as unknown as Record<string, unknown>;
    expect(parseReviewForm(2)(kept)).not.toBeNull();
    expect(parseReviewForm(3)(kept)).toBeNull();
    expect(reviewFieldOf('goals.1.outcome')).toBe('goals');
    expect(reviewFieldOf('version')).toBeNull();
  });
});

describe('the closing announcement (R15)', () => {
  it("starts on today with the guardian's name, and needs how the family was told", () => {
    const form = emptyAnnounceForm(today, '王秀英');
    expect(announceFormErrors(form, today)).toEqual({ how: '请选择告知方式' });
    expect(announceFormErrors({ ...form, how: 'phone', toldOn: '2026-12-05' }, today)).toEqual({ toldOn: '告知日期不能晚于今天' });
    expect(announceClosingInputSchema.safeParse(announceBodyOf({ ...form, how: 'phone' })).success).toBe(true);
  });

  it("counts the notice period as the server does", () => {
    for (const told of ['2026-11-23', '2026-12-28', '2027-02-25']) expect(earliestClosingOf(told)).toBe(earliestClosingOn(told));
  });
});

describe('the closing report and its follow-up (R15)', () => {
  const filled = { ...emptyCloseForm(today), reason: 'goalsReached' as const, summary: '目标均已达成', situationAtClosing: '上学正常', familyMessage: '有事随时找我们' };

  it('refuses closing before the notice period is over, naming the first day it may', () => {
    expect(closeFormErrors(filled, today, '2026-12-05')).toEqual({ closedOn: '告知家庭后须满七天才能结案，最早2026年12月5日' });
    expect(closeFormErrors(filled, today, today)).toEqual({});
  });

  it('agrees six monthly visits by the social worker from the day of closing unless changed', () => {
    const body = closeBodyOf(filled);
    expect(body.followUp).toEqual({ performer: 'socialWorker', startsOn: today, interval: { unit: 'month', count: 1 }, endsOn: '2027-06-01' });
    expect(closeCaseInputSchema.safeParse(body).success).toBe(true);
    for (const interval of Object.values(followUpIntervals)) expect(closeCaseInputSchema.safeParse({ ...body, followUp: { ...body.followUp, interval } }).success).toBe(true);
  });

  it('refuses a follow-up starting before the closing or ending before it starts', () => {
    expect(closeFormErrors({ ...filled, startsOn: '2026-11-30' }, today, today)).toEqual({ startsOn: '回访须从结案之日或之后开始' });
    expect(closeFormErrors({ ...filled, endsOn: '2026-11-30' }, today, today)).toEqual({ endsOn: '回访截止日期不能早于开始日期' });
    expect(closeFieldOf('followUp.endsOn')).toBe('endsOn');
    expect(closeFieldOf('followUp.interval.count')).toBe('followUp');
    expect(parseCloseForm({ ...filled, rhythm: 'yearly' })).toBeNull();
  });
});

describe('the handbook handover (R2)', () => {
  it('presets the reader when of the team, and the guardian', () => {
    expect(emptyHandbookForm(today, 'sw', ['sup', 'dir', 'sw'], '王秀英')).toEqual({ handedOverOn: today, handedOverById: 'sw', guardianName: '王秀英' });
    const outsider = emptyHandbookForm(today, 'officer', ['sup', 'dir', 'sw'], '');
    expect(handbookFormErrors(outsider, today)).toEqual({ handedOverById: '请选择发放人', guardianName: '请写下接收的监护人' });
    expect(handbookInputSchema.safeParse(handbookBodyOf({ ...outsider, handedOverById: 'dir', guardianName: '王秀英' })).success).toBe(true);
  });
});

describe('months on a calendar', () => {
  it.each([
    ['2026-12-01', 6, '2027-06-01'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-11-30', 3, '2027-02-28'],
  ])('%s plus %i months is %s', (from, months, to) => {
    expect(dateAfterMonths(from, months)).toBe(to);
  });
});
