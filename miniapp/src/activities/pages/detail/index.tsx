import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { ActivityView } from '../../../api';
import { Cell, CellGroup } from '../../../components/cell';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { activityStatusNames, placesText, signUpKindText, whenText } from '../../../lib/activity-words';
import { shanghaiDateOf } from '../../../lib/beijing-time';
import { childCategoryNames, labelOf } from '../../../lib/labels';
import { api } from '../../../services/api';
import { routes } from '../../../services/routes';
import { tellRefusal } from '../../act-on-error';
import '../activities.css';

type Choice = ActivityView['signUpChoices'][number];

/**
 * One activity: when, where, for whom, the places left (满员 when none); the reader's own sign-up (a volunteer's for
 * themself, a guardian's for each child the activity is for) with 报名 / 取消报名; the organizer sees who signed up,
 * and records attendance once it began or cancels it before.
 */
export default function ActivityDetailPage() {
  const session = useRequiredSession();
  const id = useRouter().params.id ?? '';
  const load = useCallback(() => api.activity(id), [id]);
  const loaded = useLoadOnShow(session && id ? load : null);
  const [busy, setBusy] = useState<string | null>(null);
  const activity = loaded.data;

  async function act(key: string, run: () => Promise<ActivityView>, done: string, failed: string) {
    setBusy(key);
    try {
      await run();
      void Taro.showToast({ title: done, icon: 'success' });
    } catch (error) {
      await tellRefusal(error, failed);
    } finally {
      // Places move with others' sign-ups too: what is shown is read again either way.
      loaded.reload();
      setBusy(null);
    }
  }

  const signUp = (choice: Choice) =>
    act(choice.signUpId, () => api.signUpForActivity(id, choice.childId ?? undefined), '已报名', '没能报名');
  const cancelSignUp = async (choice: Choice) => {
    const { confirm } = await Taro.showModal({ title: '取消报名？', content: `取消 ${choice.name} 的报名，名额将让给其他人。` });
    if (confirm) await act(choice.signUpId, () => api.cancelSignUp(id, choice.signUpId), '已取消报名', '没能取消');
  };
  const cancelActivity = async (view: ActivityView) => {
    const { confirm } = await Taro.showModal({ title: '取消这次活动？', content: '已报名的人会在消息中收到通知。' });
    if (confirm) await act('cancel', () => api.cancelActivity(id, view.version), '已取消活动', '没能取消');
  };

  if (!session) return <View className='page' />;
  if (!id) return <View className='page'><EmptyState text='未指定活动' /></View>;
  const full = activity?.status === 'planned' && activity.placesLeft === 0;
  const open = activity?.status === 'planned' && !activity.started;

  return (
    <View className='page activity-page'>
      {loaded.error ? <ErrorNotice error={loaded.error} /> : null}
      {!activity && !loaded.error ? <LoadingState /> : null}
      {activity ? (
        <View>
          <View className='activity-head'>
            <Text className='activity-head__title' id='activity-title'>{activity.title}</Text>
            <Text className='activity-head__line'>时间：{whenText(activity, shanghaiDateOf(new Date()))}</Text>
            <Text className='activity-head__line'>地点：{activity.place}</Text>
            <Text className='activity-head__line'>
              对象：{activity.areaName}的{activity.categories.length > 0 ? activity.categories.map((category) => labelOf(childCategoryNames, category)).join('、') : '儿童'}和家庭
            </Text>
            <Text className='activity-head__line'>组织：{activity.organizerName}</Text>
            <Text className={`activity-places${full ? ' activity-places--full' : ''}`} id='activity-places'>
              {placesText(activity)}
            </Text>
          </View>
          {activity.description ? <Text className='activity-description'>{activity.description}</Text> : null}
          {activity.signUpChoices.length > 0 ? (
            <CellGroup title='报名'>
              {activity.signUpChoices.map((choice) => (
                <Cell
                  key={choice.signUpId}
                  id={`choice-${choice.signUpId}`}
                  title={choice.name}
                  note={choice.signedUp ? '已报名' : undefined}
                  action={
                    !open ? undefined : choice.signedUp ? (
                      <Button className='button button--small button--default' id={`cancel-${choice.signUpId}`} disabled={busy !== null || undefined} onClick={() => void cancelSignUp(choice)}>
                        取消报名
                      </Button>
                    ) : (
                      <Button
                        className='button button--small button--primary'
                        id={`sign-up-${choice.signUpId}`}
                        disabled={busy !== null || full || undefined}
                        onClick={() => void signUp(choice)}
                      >
                        {full ? '满员' : busy === choice.signUpId ? '报名中…' : '报名'}
                      </Button>
                    )
                  }
                />
              ))}
            </CellGroup>
          ) : null}
          {activity.canManage ? (
            <View>
              <CellGroup title={`报名名单（${activity.signUps.length} 人）`}>
                <View id='sign-up-list'>
                  {activity.signUps.length === 0 ? <Cell title='暂无报名' /> : null}
                  {activity.signUps.map((signUp) => (
                    <Cell
                      key={signUp.id}
                      id={`signed-${signUp.id}`}
                      title={signUp.name}
                      note={signUpKindText(signUp.kind)}
                      value={activity.status === 'held' ? (signUp.attended ? '已到场' : '未到场') : undefined}
                    />
                  ))}
                </View>
              </CellGroup>
              <View className='activities-actions'>
                {activity.status === 'planned' && activity.started ? (
                  <Button className='button button--primary' id='open-attendance' onClick={() => void Taro.navigateTo({ url: routes.activityAttendance(id) })}>
                    登记签到
                  </Button>
                ) : null}
                {open ? (
                  <Button className='button button--warn' id='cancel-activity' disabled={busy !== null || undefined} onClick={() => void cancelActivity(activity)}>
                    取消活动
                  </Button>
                ) : null}
                {activity.status !== 'planned' ? <Text className='form-hint'>{activityStatusNames[activity.status]}</Text> : null}
              </View>
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
