import { Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import type { LoginResult } from '../../api';
import { routes } from '../../services/routes';
import { currentSession, startSession } from '../../services/session';
import { LoginPanel } from './login-panel';
import './index.css';

export default function LoginPage() {
  useLoad(() => {
    if (currentSession()) void Taro.reLaunch({ url: routes.home });
  });

  function enter(result: LoginResult) {
    startSession(result);
    void Taro.reLaunch({ url: routes.home });
  }

  return (
    <View className='page login'>
      <View className='login__brand'>
        <View className='login__logo'>
          <Text>守</Text>
        </View>
        <Text className='login__name'>守护</Text>
        <Text className='login__tagline'>困境儿童与农村留守儿童关爱服务</Text>
      </View>
      <LoginPanel onLoggedIn={enter} />
      <Text className='login__privacy'>儿童及家庭信息仅用于关爱保护工作，查看记录均留痕。</Text>
    </View>
  );
}
