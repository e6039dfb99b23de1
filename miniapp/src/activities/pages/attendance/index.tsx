import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { ChoiceChips } from '../../../components/choice-chips';
import { FormSection } from '../../../components/form-section';
import { ErrorNotice, LoadingState } from '../../../components/states';
import { SubmitButton } from '../../../components/submit-button';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { api } from '../../../services/api';
import { tellRefusal } from '../../act-on-error';
import '../activities.css';

/** After the activity began, the organizer ticks who came; saving marks it held (R5's count, the month's report). */
export default function AttendancePage() {
  const session = useRequiredSession();
  const id = useRouter().params.id ?? '';
  const load = useCallback(() => api.activity(id), [id]);
  const loaded = useLoadOnShow(session && id ? load : null);
  const [came, setCame] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const activity = loaded.data;

  async function save() {
    if (!activity) return;
    setSending(true);
    try {
      await api.recordAttendance(id, { attended: came, version: activity.version });
      void Taro.showToast({ title: '已登记', icon: 'success' });
      void Taro.navigateBack();
    } catch (error) {
      await tellRefusal(error, '没能登记');
    } finally {
      setSending(false);
    }
  }

  if (!session) return <View className='page' />;
  return (
    <View className='page attendance-page'>
      {loaded.error ? <ErrorNotice error={loaded.error} /> : null}
      {!activity && !loaded.error ? <LoadingState /> : null}
      {activity ? (
        <View>
          <FormSection title={`${activity.title}：到场的人`}>
            {activity.signUps.length === 0 ? <Text className='form-hint'>没有人报名；保存后记为已举办</Text> : null}
            <ChoiceChips
              idPrefix='came'
              choices={activity.signUps.map((signUp) => ({ value: signUp.id, label: signUp.name }))}
              selected={came}
              onToggle={(signUpId) => setCame((now) => (now.includes(signUpId) ? now.filter((other) => other !== signUpId) : [...now, signUpId]))}
            />
          </FormSection>
          <View className='activities-actions'>
            <SubmitButton id='attendance-submit' busy={sending} label={`保存签到（${came.length} 人到场）`} busyLabel='正在保存…' onClick={() => void save()} />
          </View>
        </View>
      ) : null}
    </View>
  );
}
