import Taro from '@tarojs/taro';

export function watchNetwork(listener: (online: boolean) => void): void {
  Taro.onNetworkStatusChange(({ isConnected }) => listener(isConnected));
  Taro.getNetworkType().then(
    ({ networkType }) => listener(networkType !== 'none'),
    () => undefined,
  );
}
