import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '../../components/cell';
import { routes } from '../../services/routes';

/**
 * R12: the way to the safety-education schedule for those who plan it (a director for their village, a supervisor for
 * their town, a district officer); the supervisor and the officer also go straight to the tracker.
 */
export function SafetySection({ tracker }: { tracker: { townId: string } | { districtId: string } | null }) {
  return (
    <CellGroup title='安全教育'>
      <Cell
        id='entry-safety-schedule'
        title='安全教育安排'
        note='防溺水、防欺凌等“十防”教育：安排、记录开展'
        onClick={() => void Taro.navigateTo({ url: routes.safetySchedule })}
      />
      {tracker ? (
        <Cell
          id='entry-safety-tracker'
          title='安全教育进度（R12）'
          note='各村、镇、学校今年、本季度、假期前尚需开展的'
          onClick={() => void Taro.navigateTo({ url: routes.safetyTracker(tracker) })}
        />
      ) : null}
    </CellGroup>
  );
}
