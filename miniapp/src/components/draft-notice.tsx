import { Text, View } from '@tarojs/components';
import { formatDateTime } from '../lib/beijing-time';
import './draft-notice.css';

/**
 * A form came back as it was left (issue 7, B5), with a way to start over. When it was left is said too: a draft
 * of last week's visit (or report) must not pass for today's.
 */
export function DraftNotice({ savedAt, onDiscard }: { savedAt: string; onDiscard: () => void }) {
  return (
    <View className='draft-notice' id='draft-notice'>
      <View className='draft-notice__body'>
        <Text className='draft-notice__text'>已恢复上次未提交的内容</Text>
        <Text className='draft-notice__when'>{formatDateTime(savedAt, new Date())} 填写</Text>
      </View>
      <Text className='link link--warn draft-notice__discard' id='draft-discard' onClick={onDiscard}>
        放弃，重新填写
      </Text>
    </View>
  );
}
