import { Text, View } from '@tarojs/components';
import { useOnline } from '../hooks/use-online';
import './network-banner.css';

/** Said once at the top while there is no connection, instead of a red error under every list (issue 7, B6). */
export function NetworkBanner({ detail }: { detail: string }) {
  const online = useOnline();
  if (online) return null;
  return (
    <View className='network-banner' id='network-banner'>
      <Text className='network-banner__title'>当前没有网络</Text>
      <Text className='network-banner__detail'>{detail}</Text>
    </View>
  );
}
