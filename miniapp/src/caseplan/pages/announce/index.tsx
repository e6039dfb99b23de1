import { Input, Picker, Text, View } from '@tarojs/components';
import type { CaseView, FullCaseView } from '../../../api';
import { ChoiceChips, choicesOf } from '../../../components/choice-chips';
import { DraftNotice } from '../../../components/draft-notice';
import { FormSection } from '../../../components/form-section';
import { useFormDraft } from '../../../hooks/use-form-draft';
import { useKeyedFormSubmit } from '../../../hooks/use-keyed-form-submit';
import { shanghaiDateOf } from '../../../lib/beijing-time';
import { announceBodyOf, announceFieldOf, announceFormErrors, earliestClosingOf, emptyAnnounceForm, type AnnounceField, type AnnounceForm } from '../../../lib/case-closing-form';
import { noticeChannelNames } from '../../../lib/case-plan-words';
import { formatDate } from '../../../lib/format';
import { api } from '../../../services/api';
import { caseAnnounceDrafts } from '../../../services/case-plan-drafts';
import { backToPlan, CaseFormPage, CaseFormSubmit } from '../../components/case-form-page';

const channelChoices = choicesOf(noticeChannelNames);

function AnnounceFormView({ userId, view, guardianName }: { userId: string; view: FullCaseView; guardianName: string }) {
  const today = shanghaiDateOf(new Date());
  const draft = useFormDraft(caseAnnounceDrafts, userId, view.childId, () => emptyAnnounceForm(today, guardianName));
  const { form, edit } = draft;
  const { errors, failure, submitting, submit } = useKeyedFormSubmit<AnnounceForm, AnnounceField, CaseView>({
    draft,
    validate: (f) => announceFormErrors(f, today),
    send: async (f) => {
      const saved = await api.announceClosing(view.childId, announceBodyOf(f));
      backToPlan('已登记告知', view.childId);
      return saved;
    },
    fieldOf: announceFieldOf,
    fallback: '没有保存成功，请稍后再试',
    keyReused: { title: '上次已经送出过', detail: '再点一次“登记告知”即可。' },
    offline: { title: '网络连接失败，还没有保存', detail: '填写的内容已保存在手机上。请检查网络后再点“登记告知”。' },
  });

  return (
    <View className='page case-form' id='announce-form'>
      <Text className='case-form__child'>{view.childName} · 告知家庭结案</Text>
      <Text className='case-form__lead'>结案前须提前告知家庭（R15）。告知满七天后才能结案，家庭可在此期间提出疑问。</Text>
      {draft.restoredFrom ? <DraftNotice savedAt={draft.restoredFrom} onDiscard={draft.discard} /> : null}
      <FormSection title='告知日期' error={errors.toldOn}>
        <Picker mode='date' value={form.toldOn || today} end={today} onChange={(e) => { const toldOn = String(e.detail.value); edit((f) => ({ ...f, toldOn })); }}>
          <View className='form-input' id='announce-date'>{form.toldOn ? formatDate(form.toldOn) : '选择日期'}</View>
        </Picker>
        {form.toldOn ? <Text className='form-hint' id='announce-earliest'>最早可于{formatDate(earliestClosingOf(form.toldOn))}结案</Text> : null}
      </FormSection>
      <FormSection title='告知方式' error={errors.how} id='announce-how'>
        <ChoiceChips idPrefix='announce-how' choices={channelChoices} selected={form.how ? [form.how] : []} onToggle={(how) => edit((f) => ({ ...f, how }))} />
      </FormSection>
      <FormSection title='告知了谁' error={errors.toldWhom}>
        <Input className='form-input' id='announce-whom' value={form.toldWhom} placeholder='如：孩子的奶奶王秀英' maxlength={50}
          onInput={(e) => { const toldWhom = e.detail.value; edit((f) => ({ ...f, toldWhom })); }} />
      </FormSection>
      <CaseFormSubmit id='announce-submit' label='登记告知' failure={failure} errorCount={Object.keys(errors).length} submitting={submitting} onSubmit={() => void submit()} />
    </View>
  );
}

/** R15 告知家庭结案: when, how and whom the family was told that the case will close. */
export default function AnnounceClosingPage() {
  return (
    <CaseFormPage allowed={(view) => view.status === 'open'} refusal='只有执行中的个案可以告知结案'>
      {({ userId, view, guardianName }) => <AnnounceFormView userId={userId} view={view} guardianName={guardianName} />}
    </CaseFormPage>
  );
}
