import { Text } from '@tarojs/components';
import type { AssessmentView } from '../../../api/assessment-types';
import { ChoiceChips } from '../../../components/choice-chips';
import { FormSection } from '../../../components/form-section';
import { RuleText } from '../../../components/rule-text';
import { assessmentChoiceLabel } from '../../../lib/case-plan-prefill';

/**
 * R2: which of the child's assessments the plan is built from, newest first. While the list loads, or when it could
 * not be read, the section says so in words: the plan can still be saved (the choice is kept as it was).
 */
export function AssessmentChoice({ assessments, failed, chosenId, prefillNotice, onChoose }: {
  assessments: readonly AssessmentView[] | null;
  failed: boolean;
  chosenId: string;
  prefillNotice: string | null;
  onChoose: (assessment: AssessmentView) => void;
}) {
  const choices = (assessments ?? []).map((a) => ({ value: a.id, label: assessmentChoiceLabel(a) }));
  return (
    <FormSection title='依据的评估' id='plan-assessment'>
      {failed ? <Text className='form-hint'>评估记录暂时读取不到，可稍后再选</Text> : null}
      {!failed && assessments === null ? <Text className='form-hint'>正在读取评估记录…</Text> : null}
      {assessments?.length === 0 ? (
        <RuleText className='form-hint' id='plan-assessment-none' text='该儿童还没有评估记录：一人一案应依据入户评估制定，建议先完成评估（R2）' />
      ) : null}
      {choices.length > 0 ? (
        <ChoiceChips idPrefix='plan-assessment' choices={choices} selected={chosenId ? [chosenId] : []}
          onToggle={(id) => { const chosen = assessments?.find((a) => a.id === id); if (chosen) onChoose(chosen); }} />
      ) : null}
      {prefillNotice ? <Text className='form-hint' id='plan-prefill-notice'>{prefillNotice}</Text> : null}
    </FormSection>
  );
}
