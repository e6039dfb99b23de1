import { Input, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { asApiError, type ApiError, type SafetySchedule } from '../../../api';
import { ChoiceChips, type Choice } from '../../../components/choice-chips';
import { DraftNotice } from '../../../components/draft-notice';
import { FormSection } from '../../../components/form-section';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { SubmitButton } from '../../../components/submit-button';
import { useFormDraft } from '../../../hooks/use-form-draft';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { formatDate } from '../../../lib/format';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { emptySafetyPlanForm, planInputOf, SAFETY_PLACE_MAX, safetyPlanErrors, type SafetyPlanErrors } from '../../../lib/safety-form';
import { api } from '../../../services/api';
import { safetyPlanDrafts } from '../../../services/safety-drafts';
import type { SafetyTopic } from '../../../../../functions/src/domain/safety-topics';
import '../../safety.css';

/** The audiences the reader plans for, by name: a town, then its villages and schools (a director: their village). */
function audienceChoices(schedule: SafetySchedule): Choice<string>[] {
  return schedule.towns.flatMap((town) => [
    ...(schedule.villageId === null ? [{ value: `town:${town.id}`, label: town.name }] : []),
    ...town.villages.map((village) => ({ value: `village:${village.id}`, label: village.name })),
    ...town.schools.map((school) => ({ value: `school:${school.id}`, label: school.name })),
  ]);
}

function PlanForm({ schedule, userId }: { schedule: SafetySchedule; userId: string }) {
  const draft = useFormDraft(safetyPlanDrafts, userId, 'plan', () => emptySafetyPlanForm(schedule.today));
  const { form, edit } = draft;
  const [errors, setErrors] = useState<SafetyPlanErrors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const topicChoices = schedule.topics.map((topic) => ({ value: topic.code as SafetyTopic, label: topic.name }));

  async function submit() {
    const found = safetyPlanErrors(form);
    setErrors(found);
    if (Object.keys(found).length > 0 || busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await api.planSafetySession(planInputOf(form));
      draft.done();
      void Taro.showToast({ title: '已安排', icon: 'success' });
      void Taro.navigateBack();
    } catch (e) {
      setFailure(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className='page safety-plan' id='safety-plan-form'>
      {draft.restoredFrom ? <DraftNotice savedAt={draft.restoredFrom} onDiscard={() => draft.discard()} /> : null}
      <FormSection title='面向' error={errors.audience}>
        <ChoiceChips
          idPrefix='safety-audience'
          choices={audienceChoices(schedule)}
          selected={form.audience ? [form.audience] : []}
          onToggle={(value) => edit((f) => ({ ...f, audience: f.audience === value ? '' : value }))}
        />
      </FormSection>
      <FormSection title='主题（可多选）' error={errors.topics}>
        {schedule.seasonalHint ? <Text className='form-hint' id='safety-topic-hint'>{schedule.seasonalHint}</Text> : null}
        <ChoiceChips
          idPrefix='safety-topic'
          choices={topicChoices}
          selected={form.topics}
          onToggle={(topic) => edit((f) => ({ ...f, topics: f.topics.includes(topic) ? f.topics.filter((t) => t !== topic) : [...f.topics, topic] }))}
        />
      </FormSection>
      <FormSection title='日期' error={errors.date}>
        <Picker mode='date' value={form.date} onChange={(e) => { const date = String(e.detail.value); edit((f) => ({ ...f, date })); }}>
          <View className='form-input' id='safety-date'>{formatDate(form.date)}</View>
        </Picker>
      </FormSection>
      <FormSection title='地点' error={errors.place}>
        <Input
          className='form-input'
          id='safety-place'
          type='text'
          placeholder='如：村委会会议室'
          maxlength={SAFETY_PLACE_MAX}
          value={form.place}
          onInput={(e) => { const place = e.detail.value; edit((f) => ({ ...f, place })); }}
        />
      </FormSection>
      {failure ? <ErrorNotice error={failure} /> : null}
      <View className='safety-actions'>
        <SubmitButton id='safety-plan-submit' busy={busy} label='安排' busyLabel='正在保存…' onClick={() => void submit()} />
      </View>
    </View>
  );
}

/** R12: a session planned for a village, a town or a school of the reader's area; the typing is kept until sent. */
export default function SafetyPlanPage() {
  const session = useRequiredSession();
  const schedule = useLoadOnShow(session ? () => api.safetySchedule() : null);
  if (!session) return <View className='page' />;
  if (schedule.error) return <View className='page'><ErrorNotice error={schedule.error} /></View>;
  if (!schedule.data) return <View className='page'><LoadingState /></View>;
  if (schedule.data.towns.length === 0) return <View className='page'><EmptyState text='没有可安排的地区' /></View>;
  return <PlanForm schedule={schedule.data} userId={session.user.id} />;
}

