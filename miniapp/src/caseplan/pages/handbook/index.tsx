import { Input, Picker, Text, View } from '@tarojs/components';
import type { CaseView, FullCaseView } from '../../../api';
import { ChoiceChips } from '../../../components/choice-chips';
import { DraftNotice } from '../../../components/draft-notice';
import { FormSection } from '../../../components/form-section';
import { useFormDraft } from '../../../hooks/use-form-draft';
import { useKeyedFormSubmit } from '../../../hooks/use-keyed-form-submit';
import { shanghaiDateOf } from '../../../lib/beijing-time';
import { emptyHandbookForm, handbookBodyOf, handbookFieldOf, handbookFormErrors, type HandbookField, type HandbookForm } from '../../../lib/case-handbook-form';
import { formatDate } from '../../../lib/format';
import { labelOf, roleNames } from '../../../lib/labels';
import { api } from '../../../services/api';
import { caseHandbookDrafts } from '../../../services/case-plan-drafts';
import { backToPlan, CaseFormPage, CaseFormSubmit } from '../../components/case-form-page';

function HandbookFormView({ userId, view, guardianName }: { userId: string; view: FullCaseView; guardianName: string }) {
  const today = shanghaiDateOf(new Date());
  const teamIds = view.team.map((member) => member.id);
  const draft = useFormDraft(caseHandbookDrafts, userId, view.childId, () => emptyHandbookForm(today, userId, teamIds, guardianName));
  const { form, edit } = draft;
  const { errors, failure, submitting, submit } = useKeyedFormSubmit<HandbookForm, HandbookField, CaseView>({
    draft,
    validate: (f) => handbookFormErrors(f, today),
    send: async (f) => {
      const saved = await api.recordHandbook(view.childId, handbookBodyOf(f));
      backToPlan('已登记发放', view.childId);
      return saved;
    },
    fieldOf: handbookFieldOf,
    fallback: '没有保存成功，请稍后再试',
    keyReused: { title: '上次已经送出过', detail: '再点一次“登记发放”即可。' },
    offline: { title: '网络连接失败，还没有保存', detail: '填写的内容已保存在手机上。请检查网络后再点“登记发放”。' },
  });
  const team = view.team.map((member) => ({ value: member.id, label: `${member.name}（${labelOf(roleNames, member.role)}）` }));

  return (
    <View className='page case-form' id='handbook-form'>
      <Text className='case-form__child'>{view.childName} · 发放关爱手册</Text>
      <Text className='case-form__lead'>首次入户时向家庭介绍服务内容并发放关爱手册（R2）。</Text>
      {draft.restoredFrom ? <DraftNotice savedAt={draft.restoredFrom} onDiscard={draft.discard} /> : null}
      <FormSection title='发放日期' error={errors.handedOverOn}>
        <Picker mode='date' value={form.handedOverOn || today} end={today} onChange={(e) => { const handedOverOn = String(e.detail.value); edit((f) => ({ ...f, handedOverOn })); }}>
          <View className='form-input' id='handbook-date'>{form.handedOverOn ? formatDate(form.handedOverOn) : '选择日期'}</View>
        </Picker>
      </FormSection>
      <FormSection title='发放人' error={errors.handedOverById} id='handbook-by'>
        <ChoiceChips idPrefix='handbook-by' choices={team} selected={form.handedOverById ? [form.handedOverById] : []}
          onToggle={(handedOverById) => edit((f) => ({ ...f, handedOverById }))} />
      </FormSection>
      <FormSection title='接收的监护人' error={errors.guardianName}>
        <Input className='form-input' id='handbook-guardian' value={form.guardianName} placeholder='监护人姓名' maxlength={50}
          onInput={(e) => { const guardianName = e.detail.value; edit((f) => ({ ...f, guardianName })); }} />
      </FormSection>
      <CaseFormSubmit id='handbook-submit' label='登记发放' failure={failure} errorCount={Object.keys(errors).length} submitting={submitting} onSubmit={() => void submit()} />
    </View>
  );
}

/** R2 发放关爱手册: when, by whom of the child's team, to which guardian. */
export default function HandbookPage() {
  return (
    <CaseFormPage allowed={(view) => view.handbook === null} refusal='关爱手册已登记发放'>
      {({ userId, view, guardianName }) => <HandbookFormView userId={userId} view={view} guardianName={guardianName} />}
    </CaseFormPage>
  );
}
