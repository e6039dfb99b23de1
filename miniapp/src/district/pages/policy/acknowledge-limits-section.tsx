import { Text, View } from '@tarojs/components';
import { ChoiceChips } from '../../../components/choice-chips';
import { acknowledgeLimitFields, limitChips, limitSentence, type AcknowledgeLimitHours } from '../../../lib/acknowledge-limit-choice';

interface AcknowledgeLimitsSectionProps {
  limits: AcknowledgeLimitHours;
  onChange: (limits: AcknowledgeLimitHours) => void;
}

/**
 * 受理时限 (issue 8, R6 and R17): each limit as the sentence it makes with the value chosen, and chips to choose
 * another, the default marked; saved with the rules by the same 保存.
 */
export function AcknowledgeLimitsSection({ limits, onChange }: AcknowledgeLimitsSectionProps) {
  return (
    <View>
      <Text className='section-title'>受理时限</Text>
      <View className='cell-group'>
        <Text className='limits-intro'>疑难个案到了镇（街道）、区、市哪一级，就由哪一级在时限内受理；超时的，提醒该级并在上一级标红。</Text>
        {acknowledgeLimitFields.map(({ key, title }) => (
          <View key={key} className='limit-field' id={`limit-${key}`}>
            <Text className='limit-field__title'>{title}</Text>
            <Text className='limit-field__sentence' id={`limit-${key}-words`}>
              {limitSentence(key, limits[key])}
            </Text>
            <ChoiceChips
              idPrefix={`limit-${key}`}
              choices={limitChips(key, limits[key])}
              selected={[String(limits[key])]}
              onToggle={(hours) => onChange({ ...limits, [key]: Number(hours) })}
            />
          </View>
        ))}
      </View>
    </View>
  );
}
