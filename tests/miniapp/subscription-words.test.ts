import { describe, expect, it } from 'vitest';
import { consentWords, reportFromAnswer, templatesToAsk } from '../../miniapp/src/lib/subscription-words.js';

const reminder = (oneTimeLeft: number) => ({ purpose: 'reminder' as const, templateId: 'tmpl-r', kind: 'oneTime' as const, oneTimeLeft, longTerm: false });
const digest = (longTerm: boolean) => ({ purpose: 'digest' as const, templateId: 'tmpl-d', kind: 'longTerm' as const, oneTimeLeft: 0, longTerm });

describe('the 微信提醒 row', () => {
  it('says which consent the user has: 长期订阅, 一次性 N 条 or 未开启', () => {
    expect(consentWords([reminder(2), digest(true)])).toBe('长期订阅');
    expect(consentWords([reminder(2), digest(false)])).toBe('一次性 2 条');
    expect(consentWords([reminder(0), digest(false)])).toBe('未开启');
  });

  it('reports only the templates asked about, with the answers WeChat gives, leaving out errMsg and unknown words', () => {
    const answer = { errMsg: 'requestSubscribeMessage:ok', 'tmpl-r': 'accept', 'tmpl-d': 'reject', 'tmpl-x': 'accept', 'tmpl-y': 'maybe' };

    expect(reportFromAnswer(answer, ['tmpl-r', 'tmpl-d', 'tmpl-y'])).toEqual({
      answers: [
        { templateId: 'tmpl-r', answer: 'accept' },
        { templateId: 'tmpl-d', answer: 'reject' },
      ],
    });
    expect(reportFromAnswer({ errMsg: 'requestSubscribeMessage:fail cancel' }, ['tmpl-r'])).toBeNull();
  });

  it('never asks about one-time and long-term templates together, as WeChat refuses that', () => {
    expect(templatesToAsk([reminder(0), digest(false)])).toEqual(['tmpl-d']);
    expect(templatesToAsk([reminder(0), digest(true)])).toEqual(['tmpl-r']);
  });

  it('asks about at most three templates, as WeChat allows', () => {
    expect(templatesToAsk(Array.from({ length: 4 }, () => reminder(0)))).toHaveLength(3);
  });
});
