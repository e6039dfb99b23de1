import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '../../components/cell';
import { ErrorNotice } from '../../components/states';
import { Tag } from '../../components/tag';
import { useLoadOnShow } from '../../hooks/use-load-on-show';
import { api } from '../../services/api';
import { routes } from '../../services/routes';
import './concern-section.css';

const go = (url: string) => () => void Taro.navigateTo({ url });

/**
 * Issue 8 on the home page: for the handlers, the reports waiting in their area (open, and urgent among them) one tap
 * from the queue; for everyone, a report to make and the reports they made. Loaded again each time the home shows.
 */
export function ConcernSection({ handler }: { handler: boolean }) {
  const { data, error } = useLoadOnShow(() => api.listConcerns());
  const counts = data?.counts;
  return (
    <View>
      {handler && counts && counts.urgent > 0 ? (
        <View className='urgent-concerns' id='urgent-concerns' onClick={go(routes.concernQueue)} hoverClass='urgent-concerns--pressed'>
          <Text className='urgent-concerns__text'>有 {counts.urgent} 件紧急报告还没有办结</Text>
          <Text className='urgent-concerns__go'>立即查看 ›</Text>
        </View>
      ) : null}
      <CellGroup title='儿童安全报告' className='concern-entries'>
        {error ? <ErrorNotice error={error} /> : null}
        {handler ? (
          <Cell
            id='entry-concern-queue'
            title='待办报告'
            note='本辖区收到的报告，紧急的在前'
            value={
              counts ? (
                <Text>
                  <Text id='home-concern-open'>{counts.open}</Text> 件
                </Text>
              ) : (
                '…'
              )
            }
            onClick={go(routes.concernQueue)}
          >
            {counts && counts.urgent > 0 ? (
              <View className='tags'>
                <Tag tone='red' className='home-concern-urgent'>
                  紧急 <Text id='home-concern-urgent'>{counts.urgent}</Text> 件
                </Tag>
              </View>
            ) : null}
          </Cell>
        ) : null}
        <Cell id='entry-report' title='报告儿童遇到的危险' note='发现孩子被打骂、无人照看、有危险时报告' onClick={go(routes.report())} />
        <Cell
          id='entry-my-concerns'
          title='我的报告'
          value={data ? `${data.mine.length} 件` : '…'}
          onClick={go(routes.myConcerns)}
        />
      </CellGroup>
    </View>
  );
}
