import { Progress, Text, View } from '@tarojs/components';
import type { PolicyRefreshView } from '../../../api';
import { refreshPercent, refreshProgressText } from '../../../lib/policy-refresh-words';

/**
 * After a save the district's children are recomputed by a job (issue 9, part 2): the bar shows how far it has come,
 * and that the children not yet reached still follow the rules before.
 */
export function RefreshProgress({ refresh }: { refresh: PolicyRefreshView }) {
  const done = refresh.status === 'done';
  return (
    <View className={`refresh-progress${done ? ' refresh-progress--done' : ''}`} id='refresh-progress'>
      <Text className='refresh-progress__text' id='refresh-progress-text'>
        {done ? '✓ ' : ''}
        {refreshProgressText(refresh)}
      </Text>
      <Progress
        className='refresh-progress__bar'
        percent={refreshPercent(refresh)}
        strokeWidth={6}
        borderRadius={3}
        activeColor='#07c160'
        backgroundColor='#ebedf0'
        active={!done}
        activeMode='forwards'
      />
      {done ? null : <Text className='refresh-progress__note'>完成前，尚未重算的儿童仍按原规则提醒</Text>}
    </View>
  );
}
