import { Input, Text, View } from '@tarojs/components';
import type { AssessmentDimension, AssessmentSource } from '../../../api';
import { ChoiceChips } from '../../../components/choice-chips';
import { FormSection } from '../../../components/form-section';
import { dimensions, NOTE_MAX, sources, type AssessmentField, type AssessmentForm } from '../../../lib/assessment-form';
import { dimensionNames, scoreNames, sourceNames } from '../../../lib/assessment-words';

type Edit = (update: (form: AssessmentForm) => AssessmentForm) => void;
type Errors = Partial<Record<AssessmentField, string>>;

const scoreChoices = (Object.keys(scoreNames) as (keyof typeof scoreNames)[]).map((value) => ({ value, label: `${value} ${scoreNames[value]}` }));

/** R18: each dimension a row of five big chips (1 很差 … 5 良好) and a line of notes. */
export function DimensionSections({ form, errors, edit }: { form: AssessmentForm; errors: Errors; edit: Edit }) {
  const score = (d: AssessmentDimension) => (value: string) => edit((f) => ({ ...f, scores: { ...f.scores, [d]: Number(value) } }));
  return (
    <>
      {dimensions.map((d) => (
        <FormSection key={d} title={dimensionNames[d]} error={errors[`dimensions.${d}`]} id={`dimension-${d}`}>
          <ChoiceChips idPrefix={`score-${d}`} choices={scoreChoices} selected={form.scores[d] === undefined ? [] : [String(form.scores[d]) as keyof typeof scoreNames]} onToggle={score(d)} />
          <Input
            className='form-input'
            id={`notes-${d}`}
            type='text'
            placeholder='说明（可不填）'
            maxlength={NOTE_MAX}
            value={form.notes[d] ?? ''}
            onInput={(e) => {
              const value = e.detail.value;
              edit((f) => ({ ...f, notes: { ...f.notes, [d]: value } }));
            }}
          />
        </FormSection>
      ))}
    </>
  );
}

const heardChoices = [
  { value: 'yes', label: '已听取' },
  { value: 'no', label: '未听取' },
] as const;

/** R18: whom the team heard, and what each said. */
export function SourceSections({ form, errors, edit }: { form: AssessmentForm; errors: Errors; edit: Edit }) {
  const choose = (s: AssessmentSource) => (value: 'yes' | 'no') => edit((f) => ({ ...f, heard: { ...f.heard, [s]: value === 'yes' } }));
  return (
    <View className='assessment-sources'>
      <Text className='assessment__group-title'>听取意见</Text>
      {sources.map((s) => (
        <FormSection key={s} title={sourceNames[s]} error={errors[`sources.${s}`]} id={`source-${s}`}>
          <ChoiceChips idPrefix={`heard-${s}`} choices={heardChoices} selected={form.heard[s] === undefined ? [] : [form.heard[s] ? 'yes' : 'no']} onToggle={choose(s)} />
          {form.heard[s] ? (
            <Input
              className='form-input'
              id={`learned-${s}`}
              type='text'
              placeholder='了解到的情况'
              maxlength={NOTE_MAX}
              value={form.learned[s] ?? ''}
              onInput={(e) => {
                const value = e.detail.value;
                edit((f) => ({ ...f, learned: { ...f.learned, [s]: value } }));
              }}
            />
          ) : null}
        </FormSection>
      ))}
    </View>
  );
}
