import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { routes } from '../../../services/routes';

/** Issue 8 (R11 "report at once", R17): a report about this child, the child already picked. */
export function ReportChildLink({ childId }: { childId: string }) {
  return (
    <View
      className='report-child-link'
      id='report-child'
      hoverClass='report-child-link--pressed'
      onClick={() => void Taro.navigateTo({ url: routes.report(childId) })}
    >
      <Text className='report-child-link__text'>发现这个孩子有危险或无人照看？</Text>
      <Text className='report-child-link__go'>报告 ›</Text>
    </View>
  );
}
