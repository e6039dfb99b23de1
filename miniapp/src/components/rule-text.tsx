import { Text } from '@tarojs/components';
import { splitRuleCodes, type RuleWords } from '../lib/rule-codes';

/**
 * A sentence with its rule codes taken out of the words and shown as small tags after them (每月入户走访 [R3]): the
 * words are for the cadre or the grandmother, the code for whoever looks the rule up. Text only, so it can sit inside
 * another Text (a cell's note) on WeChat too. `text` is a sentence the server wrote with its codes in brackets;
 * `rule` is words and codes already apart.
 */
export function RuleText({ text, rule, className, id }: { text?: string; rule?: RuleWords; className?: string; id?: string }) {
  const { words, codes } = rule ?? splitRuleCodes(text ?? '');
  return (
    <Text className={className} id={id}>
      {words}
      {codes.map((code) => (
        <Text key={code} className='rule-code'>
          {code}
        </Text>
      ))}
    </Text>
  );
}
