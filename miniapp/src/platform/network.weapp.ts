import Taro from '@tarojs/taro';

export function onNetworkBack(listener: () => void): void {
  Taro.onNetworkStatusChange(({ isConnected }) => {
    if (isConnected) listener();
  });
}
