import { Text } from '@tarojs/components';
import { splitRuleCodes } from '../lib/rule-codes';

/**
 * A sentence with its rule codes taken out of the words and shown as small tags after them (每月入户走访 [R3]): the
 * words are for the cadre or the grandmother, the code for whoever looks the rule up. Text only, so it can sit inside
 * another Text (a cell's note) on WeChat too.
 */
export function RuleText({ text, className }: { text: string; className?: string }) {
  const { words, codes } = splitRuleCodes(text);
  return (
    <Text className={className}>
      {words}
      {codes.map((code) => (
        <Text key={code} className='rule-code'>
          {code}
        </Text>
      ))}
    </Text>
  );
}
