import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback } from 'react';
import { Cell, CellGroup } from '../../../components/cell';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { placesText, whenText } from '../../../lib/activity-words';
import { shanghaiDateOf } from '../../../lib/beijing-time';
import { api } from '../../../services/api';
import { routes } from '../../../services/routes';
import '../activities.css';

/**
 * R5's group activities as each role sees them: a volunteer the organization's open ones, a guardian those for their
 * children's area, the organization's admin and social workers all of the year's, with 新建.
 */
export default function ActivityListPage() {
  const session = useRequiredSession();
  const load = useCallback(() => api.activities(), []);
  const list = useLoadOnShow(session ? load : null);
  const today = shanghaiDateOf(new Date());
  if (!session) return <View className='page' />;
  const items = list.data?.items ?? [];
  return (
    <View className='page activities-page'>
      {list.error ? <ErrorNotice error={list.error} /> : null}
      {!list.data && !list.error ? <LoadingState /> : null}
      {list.data?.canPlan ? (
        <View className='activities-actions'>
          <Button className='button button--primary' id='plan-activity' onClick={() => void Taro.navigateTo({ url: routes.planActivity })}>
            新建活动
          </Button>
        </View>
      ) : null}
      {list.data && items.length === 0 ? <EmptyState text='暂无活动' detail='机构发布活动后会显示在这里' /> : null}
      {items.length > 0 ? (
        <CellGroup title={list.data?.canPlan ? '本机构今年的活动' : '可报名的活动'}>
          <View id='activity-list'>
            {items.map((activity) => (
              <Cell
                key={activity.id}
                id={`activity-${activity.id}`}
                className='activity-row'
                title={activity.title}
                note={`${whenText(activity, today)} · ${activity.place} · ${activity.areaName}`}
                value={placesText(activity)}
                onClick={() => void Taro.navigateTo({ url: routes.activity(activity.id) })}
              />
            ))}
          </View>
        </CellGroup>
      ) : null}
    </View>
  );
}
