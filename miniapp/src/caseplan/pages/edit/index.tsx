import { Input, Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { asApiError, type FullCaseView } from '../../../api';
import { ChoiceChips } from '../../../components/choice-chips';
import { DraftNotice } from '../../../components/draft-notice';
import { FormSection, TextSection } from '../../../components/form-section';
import { ErrorNotice, LoadingState } from '../../../components/states';
import { SubmitButton } from '../../../components/submit-button';
import { useFormDraft } from '../../../hooks/use-form-draft';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { emptyPlanForm, planBodyOf, planFormErrors, type PlanForm } from '../../../lib/case-plan-form';
import { chooseAssessment, defaultAssessment, prefillNoticeText } from '../../../lib/case-plan-prefill';
import { api } from '../../../services/api';
import { casePlanDrafts } from '../../../services/case-plan-drafts';
import { routes } from '../../../services/routes';
import { shanghaiDateOf } from '../../../lib/beijing-time';
import { formatDate } from '../../../lib/format';
import { AssessmentChoice } from './assessment-choice';

function PlanEditor({ userId, view }: { userId: string; view: FullCaseView }) {
  const fromPlan = (): PlanForm =>
    view.plan
      ? {
          assessmentId: view.plan.assessmentId ?? '',
          prefill: null,
          goals: view.plan.goals,
          services: view.plan.services,
          tasks: view.plan.tasks.map(({ task, assigneeId, dueOn }) => ({ task, assigneeId, dueOn })),
          told: view.plan.family.told,
          familyAgrees: view.plan.family.familyAgrees,
          internalNotes: view.plan.internalNotes,
        }
      : emptyPlanForm();
  const draft = useFormDraft(casePlanDrafts, userId, `${view.childId}-${view.plan?.version ?? 0}`, fromPlan);
  const { form, edit, adjust } = draft;
  const newPlan = view.plan === null;
  const loadAssessments = useCallback(() => api.childAssessments(view.childId), [view.childId]);
  const assessments = useLoadOnShow(loadAssessments);
  const assessmentList = assessments.data?.items ?? null;
  // R2: a new plan starts from the newest assessment (again after 放弃，重新填写; nobody can un-choose one, so no
  // choice means none made yet). The app's choice, so it alone keeps no draft (adjust).
  useEffect(() => {
    if (!newPlan || form.assessmentId || !assessmentList) return;
    const newest = defaultAssessment(assessmentList);
    if (newest) adjust((f) => chooseAssessment(f, newest, true));
  }, [assessmentList, form.assessmentId]);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = attempted ? planFormErrors(form) : {};
  const team = view.team.map((member) => ({ value: member.id, label: member.name }));
  const today = shanghaiDateOf(new Date());

  async function save() {
    setAttempted(true);
    if (Object.keys(planFormErrors(form)).length > 0) return;
    setBusy(true);
    try {
      await api.saveCasePlan(view.childId, planBodyOf(form, view.plan?.version ?? 0), draft.key);
      draft.done();
      void Taro.showToast({ title: '已保存', icon: 'success' });
      void Taro.redirectTo({ url: routes.casePlan(view.childId) });
    } catch (e) {
      void Taro.showModal({ title: '保存没有成功', content: asApiError(e).message, showCancel: false });
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className='page plan-edit'>
      {draft.restoredFrom ? <DraftNotice savedAt={draft.restoredFrom} onDiscard={draft.discard} /> : null}
      <Text className='section-title'>{view.childName}</Text>
      <AssessmentChoice assessments={assessmentList} failed={assessments.error !== null && assessmentList === null} chosenId={form.assessmentId}
        prefillNotice={prefillNoticeText(form, assessmentList ?? [])} onChoose={(a) => edit((f) => chooseAssessment(f, a, newPlan))} />
      <FormSection title='帮扶目标' error={errors.goals} id='plan-goals'>
        {form.goals.map((goal, index) => (
          <View key={index} className='plan-row'>
            <Input className='form-input' id={`plan-goal-${index}`} value={goal.goal} placeholder='目标（用家庭听得懂的话）' maxlength={200}
              onInput={(e) => { const value = e.detail.value; edit((f) => ({ ...f, goals: f.goals.map((g, i) => (i === index ? { ...g, goal: value } : g)) })); }} />
            <Input className='form-input' id={`plan-success-${index}`} value={goal.success} placeholder='达成的样子' maxlength={200}
              onInput={(e) => { const value = e.detail.value; edit((f) => ({ ...f, goals: f.goals.map((g, i) => (i === index ? { ...g, success: value } : g)) })); }} />
          </View>
        ))}
        <Text className='link' id='plan-add-goal' onClick={() => edit((f) => ({ ...f, goals: [...f.goals, { goal: '', success: '' }] }))}>＋ 添加目标</Text>
      </FormSection>
      <FormSection title='服务' id='plan-services'>
        {form.services.map((service, index) => (
          <View key={index} className='plan-row'>
            <Input className='form-input' id={`plan-service-${index}`} value={service.service} placeholder='服务内容' maxlength={200}
              onInput={(e) => { const value = e.detail.value; edit((f) => ({ ...f, services: f.services.map((s, i) => (i === index ? { ...s, service: value } : s)) })); }} />
            <Input className='form-input' id={`plan-provider-${index}`} value={service.provider} placeholder='提供方' maxlength={100}
              onInput={(e) => { const value = e.detail.value; edit((f) => ({ ...f, services: f.services.map((s, i) => (i === index ? { ...s, provider: value } : s)) })); }} />
          </View>
        ))}
        <Text className='link' id='plan-add-service' onClick={() => edit((f) => ({ ...f, services: [...f.services, { service: '', provider: '' }] }))}>＋ 添加服务</Text>
      </FormSection>
      <FormSection title='分工' error={errors.tasks} id='plan-tasks'>
        {form.tasks.map((task, index) => (
          <View key={index} className='plan-row'>
            <Input className='form-input' id={`plan-task-${index}`} value={task.task} placeholder='做什么' maxlength={200}
              onInput={(e) => { const value = e.detail.value; edit((f) => ({ ...f, tasks: f.tasks.map((t, i) => (i === index ? { ...t, task: value } : t)) })); }} />
            <ChoiceChips idPrefix={`plan-task-${index}-who`} choices={team} selected={task.assigneeId ? [task.assigneeId] : []}
              onToggle={(id) => edit((f) => ({ ...f, tasks: f.tasks.map((t, i) => (i === index ? { ...t, assigneeId: id } : t)) }))} />
            <Picker mode='date' value={task.dueOn || today} onChange={(e) => { const value = String(e.detail.value); edit((f) => ({ ...f, tasks: f.tasks.map((t, i) => (i === index ? { ...t, dueOn: value } : t)) })); }}>
              <View className='form-input' id={`plan-task-${index}-due`}>{task.dueOn ? formatDate(task.dueOn) : '选择完成日期'}</View>
            </Picker>
          </View>
        ))}
        <Text className='link' id='plan-add-task' onClick={() => edit((f) => ({ ...f, tasks: [...f.tasks, { task: '', assigneeId: '', dueOn: '' }] }))}>＋ 添加分工</Text>
      </FormSection>
      <TextSection title='告知家庭的内容' id='plan-told' value={form.told} limit={1000} placeholder='我们会为孩子和家庭做什么' error={errors.told}
        onChange={(value) => edit((f) => ({ ...f, told: value }))} />
      <TextSection title='家庭约定做的' id='plan-family-agrees' value={form.familyAgrees} limit={1000} placeholder='家庭同意做什么'
        onChange={(value) => edit((f) => ({ ...f, familyAgrees: value }))} />
      <TextSection title='内部备注（家庭不可见）' id='plan-internal' value={form.internalNotes} limit={2000} placeholder='团队内部的判断与注意事项'
        onChange={(value) => edit((f) => ({ ...f, internalNotes: value }))} />
      <View className='form-actions'>
        <SubmitButton id='plan-save' busy={busy} label='保存计划' busyLabel='正在保存…' onClick={() => void save()} />
      </View>
    </View>
  );
}

/** R2 一人一案: the team writes (or revises) the child's service plan; each save is a new version. */
export default function CasePlanEditPage() {
  const session = useRequiredSession();
  const { params } = useRouter();
  const childId = params.id ?? '';
  const load = useCallback(() => api.casePlan(childId), [childId]);
  const plan = useLoadOnShow(session && childId ? load : null);
  if (!session) return <View className='page' />;
  if (plan.error) return <View className='page'><ErrorNotice error={plan.error} /></View>;
  if (!plan.data) return <View className='page'><LoadingState /></View>;
  if (plan.data.view !== 'full' || !plan.data.canEdit) return <View className='page'><Text>服务计划由执行团队填写</Text></View>;
  return <PlanEditor userId={session.user.id} view={plan.data} />;
}
