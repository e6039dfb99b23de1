import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ApiError } from '../api';
import { isPledgeRequired } from '../lib/pledge-words';
import { routes } from '../services/routes';

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

/**
 * The server's Chinese title and detail, as one red notice. R8 (issue 11): a refusal for a missing pledge carries a
 * 去签署承诺书 button, so every page refused for it leads to the pledge.
 */
export function ErrorNotice({ error }: { error: Pick<ApiError, 'title' | 'detail'> & Partial<Pick<ApiError, 'type'>> }) {
  return (
    <View className='error-notice'>
      <Text>{error.title}</Text>
      {error.detail ? <Text className='error-notice__detail'>{error.detail}</Text> : null}
      {isPledgeRequired(error) ? (
        <Button className='button button--primary button--small error-notice__action' id='go-sign-pledge' onClick={() => void Taro.navigateTo({ url: routes.pledge })}>
          去签署承诺书
        </Button>
      ) : null}
    </View>
  );
}
