import { Input, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { ChoiceChips, choicesOf } from '../../../components/choice-chips';
import { childCategoryNames } from '../../../lib/labels';
import { DraftNotice } from '../../../components/draft-notice';
import { FormSection, TextField } from '../../../components/form-section';
import { ErrorNotice } from '../../../components/states';
import { SubmitButton } from '../../../components/submit-button';
import { useFormDraft } from '../../../hooks/use-form-draft';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { activityFormErrors, emptyActivityForm, planInputOf, type ActivityForm, type ActivityFormErrors } from '../../../lib/activity-words';
import { dateAfterDays, shanghaiDateOf } from '../../../lib/beijing-time';
import { formatDate } from '../../../lib/format';
import { api } from '../../../services/api';
import { activityDrafts } from '../../../services/activity-drafts';
import { routes } from '../../../services/routes';
import { tellRefusal } from '../../act-on-error';
import '../activities.css';

const DESCRIPTION_MAX = 500;

/**
 * The organizer plans an activity (R5): name, date and time (Beijing), place, places, and the town or village whose
 * children it is for. What is typed is kept on the phone until it is sent (useFormDraft).
 */
export default function PlanActivityPage() {
  const session = useRequiredSession();
  const today = shanghaiDateOf(new Date());
  // A week ahead by default: families need time to sign up.
  const draft = useFormDraft(activityDrafts, session?.user.id ?? '', 'new', () => emptyActivityForm(dateAfterDays(today, 7)));
  const { form, edit } = draft;
  const loadAreas = useCallback(() => api.activityAreas(), []);
  const areas = useLoadOnShow(session ? loadAreas : null);
  const [errors, setErrors] = useState<ActivityFormErrors>({});
  const [sending, setSending] = useState(false);
  const change = (field: keyof ActivityForm) => (value: string) => edit((typed) => ({ ...typed, [field]: value }));

  async function submit() {
    const found = activityFormErrors(form, today);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSending(true);
    try {
      const planned = await api.planActivity(planInputOf(form));
      draft.done();
      void Taro.redirectTo({ url: routes.activity(planned.id) });
    } catch (error) {
      await tellRefusal(error, '没能发布');
    } finally {
      setSending(false);
    }
  }

  if (!session) return <View className='page' />;
  const choices = areas.data ?? [];
  const towns = choices.filter((area) => area.level === 'town');
  const chosen = choices.find((area) => area.id === form.areaId);
  const chosenTown = chosen ? towns.find((town) => town.name === chosen.townName) : undefined;
  const villagesOf = (townName: string) => choices.filter((area) => area.level === 'village' && area.townName === townName);

  return (
    <View className='page plan-page'>
      {draft.restoredFrom ? <DraftNotice savedAt={draft.restoredFrom} onDiscard={() => draft.discard()} /> : null}
      {areas.error ? <ErrorNotice error={areas.error} /> : null}
      <FormSection title='活动名称' error={errors.title}>
        <Input className='form-input' id='plan-title' value={form.title} maxlength={40} placeholder='如：暑期防溺水亲子活动' onInput={(e) => change('title')(e.detail.value)} />
      </FormSection>
      <FormSection title='时间' error={errors.date}>
        <View className='plan-choice-row'>
          <Picker mode='date' value={form.date} start={today} onChange={(e) => change('date')(String(e.detail.value))}>
            <View className='plan-choice' id='plan-date'>{formatDate(form.date)}</View>
          </Picker>
          <Picker mode='time' value={form.time} onChange={(e) => change('time')(String(e.detail.value))}>
            <View className='plan-choice' id='plan-time'>{form.time}</View>
          </Picker>
        </View>
      </FormSection>
      <FormSection title='地点' error={errors.place}>
        <Input className='form-input' id='plan-place' value={form.place} maxlength={60} placeholder='活动举办的地点' onInput={(e) => change('place')(e.detail.value)} />
      </FormSection>
      <FormSection title='名额' error={errors.capacity}>
        <Input className='form-input' id='plan-capacity' type='number' value={form.capacity} maxlength={2} onInput={(e) => change('capacity')(e.detail.value)} />
      </FormSection>
      <FormSection title='活动对象' error={errors.areaId}>
        <ChoiceChips idPrefix='plan-town' choices={towns.map((town) => ({ value: town.id, label: town.name }))} selected={chosenTown ? [chosenTown.id] : []} onToggle={change('areaId')} />
        {chosenTown ? (
          <ChoiceChips
            idPrefix='plan-village'
            choices={[{ value: chosenTown.id, label: '全镇' }, ...villagesOf(chosenTown.name).map((village) => ({ value: village.id, label: village.name }))]}
            selected={[form.areaId]}
            onToggle={change('areaId')}
          />
        ) : null}
        <Text className='form-hint'>所选镇村的儿童家庭可以看到并报名</Text>
      </FormSection>
      <FormSection title='儿童类别（选填）'>
        <ChoiceChips
          idPrefix='plan-category'
          choices={choicesOf(childCategoryNames)}
          selected={form.categories as (keyof typeof childCategoryNames)[]}
          onToggle={(category) =>
            edit((typed) => ({ ...typed, categories: typed.categories.includes(category) ? typed.categories.filter((other) => other !== category) : [...typed.categories, category] }))
          }
        />
        <Text className='form-hint'>不选则面向所选镇村的全部儿童</Text>
      </FormSection>
      <FormSection title='活动介绍'>
        <TextField id='plan-description' value={form.description} limit={DESCRIPTION_MAX} placeholder='活动内容、注意事项（选填）' onChange={change('description')} />
      </FormSection>
      <View className='activities-actions'>
        <SubmitButton id='plan-submit' busy={sending} label='发布活动' busyLabel='正在发布…' onClick={() => void submit()} />
      </View>
    </View>
  );
}
