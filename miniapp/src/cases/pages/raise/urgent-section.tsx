import { Text } from '@tarojs/components';
import { ChoiceChips } from '../../../components/choice-chips';
import { FormSection } from '../../../components/form-section';
import { acknowledgeWithinText, type EscalationLimits } from '../../../lib/escalation-deadline';

/**
 * 紧急, a yes or a no, each saying what it means: how soon the supervisor (and each level above) must acknowledge.
 * Neither is chosen for the worker.
 */
export function UrgentSection({ urgent, limits, error, onChoose }: {
  urgent: boolean | null;
  limits: EscalationLimits;
  error?: string;
  onChoose: (urgent: boolean) => void;
}) {
  const choices = [
    { value: 'yes' as const, label: `紧急：${acknowledgeWithinText(true, limits)}` },
    { value: 'no' as const, label: `不紧急：${acknowledgeWithinText(false, limits)}` },
  ];
  const selected = urgent === null ? [] : [urgent ? ('yes' as const) : ('no' as const)];
  return (
    <FormSection title='是否紧急' error={error} id='urgent' className='raise-urgent'>
      <ChoiceChips idPrefix='urgent' choices={choices} selected={selected} onToggle={(value) => onChoose(value === 'yes')} />
      <Text className='form-hint'>
        孩子的安全、吃住、看病或上学等马上受影响、等不了几天的，选“紧急”。督导员须在这个时间内受理；上报区、市后，每一级也是一样。孩子正处于危险中，请先拨打110。
      </Text>
    </FormSection>
  );
}
