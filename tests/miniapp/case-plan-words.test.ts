import { describe, expect, it } from 'vitest';
import { closingReasonNames as domainReasons, goalOutcomeNames as domainOutcomes, noticeChannelNames as domainChannels } from '../../functions/src/domain/labels.js';
import { closingReasons, goalOutcomes, noticeChannels } from '../../functions/src/domain/case-plan.js';
import { performers } from '../../functions/src/domain/obligation.js';
import {
  caseActionsOf,
  closingReasonNames,
  familyClosingLines,
  followUpPerformerNames,
  followUpText,
  goalOutcomeNames,
  intervalWords,
  noticeChannelNames,
} from '../../miniapp/src/lib/case-plan-words.js';

/** Issue 12, R15 in the mini-program: the case's codes in words, the next steps offered, the family's closing notice. */
describe("the case's words", () => {
  it("are the domain's words for every code the server may send", () => {
    expect(goalOutcomeNames).toEqual(domainOutcomes);
    expect(noticeChannelNames).toEqual(domainChannels);
    expect(closingReasonNames).toEqual(domainReasons);
    expect(Object.keys(goalOutcomeNames).sort()).toEqual([...goalOutcomes].sort());
    expect(Object.keys(noticeChannelNames).sort()).toEqual([...noticeChannels].sort());
    expect(Object.keys(closingReasonNames).sort()).toEqual([...closingReasons].sort());
    expect(Object.keys(followUpPerformerNames).sort()).toEqual([...performers].sort());
  });

  it.each([
    [{ unit: 'day', count: 7 }, '每周'],
    [{ unit: 'day', count: 15 }, '每15天'],
    [{ unit: 'month', count: 1 }, '每月'],
    [{ unit: 'month', count: 3 }, '每3个月'],
  ] as const)('an interval of %o reads %s', (interval, words) => {
    expect(intervalWords(interval)).toBe(words);
  });

  it('says the agreed follow-up in one sentence, its end as people write dates (R15)', () => {
    expect(followUpText({ performer: 'socialWorker', startsOn: '2026-12-01', interval: { unit: 'month', count: 1 }, endsOn: '2027-06-30' })).toBe('社工每月回访一次，至2027年6月30日');
    expect(followUpText({ performer: 'director', startsOn: '2026-12-01', interval: { unit: 'day', count: 7 }, endsOn: '2027-01-31' })).toBe('儿童主任每周回访一次，至2027年1月31日');
  });
});

describe('the next steps offered on the plan page (R2, R15)', () => {
  const handbook = { handedOverOn: '2026-11-01', handedOverById: 'sw', handedOverByName: '李社工', guardianName: '王秀英' };
  it.each([
    ['open', true, null, ['review', 'handbook', 'announce']],
    ['open', true, handbook, ['review', 'announce']],
    ['closingAnnounced', true, null, ['review', 'handbook', 'close']],
    ['closingAnnounced', true, handbook, ['review', 'close']],
    ['closed', true, null, []],
    ['open', false, null, []],
    ['none', true, null, ['handbook']],
  ] as const)('a case %s, may edit %s, handbook %o: %o', (status, canEdit, book, expected) => {
    expect(caseActionsOf({ status, canEdit, handbook: book })).toEqual(expected);
  });
});

describe("the family's closing notice (R15)", () => {
  it('before closing: from which day, and that they may still ask', () => {
    const lines = familyClosingLines({ toldOn: '2026-11-20', earliestClosingOn: '2026-11-27', closedOn: null, familyMessage: null, followUpUntil: null });
    expect(lines[0]).toBe('2026年11月20日已告知您：孩子的个案服务将于2026年11月27日起结束。');
    expect(lines.join('')).toContain('联系社工');
  });

  it('once closed: on which day, and until when the visits go on; never an ISO date', () => {
    const lines = familyClosingLines({ toldOn: '2026-11-20', earliestClosingOn: '2026-11-27', closedOn: '2026-12-01', familyMessage: '有事随时找我们', followUpUntil: '2027-06-30' });
    expect(lines).toEqual(['孩子的个案服务已于2026年12月1日结案。', '结案后仍会定期回访，直到2027年6月30日。']);
    expect(lines.join('')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
