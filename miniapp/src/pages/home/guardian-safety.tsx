import { View } from '@tarojs/components';
import { Cell, CellGroup } from '../../components/cell';
import { useLoadOnShow } from '../../hooks/use-load-on-show';
import { sessionTitle } from '../../safety/session-words';
import { api } from '../../services/api';

/** R12 for families: the next safety-education sessions of their children's villages and towns; nothing when none. */
export function GuardianSafetySection() {
  const upcoming = useLoadOnShow(() => api.upcomingSafetySessions());
  const items = upcoming.data ?? [];
  if (items.length === 0) return null;
  return (
    <CellGroup title='近期安全教育' className='guardian-safety'>
      <View id='guardian-safety'>
        {items.map((item) => (
          <Cell key={item.id} id={`guardian-safety-${item.id}`} title={sessionTitle(item)} note={`${item.audienceName} · ${item.place}`} />
        ))}
      </View>
    </CellGroup>
  );
}
