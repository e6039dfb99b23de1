import { Text, View } from '@tarojs/components';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import type { LoginResult } from '../../api';
import { redirectTargetOf } from '../../lib/login-redirect';
import { routes } from '../../services/routes';
import { currentSession, startSession } from '../../services/session';
import { LoginPanel } from './login-panel';
import './index.css';

/** Where to go once logged in: the page a deep link pointed at (issue 7, B7), else the home page. */
function enterApp(redirect: string | undefined) {
  const target = redirectTargetOf(redirect, routes.login) ?? routes.home;
  void Taro.reLaunch({ url: target }).catch(() => Taro.reLaunch({ url: routes.home }));
}

export default function LoginPage() {
  const { params } = useRouter();

  useLoad(() => {
    if (currentSession()) enterApp(params.redirect);
  });

  function enter(result: LoginResult) {
    startSession(result);
    enterApp(params.redirect);
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
      <View className='login__report' id='public-report' hoverClass='login__report--pressed' onClick={() => void Taro.navigateTo({ url: routes.report() })}>
        <Text className='login__report-title'>发现儿童遇到危险？无需登录即可报告</Text>
        <Text className='login__report-go'>去报告 ›</Text>
      </View>
      <LoginPanel onLoggedIn={enter} />
      <Text className='login__privacy'>儿童及家庭信息仅用于关爱保护工作，查看记录均留痕。</Text>
    </View>
  );
}
