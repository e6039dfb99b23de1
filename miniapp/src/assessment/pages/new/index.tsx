import { Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { asApiError, type ApiError, type AssessmentRecorded, type ChildAssessments, type ChildPage } from '../../../api';
import { ChoiceChips } from '../../../components/choice-chips';
import { DraftNotice } from '../../../components/draft-notice';
import { FormSection, TextSection } from '../../../components/form-section';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { SubmitButton } from '../../../components/submit-button';
import { useFormDraft } from '../../../hooks/use-form-draft';
import { useKeyedFormSubmit } from '../../../hooks/use-keyed-form-submit';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { ASSESSMENT_TEXT_MAX, assessmentInputOf, emptyAssessmentForm, validateAssessmentForm, type AssessmentField, type AssessmentForm } from '../../../lib/assessment-form';
import { assessmentKindNames, mayRecordAssessment, teamIdsOf } from '../../../lib/assessment-words';
import { shanghaiDateOf } from '../../../lib/beijing-time';
import { riskLevelNames } from '../../../lib/labels';
import { assessmentDrafts } from '../../../services/assessment-drafts';
import { formatDate } from '../../../lib/format';
import { api } from '../../../services/api';
import { DimensionSections, SourceSections } from './form-sections';
import './index.css';

const roleWords: Record<string, string> = { socialWorker: '社工', director: '儿童主任', supervisor: '督导员' };
const levelChoices = (['red', 'yellow', 'green'] as const).map((value) => ({ value, label: riskLevelNames[value] }));

function fieldOf(serverField: string | undefined): AssessmentField | null {
  if (!serverField) return null;
  const known = ['kind', 'heldOn', 'presentUserIds', 'conclusion', 'riskLevel', 'recommendations'];
  if (known.includes(serverField)) return serverField as AssessmentField;
  const match = /^(dimensions|sources)\.(\w+)/.exec(serverField);
  return match ? (`${match[1]}.${match[2]}` as AssessmentField) : null;
}

function AssessmentFormView({ userId, child, history }: { userId: string; child: ChildPage; history: ChildAssessments }) {
  const today = shanghaiDateOf(new Date());
  const first = history.items.length === 0;
  const draft = useFormDraft(assessmentDrafts, userId, child.id, () => emptyAssessmentForm(first ? 'first' : 'yearly', today, teamIdsOf(child.teamMembers)));
  const { form, edit } = draft;
  const { errors, failure, submitting, result, submit } = useKeyedFormSubmit<AssessmentForm, AssessmentField, AssessmentRecorded>({
    draft,
    validate: (f) => validateAssessmentForm(f, child.teamMembers.length),
    send: (f, key) => api.recordAssessment(child.id, assessmentInputOf(f, child.version), key),
    fieldOf,
    fallback: '评估没有保存成功，请稍后再试',
    keyReused: { title: '这份评估上次已经送出过', detail: '之后又改动了内容。再点一次“保存评估”，会作为一份新的评估送出。' },
    offline: { title: '网络连接失败，评估还没有保存', detail: '填写的内容已保存在手机上。请检查网络后再点“保存评估”。' },
  });

  if (result) {
    return (
      <View className='page assessment' id='assessment-saved'>
        <EmptyState text='评估已保存' detail={`风险等级：${riskLevelNames[result.assessment.riskLevel]}。走访安排已随之更新。`} />
        <View className='assessment__submit'>
          <SubmitButton id='assessment-back' busy={false} label='返回儿童档案' busyLabel='' onClick={() => void Taro.navigateBack()} />
        </View>
      </View>
    );
  }

  const kinds = (first ? (['first'] as const) : (['yearly', 'reassessment'] as const)).map((value) => ({ value, label: assessmentKindNames[value] }));
  const members = child.teamMembers.map((m) => ({ value: m.userId, label: `${m.name}（${roleWords[m.role] ?? ''}）` }));
  return (
    <View className='page assessment' id='assessment-form'>
      <View className='assessment__intro'>
        <Text className='assessment__child' id='assessment-child'>{child.name}</Text>
        <Text className='assessment__lead'>
          {first ? '首次评估须由执行团队三人（督导员、儿童主任、社工）共同参与（R2）。' : '按六个方面评估监护状况，听取各方意见后给出结论和风险等级。'}
          孩子的家人看不到这份评估。
        </Text>
      </View>
      {draft.restoredFrom ? <DraftNotice savedAt={draft.restoredFrom} onDiscard={() => draft.discard()} /> : null}
      <FormSection title='评估类型' error={errors.kind}>
        <ChoiceChips idPrefix='kind' choices={kinds} selected={form.kind ? [form.kind] : []} onToggle={(kind) => edit((f) => ({ ...f, kind }))} />
      </FormSection>
      <FormSection title='评估日期' error={errors.heldOn}>
        <Picker mode='date' value={form.heldOn} end={today} onChange={(e) => { const heldOn = String(e.detail.value); edit((f) => ({ ...f, heldOn })); }}>
          <View className='form-input' id='assessment-date'>{formatDate(form.heldOn)}</View>
        </Picker>
      </FormSection>
      <FormSection title='参与人员' error={errors.presentUserIds} id='present'>
        <ChoiceChips
          idPrefix='present'
          choices={members}
          selected={form.presentUserIds}
          onToggle={(id) => edit((f) => ({ ...f, presentUserIds: f.presentUserIds.includes(id) ? f.presentUserIds.filter((p) => p !== id) : [...f.presentUserIds, id] }))}
        />
      </FormSection>
      <DimensionSections form={form} errors={errors} edit={edit} />
      <SourceSections form={form} errors={errors} edit={edit} />
      <TextSection title='评估结论' id='conclusion' value={form.conclusion} limit={ASSESSMENT_TEXT_MAX} placeholder='监护状况的总体判断' error={errors.conclusion} onChange={(conclusion) => edit((f) => ({ ...f, conclusion }))} />
      <FormSection title='风险等级' error={errors.riskLevel} id='risk-level'>
        <ChoiceChips idPrefix='level' choices={levelChoices} selected={form.riskLevel ? [form.riskLevel] : []} onToggle={(riskLevel) => edit((f) => ({ ...f, riskLevel }))} />
      </FormSection>
      <TextSection title='建议' id='recommendations' value={form.recommendations} limit={ASSESSMENT_TEXT_MAX} placeholder='帮扶、干预和走访的建议' error={errors.recommendations} onChange={(recommendations) => edit((f) => ({ ...f, recommendations }))} />
      {failure ? <ErrorNotice error={failure} /> : null}
      {Object.keys(errors).length > 0 ? <ErrorNotice error={{ title: '请检查标红的内容', detail: undefined }} /> : null}
      <View className='assessment__submit'>
        <SubmitButton id='assessment-submit' busy={submitting} label='保存评估' busyLabel='正在保存…' onClick={() => void submit()} />
      </View>
    </View>
  );
}

/** 新建评估 (issue 12, R18): the guardianship assessment form for one child, opened from the child's page. */
export default function NewAssessmentPage() {
  const session = useRequiredSession();
  const { params } = useRouter();
  const childId = params.childId ? decodeURIComponent(params.childId) : '';
  const [found, setFound] = useState<{ child: ChildPage; history: ChildAssessments } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (!session || !childId) return;
    Promise.all([api.getChild(childId), api.childAssessments(childId)]).then(
      ([child, history]) => setFound({ child, history }),
      (e: unknown) => setError(asApiError(e)),
    );
  }, [session, childId]);

  if (!session) return <View className='page' />;
  if (error) return <View className='page assessment'><ErrorNotice error={error} /></View>;
  if (!found) return <View className='page assessment'><LoadingState /></View>;
  if (!mayRecordAssessment(session.user, found.child)) {
    return <View className='page assessment'><EmptyState text='监护评估由儿童的执行团队或乡镇（街道）儿童督导员记录' detail={found.child.name} /></View>;
  }
  return <AssessmentFormView userId={session.user.id} child={found.child} history={found.history} />;
}
