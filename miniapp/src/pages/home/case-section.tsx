import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '../../components/cell';
import { ErrorNotice } from '../../components/states';
import { Tag } from '../../components/tag';
import { useLoadOnShow } from '../../hooks/use-load-on-show';
import { caseCountTags } from '../../lib/escalation-words';
import { api } from '../../services/api';
import { routes } from '../../services/routes';

const tagIds = { urgent: 'home-case-urgent', overdue: 'home-case-overdue', overdueBelow: 'home-case-overdue-below' } as const;

/**
 * Issue 8, R6 on the home page of the supervisor and the district's and the city's officers: the difficult cases
 * their level has not resolved, with the urgent and overdue ones (and the level below's overdue ones) in red, one tap
 * from the queue. Loaded again each time the home shows.
 */
export function CaseSection() {
  const { data, error } = useLoadOnShow(() => api.listEscalations());
  const counts = data?.counts;
  const open = () => void Taro.navigateTo({ url: routes.escalationQueue });
  return (
    <CellGroup title='疑难个案' className='case-entries'>
      {error ? <ErrorNotice error={error} /> : null}
      <Cell
        id='entry-case-queue'
        title='本级待办个案'
        note='未解决的疑难个案，紧急的、快到期的在前'
        value={
          counts ? (
            <Text>
              <Text id='home-case-open'>{counts.open}</Text> 件
            </Text>
          ) : (
            '…'
          )
        }
        onClick={open}
      >
        {data ? (
          <View className='tags'>
            {caseCountTags(data.counts, data.level).map((tag) => (
              <Tag key={tag.key} tone='red'>
                {tag.label} <Text id={tagIds[tag.key]}>{tag.count}</Text> 件
              </Tag>
            ))}
          </View>
        ) : null}
      </Cell>
    </CellGroup>
  );
}
