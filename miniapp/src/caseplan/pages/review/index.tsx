import { Input, Picker, Text, View } from '@tarojs/components';
import { useMemo } from 'react';
import type { CaseView, FullCaseView } from '../../../api';
import { ChoiceChips, choicesOf } from '../../../components/choice-chips';
import { DraftNotice } from '../../../components/draft-notice';
import { FormSection, TextSection } from '../../../components/form-section';
import { useFormDraft } from '../../../hooks/use-form-draft';
import { useKeyedFormSubmit } from '../../../hooks/use-keyed-form-submit';
import { dateAfterMonths, shanghaiDateOf } from '../../../lib/beijing-time';
import { goalOutcomeNames } from '../../../lib/case-plan-words';
import { emptyReviewForm, REVIEW_TEXT_MAX, reviewBodyOf, reviewFieldOf, reviewFormErrors, type ReviewField, type ReviewForm } from '../../../lib/case-review-form';
import { formatDate } from '../../../lib/format';
import { api } from '../../../services/api';
import { caseReviewDrafts } from '../../../services/case-plan-drafts';
import { backToPlan, CaseFormPage, CaseFormSubmit } from '../../components/case-form-page';

const outcomeChoices = choicesOf(goalOutcomeNames);

function ReviewFormView({ userId, view }: { userId: string; view: FullCaseView }) {
  const plan = view.plan!;
  const today = shanghaiDateOf(new Date());
  const drafts = useMemo(() => caseReviewDrafts(plan.goals.length), [plan.goals.length]);
  // Per plan version: a draft typed against goals since changed is not offered back.
  const draft = useFormDraft(drafts, userId, `${view.childId}-${plan.version}`, () => emptyReviewForm(plan.goals.length, today));
  const { form, edit } = draft;
  const { errors, failure, submitting, submit } = useKeyedFormSubmit<ReviewForm, ReviewField, CaseView>({
    draft,
    validate: (f) => reviewFormErrors(f, today),
    send: async (f, key) => {
      const saved = await api.reviewCasePlan(view.childId, reviewBodyOf(f), key);
      backToPlan('评估已登记', view.childId);
      return saved;
    },
    fieldOf: reviewFieldOf,
    fallback: '评估没有保存成功，请稍后再试',
    keyReused: { title: '这次评估上次已经送出过', detail: '之后又改动了内容。再点一次“保存评估”，会作为一次新的评估送出。' },
    offline: { title: '网络连接失败，评估还没有保存', detail: '填写的内容已保存在手机上。请检查网络后再点“保存评估”。' },
  });
  const setGoal = (index: number, change: Partial<ReviewForm['goals'][number]>) =>
    edit((f) => ({ ...f, goals: f.goals.map((goal, i) => (i === index ? { ...goal, ...change } : goal)) }));

  return (
    <View className='page case-form' id='review-form'>
      <Text className='case-form__child'>{view.childName} · 定期评估</Text>
      <Text className='case-form__lead'>逐个目标看是否达成，写下孩子的变化和用到的资源（R15）。家庭看不到评估内容。</Text>
      {draft.restoredFrom ? <DraftNotice savedAt={draft.restoredFrom} onDiscard={draft.discard} /> : null}
      <FormSection title='评估日期' error={errors.reviewedOn}>
        <Picker mode='date' value={form.reviewedOn} end={today} onChange={(e) => { const reviewedOn = String(e.detail.value); edit((f) => ({ ...f, reviewedOn })); }}>
          <View className='form-input' id='review-date'>{formatDate(form.reviewedOn)}</View>
        </Picker>
      </FormSection>
      <FormSection title='各目标达成情况' error={errors.goals} id='review-goals'>
        {plan.goals.map((goal, index) => (
          <View key={index} className='review-goal' id={`review-goal-${index}`}>
            <Text className='review-goal__title'>{`${index + 1}. ${goal.goal}`}</Text>
            <Text className='review-goal__success'>达成的样子：{goal.success}</Text>
            <ChoiceChips idPrefix={`review-goal-${index}-outcome`} choices={outcomeChoices} selected={form.goals[index]?.outcome ? [form.goals[index].outcome] : []}
              onToggle={(outcome) => setGoal(index, { outcome })} />
            <Input className='form-input' id={`review-goal-${index}-note`} value={form.goals[index]?.note ?? ''} placeholder='说明（可不填）' maxlength={200}
              onInput={(e) => setGoal(index, { note: e.detail.value })} />
          </View>
        ))}
      </FormSection>
      <TextSection title='孩子的变化' id='review-child-change' value={form.childChange} limit={REVIEW_TEXT_MAX} placeholder='学习、情绪、健康、家庭照护有什么变化' error={errors.childChange}
        onChange={(childChange) => edit((f) => ({ ...f, childChange }))} />
      <TextSection title='使用的资源' id='review-resources' value={form.resourcesUsed} limit={REVIEW_TEXT_MAX} placeholder='如：课后辅导 12 次、临时救助 500 元' error={errors.resourcesUsed}
        onChange={(resourcesUsed) => edit((f) => ({ ...f, resourcesUsed }))} />
      <FormSection title='下次评估（可不填）' error={errors.nextReviewOn}>
        <Picker mode='date' value={form.nextReviewOn || dateAfterMonths(form.reviewedOn || today, 3)} start={form.reviewedOn || today}
          onChange={(e) => { const nextReviewOn = String(e.detail.value); edit((f) => ({ ...f, nextReviewOn })); }}>
          <View className='form-input' id='review-next'>{form.nextReviewOn ? formatDate(form.nextReviewOn) : '选择日期'}</View>
        </Picker>
        {form.nextReviewOn ? (
          <Text className='link date-clear' id='review-next-clear' onClick={() => edit((f) => ({ ...f, nextReviewOn: '' }))}>不指定，按三个月后</Text>
        ) : (
          <Text className='form-hint'>不填则为评估日三个月后：{formatDate(dateAfterMonths(form.reviewedOn || today, 3))}</Text>
        )}
      </FormSection>
      <CaseFormSubmit id='review-submit' label='保存评估' failure={failure} errorCount={Object.keys(errors).length} submitting={submitting} onSubmit={() => void submit()} />
    </View>
  );
}

/** R15 登记定期评估: one outcome per goal of the plan, the change in the child, the resources used, the next review. */
export default function CaseReviewPage() {
  return (
    <CaseFormPage allowed={(view) => view.plan !== null && view.status !== 'closed'} refusal='该个案已结案或尚无服务计划，不能再评估'>
      {({ userId, view }) => <ReviewFormView userId={userId} view={view} />}
    </CaseFormPage>
  );
}
