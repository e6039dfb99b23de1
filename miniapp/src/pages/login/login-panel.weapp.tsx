import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { asApiError, registrationTicketOf, type ApiError, type LoginResult } from '../../api';
import { ErrorNotice } from '../../components/states';
import { logInWithWechat } from '../../platform/wechat-identity';
import { continueRegistration } from '../../services/volunteer-registration';

/** In WeChat: wx.login gives a one-time code, the server exchanges it for the account bound to this WeChat user. */
export function LoginPanel({ onLoggedIn }: { onLoggedIn: (result: LoginResult) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Pick<ApiError, 'title' | 'detail'> | null>(null);

  async function logIn() {
    if (busy) return;
    if (!process.env.TARO_APP_API_BASE) {
      setError({ title: '尚未配置服务器地址', detail: '构建时请设置 TARO_APP_API_BASE' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onLoggedIn(await logInWithWechat());
    } catch (e) {
      // Issue 11 part 2: a WeChat user without an account may apply as a volunteer with the ticket of this answer.
      const ticket = registrationTicketOf(e);
      if (ticket) continueRegistration(ticket);
      else setError(asApiError(e, '微信登录失败，请重试'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className='login-wechat'>
      {error ? <ErrorNotice error={error} /> : null}
      <Button className='button button--primary login-wechat__button' loading={busy} onClick={() => void logIn()}>
        微信一键登录
      </Button>
      <Text className='login-wechat__hint'>工作人员使用已开通的账号登录；志愿者首次登录后可申请注册</Text>
    </View>
  );
}
