import { Text, View } from '@tarojs/components';
import './trail-step.css';

/** One dated step of a trail (a report's, a case's): what happened, who did it and when, and their note. */
export function TrailStepRow({ id, what, who, when, note }: { id: string; what: string; who: string; when: string; note: string | null }) {
  return (
    <View className='trail-step' id={id}>
      <View className='trail-step__dot' />
      <View className='trail-step__body'>
        <Text className='trail-step__what'>{what}</Text>
        <Text className='trail-step__who'>
          {who} · {when}
        </Text>
        {note ? <Text className='trail-step__note'>{note}</Text> : null}
      </View>
    </View>
  );
}
