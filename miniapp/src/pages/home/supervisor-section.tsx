import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '../../components/cell';
import { ErrorNotice } from '../../components/states';
import { useLoadOnShow } from '../../hooks/use-load-on-show';
import { api } from '../../services/api';
import { routes } from '../../services/routes';

/** How many visits of the town need following up; the lists themselves are in the supervise subpackage. */
async function countAttention(townId: string): Promise<{ disputed: number; unconfirmed: number }> {
  const [disputed, unconfirmed] = await Promise.all([api.attention(townId, 'disputed'), api.attention(townId, 'unconfirmed')]);
  return { disputed: disputed.length, unconfirmed: unconfirmed.length };
}

/** The supervisor's home: disputed and unconfirmed visits of the town (the messages are in the inbox, like everyone's). */
export function SupervisorSection({ townId }: { townId: string }) {
  const attention = useLoadOnShow(() => countAttention(townId));
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
    </View>
  );
}
