import { ApiError, type LoginResult } from '../api';
import { api } from '../services/api';
import { devWechatIdentity } from '../services/dev-wechat-identity';

export async function logInWithWechat(): Promise<LoginResult> {
  const openId = devWechatIdentity.load();
  if (openId === null) throw new ApiError({ type: 'about:blank', title: '此浏览器没有注册过志愿者', status: 0, detail: '请在登录页点“我是新志愿者，注册”' });
  return api.devWechatLogin(openId);
}
