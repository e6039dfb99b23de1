import { Text, View } from '@tarojs/components';
import './written-text.css';

/** What someone wrote, under its label: as text (markup is shown, never run), line breaks kept, long runs wrapped. */
export function WrittenText({ label, text, id }: { label: string; text: string; id?: string }) {
  return (
    <View className='written-text'>
      <Text className='written-text__label'>{label}</Text>
      <Text className='written-text__body' id={id}>
        {text}
      </Text>
    </View>
  );
}
