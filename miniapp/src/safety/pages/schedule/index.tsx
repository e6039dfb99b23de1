import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '../../../components/cell';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { api } from '../../../services/api';
import { routes } from '../../../services/routes';
import { sessionNote, sessionTitle } from '../../session-words';
import '../../safety.css';

/**
 * R12's schedule of the reader's area (a director's village, a supervisor's town, a district): what is planned, what
 * was held and what was cancelled this year; a planned session opens its record (held, with attendance and photos).
 */
export default function SafetySchedulePage() {
  const session = useRequiredSession();
  const schedule = useLoadOnShow(session ? () => api.safetySchedule() : null);
  const view = schedule.data;
  if (!session) return <View className='page' />;
  const role = session.user.role;
  const trackerArea = view
    ? role === 'districtOfficer'
      ? { districtId: view.districtId }
      : view.towns.length === 1
        ? { townId: view.towns[0].id }
        : null
    : null;

  const planned = view?.sessions.filter((s) => s.status === 'planned').sort((a, b) => a.date.localeCompare(b.date)) ?? [];
  const past = view?.sessions.filter((s) => s.status !== 'planned') ?? [];
  return (
    <View className='page safety-page'>
      {schedule.error ? <ErrorNotice error={schedule.error} /> : null}
      {!view && !schedule.error ? <LoadingState /> : null}
      {view ? (
        <View>
          {view.seasonalHint ? <Text className='safety-hint' id='safety-season-hint'>{view.seasonalHint}</Text> : null}
          <View className='safety-actions'>
            <Button className='button button--primary' id='safety-plan' onClick={() => void Taro.navigateTo({ url: routes.safetyPlan })}>
              安排活动
            </Button>
            {trackerArea ? (
              <Button className='button button--default' id='safety-tracker' onClick={() => void Taro.navigateTo({ url: routes.safetyTracker(trackerArea) })}>
                R12 进度
              </Button>
            ) : null}
          </View>
          <CellGroup title='已计划'>
            <View id='safety-planned'>
              {planned.length === 0 ? <EmptyState text='暂无已计划的安全教育' /> : null}
              {planned.map((s) => (
                <Cell
                  key={s.id}
                  id={`safety-session-${s.id}`}
                  title={sessionTitle(s)}
                  note={sessionNote(s)}
                  value={s.statusName}
                  // A director reads the town's own sessions but records only their village's.
                  onClick={view.villageId === null || s.audience.id === view.villageId ? () => void Taro.navigateTo({ url: routes.safetyHold(s.id) }) : undefined}
                />
              ))}
            </View>
          </CellGroup>
          <CellGroup title='已开展与已取消'>
            <View id='safety-past'>
              {past.length === 0 ? <EmptyState text='今年还没有记录' /> : null}
              {past.map((s) => (
                <Cell key={s.id} id={`safety-session-${s.id}`} title={sessionTitle(s)} note={sessionNote(s)} value={s.statusName} />
              ))}
            </View>
          </CellGroup>
        </View>
      ) : null}
    </View>
  );
}
