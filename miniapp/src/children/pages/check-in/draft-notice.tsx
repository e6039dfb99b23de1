import { Text, View } from '@tarojs/components';

/** The form came back as it was left (issue 7, B5), with a way to start over. */
export function DraftNotice({ onDiscard }: { onDiscard: () => void }) {
  return (
    <View className='draft-notice' id='draft-notice'>
      <Text className='draft-notice__text'>已恢复上次未提交的内容</Text>
      <Text className='link link--warn draft-notice__discard' id='draft-discard' onClick={onDiscard}>
        放弃，重新填写
      </Text>
    </View>
  );
}
