import { describe, expect, it } from 'vitest';
import { visitRules } from '../../functions/src/domain/visit-rules.js';
import { splitRuleCodes } from '../../miniapp/src/lib/rule-codes.js';

describe('rule codes as a tag beside words people understand (issue 7, B7)', () => {
  it('takes the code out of the sentence the server wrote', () => {
    expect(splitRuleCodes('家庭监护支持：社工每月至少入户走访一次（R3）')).toEqual({
      words: '家庭监护支持：社工每月至少入户走访一次',
      codes: ['R3'],
    });
    expect(splitRuleCodes('未达到每月入户走访要求（R3）：走访人数不足2人（实到1人）')).toEqual({
      words: '未达到每月入户走访要求：走访人数不足2人（实到1人）',
      codes: ['R3'],
    });
    expect(splitRuleCodes('入户走访 (R3) 与回访（R19）')).toEqual({ words: '入户走访 与回访', codes: ['R3', 'R19'] });
    expect(splitRuleCodes('没有规则')).toEqual({ words: '没有规则', codes: [] });
  });

  it('leaves no code in the words of any reason the rules give', () => {
    const reasons = visitRules.flatMap((rule) => [...rule.requirements, ...rule.followUps].map((r) => r.reason));
    expect(reasons.length).toBeGreaterThan(10);
    for (const reason of reasons) {
      const { words, codes } = splitRuleCodes(reason);
      expect(words).not.toMatch(/R\d/);
      expect(codes).toHaveLength(1);
    }
  });
});
