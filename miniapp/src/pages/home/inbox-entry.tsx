import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '../../components/cell';
import { useLoadOnShow } from '../../hooks/use-load-on-show';
import { unreadText } from '../../lib/inbox-format';
import { api } from '../../services/api';
import { routes } from '../../services/routes';

/**
 * Every role's way to its inbox (issue 7, B8), with how many messages are unread; counted again each time the home
 * shows (back from the inbox). Without signal the count is left out, the entry still opens.
 */
export function InboxEntry() {
  const unread = useLoadOnShow(() => api.unreadCount());
  const count = unread.data;
  return (
    <CellGroup>
      <Cell
        id='inbox-entry'
        className='inbox-entry'
        title='消息'
        value={
          count === null ? (unread.error ? '' : '…') : (
            <Text id='inbox-unread' className={count > 0 ? 'unread-badge' : 'unread-none'}>
              {unreadText(count)}
            </Text>
          )
        }
        onClick={() => void Taro.navigateTo({ url: routes.inbox })}
      />
    </CellGroup>
  );
}
