import { Picker, Text, View } from '@tarojs/components';
import type { CaseView, FullCaseView } from '../../../api';
import { ChoiceChips, choicesOf } from '../../../components/choice-chips';
import { DraftNotice } from '../../../components/draft-notice';
import { FormSection, TextSection } from '../../../components/form-section';
import { useFormDraft } from '../../../hooks/use-form-draft';
import { useKeyedFormSubmit } from '../../../hooks/use-keyed-form-submit';
import { shanghaiDateOf } from '../../../lib/beijing-time';
import { closeBodyOf, closeFieldOf, closeFormErrors, emptyCloseForm, followUpRhythmNames, type CloseField, type CloseForm } from '../../../lib/case-closing-form';
import { closingReasonNames, followUpPerformerNames } from '../../../lib/case-plan-words';
import { formatDate } from '../../../lib/format';
import { api } from '../../../services/api';
import { caseCloseDrafts } from '../../../services/case-plan-drafts';
import { backToPlan, CaseFormPage, CaseFormSubmit } from '../../components/case-form-page';

const reasonChoices = choicesOf(closingReasonNames);
const performerChoices = choicesOf(followUpPerformerNames);
const rhythmChoices = choicesOf(followUpRhythmNames);

function DateField({ id, value, start, end, onChange }: { id: string; value: string; start?: string; end?: string; onChange: (date: string) => void }) {
  return (
    <Picker mode='date' value={value} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
      <View className='form-input' id={id}>{value ? formatDate(value) : '选择日期'}</View>
    </Picker>
  );
}

function CloseFormView({ userId, view }: { userId: string; view: FullCaseView }) {
  const today = shanghaiDateOf(new Date());
  const announcement = view.closing!.announcement;
  const draft = useFormDraft(caseCloseDrafts, userId, view.childId, () => emptyCloseForm(today));
  const { form, edit } = draft;
  const { errors, failure, submitting, submit } = useKeyedFormSubmit<CloseForm, CloseField, CaseView>({
    draft,
    validate: (f) => closeFormErrors(f, today, announcement.earliestClosingOn),
    send: async (f) => {
      const saved = await api.closeCase(view.childId, closeBodyOf(f));
      backToPlan('已结案', view.childId);
      return saved;
    },
    fieldOf: closeFieldOf,
    fallback: '结案没有保存成功，请稍后再试',
    keyReused: { title: '上次已经送出过', detail: '再点一次“确认结案”即可。' },
    offline: { title: '网络连接失败，结案还没有保存', detail: '填写的内容已保存在手机上。请检查网络后再点“确认结案”。' },
  });
  const early = today < announcement.earliestClosingOn;

  return (
    <View className='page case-form' id='close-form'>
      <Text className='case-form__child'>{view.childName} · 结案</Text>
      <Text className='case-form__lead'>
        {`${formatDate(announcement.toldOn)}已告知${announcement.toldWhom}。结案报告存入档案；“给家庭的话”和回访安排家庭可以看到（R15）。`}
      </Text>
      {early ? (
        <Text className='attention-notice' id='close-too-early'>{`告知家庭须满七天才能结案：${formatDate(announcement.earliestClosingOn)}起可以结案。可以先填写，内容会保存在手机上。`}</Text>
      ) : null}
      {draft.restoredFrom ? <DraftNotice savedAt={draft.restoredFrom} onDiscard={draft.discard} /> : null}
      <FormSection title='结案日期' error={errors.closedOn}>
        <DateField id='close-date' value={form.closedOn} end={today} onChange={(closedOn) => edit((f) => ({ ...f, closedOn }))} />
      </FormSection>
      <FormSection title='结案原因' error={errors.reason} id='close-reason'>
        <ChoiceChips idPrefix='close-reason' choices={reasonChoices} selected={form.reason ? [form.reason] : []} onToggle={(reason) => edit((f) => ({ ...f, reason }))} />
      </FormSection>
      <TextSection title='服务总结' id='close-summary' value={form.summary} limit={2000} placeholder='做了哪些服务，目标达成得怎样' error={errors.summary}
        onChange={(summary) => edit((f) => ({ ...f, summary }))} />
      <TextSection title='结案时孩子的情况' id='close-situation' value={form.situationAtClosing} limit={1000} placeholder='上学、健康、照护、情绪' error={errors.situationAtClosing}
        onChange={(situationAtClosing) => edit((f) => ({ ...f, situationAtClosing }))} />
      <TextSection title='给家庭的话' id='close-family-message' value={form.familyMessage} limit={500} placeholder='家庭会在手机上看到这段话' error={errors.familyMessage}
        hint='监护人在自己的手机上能看到' onChange={(familyMessage) => edit((f) => ({ ...f, familyMessage }))} />
      <FormSection title='结案后回访' error={errors.followUp} id='close-follow-up'>
        <Text className='form-hint'>谁来回访</Text>
        <ChoiceChips idPrefix='close-performer' choices={performerChoices} selected={[form.performer]} onToggle={(performer) => edit((f) => ({ ...f, performer }))} />
        <Text className='form-hint'>多久一次</Text>
        <ChoiceChips idPrefix='close-rhythm' choices={rhythmChoices} selected={[form.rhythm]} onToggle={(rhythm) => edit((f) => ({ ...f, rhythm }))} />
        <Text className='form-hint'>从哪天开始</Text>
        <DateField id='close-follow-start' value={form.startsOn} start={form.closedOn || undefined} onChange={(startsOn) => edit((f) => ({ ...f, startsOn }))} />
        {errors.startsOn ? <Text className='form-error'>{errors.startsOn}</Text> : null}
        <Text className='form-hint'>回访到哪天为止</Text>
        <DateField id='close-follow-end' value={form.endsOn} start={form.startsOn || undefined} onChange={(endsOn) => edit((f) => ({ ...f, endsOn }))} />
        {errors.endsOn ? <Text className='form-error'>{errors.endsOn}</Text> : null}
      </FormSection>
      <CaseFormSubmit id='close-submit' label='确认结案' failure={failure} errorCount={Object.keys(errors).length} submitting={submitting} onSubmit={() => void submit()} />
    </View>
  );
}

/** R15 结案: the closing report and the follow-up agreed with the family, once the family was told seven days before. */
export default function CloseCasePage() {
  return (
    <CaseFormPage allowed={(view) => view.status === 'closingAnnounced' && view.closing !== null} refusal='须先告知家庭结案，满七天后才能结案'>
      {({ userId, view }) => <CloseFormView userId={userId} view={view} />}
    </CaseFormPage>
  );
}
