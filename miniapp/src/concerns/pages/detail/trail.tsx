import { Text, View } from '@tarojs/components';
import type { ConcernView } from '../../../api';
import { CellGroup } from '../../../components/cell';
import { formatDateTime } from '../../../lib/beijing-time';
import { trailStepText } from '../../../lib/concern-words';

/** 办理经过: every step from the report on, oldest first, with who took it, when, and their note. */
export function ConcernTrail({ concern }: { concern: ConcernView }) {
  const now = new Date();
  return (
    <CellGroup title='办理经过' className='concern-trail'>
      <View id='concern-trail'>
        {concern.trail.map((step, index) => {
          const { who, what, note } = trailStepText(step, concern);
          return (
            <View key={`${step.at}-${index}`} className='trail-step' id={`trail-step-${index}`}>
              <View className='trail-step__dot' />
              <View className='trail-step__body'>
                <Text className='trail-step__what'>{what}</Text>
                <Text className='trail-step__who'>
                  {who} · {formatDateTime(step.at, now)}
                </Text>
                {note ? <Text className='trail-step__note'>{note}</Text> : null}
              </View>
            </View>
          );
        })}
      </View>
    </CellGroup>
  );
}
