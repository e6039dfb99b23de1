import { Text, View } from '@tarojs/components';
import { DialButton } from '../../components/dial-button';
import './call-police.css';

/**
 * R17: a child in danger is the police's first (110), and a report cannot take the place of the call: said as soon as
 * "in danger now" is chosen, and again once the report is sent. `id-dial` is the tap that dials.
 */
export function CallPolice({ id, sent }: { id: string; sent: boolean }) {
  return (
    <View className='call-police' id={id}>
      <Text className='call-police__title'>请立即拨打110</Text>
      <Text className='call-police__text'>
        {sent
          ? '报告已送出，但工作人员不一定能马上赶到。孩子正处在危险中，如果还没有报警，请现在拨打110。'
          : '孩子正处在危险中，请先报警。这份报告会送到村（社区）儿童主任，但他们不一定能马上赶到。'}
      </Text>
      <DialButton number='110' label='拨打 110' id={`${id}-dial`} className='call-police__dial' />
    </View>
  );
}
