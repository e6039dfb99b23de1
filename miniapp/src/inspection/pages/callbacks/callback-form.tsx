import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import type { CallbackOutcome, RecordCallbackInput } from '../../../api';
import { ChoiceChips, choicesOf } from '../../../components/choice-chips';
import { SubmitButton } from '../../../components/submit-button';
import { callbackOutcomeNames } from '../../../lib/labels';

/** What the officer records after a call: the outcome, what the family said when they did not confirm, the tries. */
export function CallbackForm({ childId, busy, onSubmit, onCancel }: {
  childId: string;
  busy: boolean;
  onSubmit: (input: RecordCallbackInput) => void;
  onCancel: () => void;
}) {
  const [outcome, setOutcome] = useState<CallbackOutcome | null>(null);
  const [familySaid, setFamilySaid] = useState('');
  const [tries, setTries] = useState('1');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function submit() {
    if (outcome === null) return setProblem('请选择回访结果');
    if (outcome === 'notConfirmed' && familySaid.trim() === '') return setProblem('请写明家属怎么说');
    const count = Number(tries);
    if (outcome === 'unreachable' && !(Number.isInteger(count) && count >= 1 && count <= 10)) return setProblem('尝试次数为1到10次');
    setProblem(null);
    if (outcome === 'confirmed') onSubmit({ outcome, note });
    else if (outcome === 'notConfirmed') onSubmit({ outcome, familySaid: familySaid.trim(), note });
    else onSubmit({ outcome, tries: count, note });
  }

  return (
    <View className='callback-form' id={`callback-form-${childId}`}>
      <ChoiceChips idPrefix={`outcome-${childId}`} choices={choicesOf(callbackOutcomeNames)} selected={outcome ? [outcome] : []} onToggle={setOutcome} />
      {outcome === 'notConfirmed' ? (
        <Textarea className='callback-form__text' id={`family-said-${childId}`} value={familySaid} maxlength={500} placeholder='家属怎么说（必填）' onInput={(e) => setFamilySaid(e.detail.value)} />
      ) : null}
      {outcome === 'unreachable' ? (
        <View className='callback-form__tries'>
          <Text>尝试次数</Text>
          <Input className='callback-form__input' id={`tries-${childId}`} type='number' value={tries} onInput={(e) => setTries(e.detail.value)} />
        </View>
      ) : null}
      <Textarea className='callback-form__text' id={`callback-note-${childId}`} value={note} maxlength={500} placeholder='备注（选填）' onInput={(e) => setNote(e.detail.value)} />
      {problem ? <Text className='form-error'>{problem}</Text> : null}
      <View className='callback-form__actions'>
        <Button className='button button--default button--small' onClick={onCancel}>取消</Button>
        <SubmitButton id={`callback-save-${childId}`} busy={busy} label='保存结果' busyLabel='保存中…' onClick={submit} />
      </View>
    </View>
  );
}
