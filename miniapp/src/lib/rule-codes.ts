/** （R3） or (R3) inside a sentence the server wrote, e.g. 家庭监护支持：社工每月至少入户走访一次（R3）. */
const RULE_CODE = /\s*[（(](R\d+)[）)]/g;

export interface RuleWords {
  /** The sentence without its rule codes, for a cadre or a grandmother to read. */
  words: string;
  /** The codes, shown as a small tag beside the words for those who look rules up. */
  codes: string[];
}

export function splitRuleCodes(text: string): RuleWords {
  const codes = [...text.matchAll(RULE_CODE)].map((match) => match[1]);
  return { words: text.replace(RULE_CODE, '').trim(), codes: [...new Set(codes)] };
}
