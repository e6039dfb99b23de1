import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '../../components/cell';
import { EmptyState, ErrorNotice, LoadingState } from '../../components/states';
import { Tag } from '../../components/tag';
import { useLoadOnShow } from '../../hooks/use-load-on-show';
import { shanghaiDateOf } from '../../lib/beijing-time';
import { formatDate } from '../../lib/format';
import { describeDue, obligationKindText, sortByUrgency } from '../../lib/visit-format';
import { api } from '../../services/api';
import { routes } from '../../services/routes';

/** The worker's schedule: what is overdue or due in the next 14 days, most urgent first, each with its rule. */
export function DueSection() {
  const { data, error } = useLoadOnShow(() => api.myObligations());
  const today = shanghaiDateOf(new Date());
  return (
    <CellGroup title={data ? `待办走访（${data.length}）` : '待办走访'} className='due-list'>
      <View id='due-list'>
        {error ? <ErrorNotice error={error} /> : null}
        {data === null && !error ? <LoadingState /> : null}
        {data?.length === 0 ? <EmptyState text='近 14 天没有到期的走访' /> : null}
        {sortByUrgency(data ?? []).map((item) => {
          const due = describeDue(item, today);
          return (
            <Cell
              key={`${item.childId}-${item.kind}-${item.performer}`}
              id={`due-${item.childId}-${item.kind}`}
              className={`due-item due-item--${due.urgency}`}
              title={`${item.childName} · ${item.villageName}`}
              note={item.reason}
              value={<Text className={`due-value due-value--${due.urgency}`}>{due.text}</Text>}
              onClick={() => void Taro.navigateTo({ url: routes.checkIn(item.childId, item.kind) })}
            >
              <View className='tags'>
                <Tag tone='neutral' className='due-kind'>
                  {obligationKindText(item)}
                </Tag>
                <Tag tone='grey'>应于{formatDate(item.dueDate)}</Tag>
              </View>
            </Cell>
          );
        })}
      </View>
    </CellGroup>
  );
}
