import { Text, View } from '@tarojs/components';
import type { PolicyRule } from '../../../api';
import { sourceOf } from '../../../lib/policy-choice';

interface RuleOptionProps {
  rule: PolicyRule;
  on: boolean;
  onToggle: () => void;
}

/** One rule to choose, the whole row a tap: what it asks in words, its code as a small tag, the document it comes from. */
export function RuleOption({ rule, on, onToggle }: RuleOptionProps) {
  return (
    <View className={`rule-option${on ? ' rule-option--on' : ''}`} id={`rule-${rule.id}`} onClick={onToggle} hoverClass='rule-option--pressed'>
      <View className='rule-option__check'>
        <Text>{on ? '✓' : ''}</Text>
      </View>
      <View className='rule-option__body'>
        <Text className='rule-option__title'>
          {rule.title}
          <Text className='rule-code'>{rule.id}</Text>
        </Text>
        <Text className='rule-option__desc'>{rule.description}</Text>
        <Text className='rule-option__source'>{sourceOf(rule.seed)}</Text>
      </View>
    </View>
  );
}
