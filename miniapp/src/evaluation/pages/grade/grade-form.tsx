import { Button, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import type { EvaluationGrade } from '../../../api';
import { ChoiceChips, choicesOf } from '../../../components/choice-chips';
import { SubmitButton } from '../../../components/submit-button';
import { evaluationGradeNames } from '../../../lib/labels';

/** The grade and the written comments the worker will read (R23); also the review's "changed to" grade. */
export function GradeForm({ idPrefix, busy, label, withGrade = true, exclude, onSubmit, onCancel }: {
  idPrefix: string;
  busy: boolean;
  label: string;
  withGrade?: boolean;
  exclude?: EvaluationGrade;
  onSubmit: (grade: EvaluationGrade | null, text: string) => void;
  onCancel: () => void;
}) {
  const [grade, setGrade] = useState<EvaluationGrade | null>(null);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const choices = choicesOf(evaluationGradeNames).filter((choice) => choice.value !== exclude);

  function submit() {
    if (withGrade && grade === null) return setProblem('请选择考核等级');
    if (text.trim().length < 2) return setProblem('请填写评语或理由');
    setProblem(null);
    onSubmit(grade, text.trim());
  }

  return (
    <View>
      {withGrade ? <ChoiceChips idPrefix={`${idPrefix}-grade`} choices={choices} selected={grade ? [grade] : []} onToggle={setGrade} /> : null}
      <Textarea className='evaluation-card__text' id={`${idPrefix}-text`} value={text} maxlength={1000} placeholder={withGrade ? '评语（必填）' : '理由（必填）'} onInput={(e) => setText(e.detail.value)} />
      {problem ? <Text className='form-error'>{problem}</Text> : null}
      <View className='evaluation-card__actions'>
        <Button className='button button--default button--small' onClick={onCancel}>取消</Button>
        <SubmitButton id={`${idPrefix}-submit`} busy={busy} label={label} busyLabel='提交中…' onClick={submit} />
      </View>
    </View>
  );
}
