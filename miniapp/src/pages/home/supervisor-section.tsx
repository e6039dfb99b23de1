import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { InboxItem } from '../../api';
import { Cell, CellGroup } from '../../components/cell';
import { EmptyState, ErrorNotice } from '../../components/states';
import { useLoadOnShow } from '../../hooks/use-load-on-show';
import { formatDateTime } from '../../lib/beijing-time';
import { api } from '../../services/api';
import { routes } from '../../services/routes';

/** How many visits of the town need following up; the lists themselves are in the supervise subpackage. */
async function countAttention(townId: string): Promise<{ disputed: number; unconfirmed: number }> {
  const [disputed, unconfirmed] = await Promise.all([api.attention(townId, 'disputed'), api.attention(townId, 'unconfirmed')]);
  return { disputed: disputed.length, unconfirmed: unconfirmed.length };
}

async function openNotice(item: InboxItem) {
  // Read or not, the visit's page is what the supervisor came for (a dispute is settled there); marking is best effort.
  if (item.readAt === null) await api.markInboxRead(item.id).catch(() => undefined);
  void Taro.navigateTo({ url: routes.visit(item.childId, item.visitId) });
}

/** The supervisor's home: disputed and unconfirmed visits of the town, and notices (a dispute writes one). */
export function SupervisorSection({ townId }: { townId: string }) {
  const attention = useLoadOnShow(() => countAttention(townId));
  const inbox = useLoadOnShow(() => api.inbox());
  const now = new Date();
  const counts = attention.data;
  return (
    <View>
      <CellGroup title='需跟进的走访' className='attention'>
        {attention.error ? <ErrorNotice error={attention.error} /> : null}
        <Cell
          id='attention-disputed'
          title='监护人有异议'
          value={counts ? `${counts.disputed} 条` : '…'}
          onClick={() => void Taro.navigateTo({ url: routes.attention('disputed') })}
        />
        <Cell
          id='attention-unconfirmed'
          title='超期未确认'
          value={counts ? `${counts.unconfirmed} 条` : '…'}
          onClick={() => void Taro.navigateTo({ url: routes.attention('unconfirmed') })}
        />
      </CellGroup>
      <CellGroup title='消息' className='inbox'>
        <View id='inbox'>
          {inbox.error ? <ErrorNotice error={inbox.error} /> : null}
          {inbox.data?.length === 0 ? <EmptyState text='暂无消息' /> : null}
          {inbox.data?.map((item) => (
            <Cell
              key={item.id}
              id={`inbox-${item.id}`}
              className={`inbox-item${item.readAt === null ? ' inbox-item--unread' : ''}`}
              title={item.text}
              note={formatDateTime(item.at, now)}
              onClick={() => void openNotice(item)}
            />
          ))}
        </View>
      </CellGroup>
    </View>
  );
}
