import { Input, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import type { CaseView, FullCaseView } from '../../../api';
import { ChoiceChips } from '../../../components/choice-chips';
import { DraftNotice } from '../../../components/draft-notice';
import { FormSection, TextSection } from '../../../components/form-section';
import { ErrorNotice } from '../../../components/states';
import { SubmitButton } from '../../../components/submit-button';
import { useFormDraft } from '../../../hooks/use-form-draft';
import { useKeyedFormSubmit } from '../../../hooks/use-keyed-form-submit';
import { shanghaiDateOf } from '../../../lib/beijing-time';
import { formatDate } from '../../../lib/format';
import {
  emptyGuardianshipForm,
  GUARDIANSHIP_LIMITS,
  guardianshipBodyOf,
  guardianshipFieldOf,
  guardianshipFormErrors,
  type GuardianshipField,
  type GuardianshipForm,
} from '../../../lib/state-guardianship-form';
import { guardianshipStepTitles, type GuardianshipStep } from '../../../lib/state-guardianship-words';
import { api } from '../../../services/api';
import { stateGuardianshipDrafts } from '../../../services/state-guardianship-drafts';

const dateTitles: Record<GuardianshipStep, string> = { placed: '安置日期', evaluated: '评估日期', collected: '领回日期' };
const clearedChoices = [
  { value: 'yes' as const, label: '准予回归家庭' },
  { value: 'no' as const, label: '暂不回归' },
];

/**
 * The one R22 step the reader may record now. Kept on the phone per child, step and record version, so leaving the
 * page (or the app) loses nothing, and a draft of one step never fills in another. A retry of the same step changes
 * nothing on the server, so the form's key is not sent.
 */
export function GuardianshipStepForm({ userId, view, step, onRecorded }: { userId: string; view: FullCaseView; step: GuardianshipStep; onRecorded: (view: CaseView) => void }) {
  const today = shanghaiDateOf(new Date());
  const record = view.stateGuardianship;
  const placedOn = step === 'placed' ? null : (record?.placedOn ?? null);
  const draft = useFormDraft(stateGuardianshipDrafts, userId, `${view.childId}-${step}-${record?.version ?? 0}`, () => emptyGuardianshipForm(today));
  const { form, edit } = draft;
  const { errors, failure, submitting, result, submit } = useKeyedFormSubmit<GuardianshipForm, GuardianshipField, CaseView>({
    draft,
    validate: (f) => guardianshipFormErrors(step, f, today, placedOn),
    send: (f) => api.recordStateGuardianship(view.childId, guardianshipBodyOf(step, f)),
    fieldOf: guardianshipFieldOf,
    fallback: '没有登记成功，请稍后再试',
    keyReused: { title: '临时监护的记录刚被他人更新', detail: '请返回后重新打开本页，看清最新情况再登记。' },
    offline: { title: '网络连接失败，还没有登记', detail: '填写的内容已保存在手机上。请检查网络后再点“登记”。' },
  });

  useEffect(() => {
    if (!result) return;
    void Taro.showToast({ title: '已登记', icon: 'success' });
    onRecorded(result);
  }, [result]);

  const text = (field: 'institution' | 'guardianName') => (e: { detail: { value: string } }) => {
    const value = e.detail.value;
    edit((f) => ({ ...f, [field]: value }));
  };
  return (
    <View className='guardianship-form' id={`guardianship-form-${step}`}>
      <Text className='section-title'>{guardianshipStepTitles[step]}</Text>
      {draft.restoredFrom ? <DraftNotice savedAt={draft.restoredFrom} onDiscard={draft.discard} /> : null}
      <FormSection title={dateTitles[step]} error={errors.on}>
        <Picker mode='date' value={form.on || today} start={placedOn ?? undefined} end={today} onChange={(e) => { const on = String(e.detail.value); edit((f) => ({ ...f, on })); }}>
          <View className='form-input' id='guardianship-date'>{form.on ? formatDate(form.on) : '选择日期'}</View>
        </Picker>
      </FormSection>
      {step === 'placed' ? (
        <FormSection title='临时监护的机构' error={errors.institution}>
          <Input className='form-input' id='guardianship-institution' value={form.institution} placeholder='如：区儿童福利院' maxlength={GUARDIANSHIP_LIMITS.institution} onInput={text('institution')} />
          <Text className='form-hint'>登记后，须在六个月内评估孩子能否回归家庭。</Text>
        </FormSection>
      ) : null}
      {step === 'evaluated' ? (
        <View>
          <FormSection title='能否回归家庭' error={errors.cleared}>
            <ChoiceChips idPrefix='guardianship-cleared' choices={clearedChoices} selected={form.cleared ? [form.cleared] : []} onToggle={(cleared) => edit((f) => ({ ...f, cleared }))} />
            {form.cleared === 'yes' ? <Text className='form-hint'>准予回归后，监护人须在三日内领回孩子；系统会通知监护人。</Text> : null}
          </FormSection>
          <TextSection title='评估说明（家庭看不到）' id='guardianship-note' value={form.note} limit={GUARDIANSHIP_LIMITS.note} placeholder='家庭情况的变化、评估的依据' error={errors.note}
            onChange={(note) => edit((f) => ({ ...f, note }))} />
        </View>
      ) : null}
      {step === 'collected' ? (
        <FormSection title='领回孩子的监护人' error={errors.guardianName}>
          <Input className='form-input' id='guardianship-guardian' value={form.guardianName} placeholder='监护人姓名' maxlength={GUARDIANSHIP_LIMITS.guardianName} onInput={text('guardianName')} />
        </FormSection>
      ) : null}
      {failure ? <ErrorNotice error={failure} /> : null}
      <View className='page-actions'>
        <SubmitButton id='guardianship-submit' busy={submitting} label={guardianshipStepTitles[step]} busyLabel='正在登记…' onClick={() => void submit()} />
      </View>
    </View>
  );
}
