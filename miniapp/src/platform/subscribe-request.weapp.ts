import Taro from '@tarojs/taro';

/**
 * Must run inside a tap handler: WeChat shows the question only in answer to the user's own tap. Taro's type also
 * requires Alipay's `entityIds`, which WeChat does not take, hence the cast.
 */
export function requestSubscribe(templateIds: string[]): Promise<Record<string, unknown> | null> {
  return Taro.requestSubscribeMessage({ tmplIds: templateIds } as Taro.requestSubscribeMessage.Option).then(
    (answer) => answer as unknown as Record<string, unknown>,
    () => null,
  );
}

export const canRequestSubscribe = true;
