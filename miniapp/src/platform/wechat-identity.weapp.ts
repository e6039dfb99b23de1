import Taro from '@tarojs/taro';
import type { LoginResult } from '../api';
import { api } from '../services/api';

export async function logInWithWechat(): Promise<LoginResult> {
  const { code } = await Taro.login();
  return api.wechatLogin(code);
}
