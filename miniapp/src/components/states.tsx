import { Text, View } from '@tarojs/components';
import type { ApiError } from '../api';

export function LoadingState({ text = '加载中…' }: { text?: string }) {
  return (
    <View className='state state--loading'>
      <Text className='state__text'>{text}</Text>
    </View>
  );
}

export function EmptyState({ text, detail }: { text: string; detail?: string }) {
  return (
    <View className='state state--empty'>
      <Text className='state__text'>{text}</Text>
      {detail ? <Text className='state__detail'>{detail}</Text> : null}
    </View>
  );
}

/** The server's Chinese title and detail, as one red notice. */
export function ErrorNotice({ error }: { error: Pick<ApiError, 'title' | 'detail'> }) {
  return (
    <View className='error-notice'>
      <Text>{error.title}</Text>
      {error.detail ? <Text className='error-notice__detail'>{error.detail}</Text> : null}
    </View>
  );
}
