import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import type { SafetyDistrictTracker, SafetyTownTracker, SafetyTrackerRow } from '../../../api';
import { Cell, CellGroup } from '../../../components/cell';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { api } from '../../../services/api';
import { routes } from '../../../services/routes';
import '../../safety.css';

const RULE = 'R12（安全教育）：每个村（居）每年至少开展一次防溺水、一次防欺凌教育；每个镇（街道）每季度至少一次讲座或主题活动；学校寒暑假前各一次。';
const groups: { kind: SafetyTrackerRow['kind']; title: string }[] = [
  { kind: 'town', title: '镇（街道）本季度' },
  { kind: 'village', title: '村（居）今年' },
  { kind: 'school', title: '学校下一个假期前' },
];

function itemNote(item: SafetyTrackerRow['items'][number]): string {
  const when = item.sessionDate ? `（${item.sessionDate}）` : '';
  const soon = item.fallingDue ? ' · 临近期限' : '';
  return `${item.period} · ${item.requirementName}${when}${soon}`;
}

function TownView({ tracker }: { tracker: SafetyTownTracker }) {
  return (
    <View>
      <Text className='safety-rule'>{tracker.town.name} · {RULE}</Text>
      {tracker.seasonalHint ? <Text className='safety-hint'>{tracker.seasonalHint}</Text> : null}
      {groups.map(({ kind, title }) => {
        const rows = tracker.rows.filter((row) => row.kind === kind);
        if (rows.length === 0) return null;
        return (
          <CellGroup key={kind} title={title}>
            {rows.flatMap((row) =>
              row.items.map((item) => (
                <Cell
                  key={`${row.id}-${item.requirement}`}
                  id={`tracker-${row.id}-${item.requirement}`}
                  title={row.name}
                  note={itemNote(item)}
                  value={<Text className={`safety-state--${item.state}`}>{item.stateName}</Text>}
                />
              )),
            )}
          </CellGroup>
        );
      })}
    </View>
  );
}

function DistrictView({ tracker }: { tracker: SafetyDistrictTracker }) {
  return (
    <View>
      <Text className='safety-rule'>{tracker.district.name} · {RULE}</Text>
      <CellGroup title='各镇（街道）'>
        {tracker.towns.length === 0 ? <EmptyState text='没有镇（街道）' /> : null}
        {tracker.towns.map((town) => (
          <Cell
            key={town.townId}
            id={`tracker-town-${town.townId}`}
            title={town.name}
            note={`本季度${town.quarterDone ? '已开展' : '尚未开展'} · 村（居）完成 ${town.villagesDone}/${town.villages} · 学校完成 ${town.schoolsDone}/${town.schools}`}
            value={town.fallingDue > 0 ? `${town.fallingDue} 项临近期限` : '正常'}
            onClick={() => void Taro.navigateTo({ url: routes.safetyTracker({ townId: town.townId }) })}
          />
        ))}
      </CellGroup>
    </View>
  );
}

/** R12's tracker: a town's rows (done, planned, still due) or a district's towns, in plain Chinese, R12 named. */
export default function SafetyTrackerPage() {
  const session = useRequiredSession();
  const { params } = useRouter();
  const townId = params.townId ?? '';
  const districtId = params.districtId ?? '';
  const loadTown = useCallback(() => api.townSafetyTracker(townId), [townId]);
  const loadDistrict = useCallback(() => api.districtSafetyTracker(districtId), [districtId]);
  const town = useLoadOnShow(session && townId ? loadTown : null);
  const district = useLoadOnShow(session && !townId && districtId ? loadDistrict : null);
  if (!session) return <View className='page' />;
  if (!townId && !districtId) return <View className='page'><EmptyState text='未指定地区' /></View>;
  const error = town.error ?? district.error;
  return (
    <View className='page safety-tracker' id='safety-tracker-page'>
      {error ? <ErrorNotice error={error} /> : null}
      {!town.data && !district.data && !error ? <LoadingState /> : null}
      {town.data ? <TownView tracker={town.data} /> : null}
      {district.data ? <DistrictView tracker={district.data} /> : null}
    </View>
  );
}
