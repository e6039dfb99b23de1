import type { ChatPlatform } from '../api/chat-binding-types';
import { shanghaiDateOf, shanghaiTimeOf } from './beijing-time';

/** Issue 10, part 3: what the bind page says. Plain module, no Taro: tested in node. */
export const chatPlatformNames: Record<ChatPlatform, string> = { wechat: '公众号', wecom: '企业微信' };

/** Where the code is sent: the Official Account's chat, or the WeCom app's. */
export const chatPlatformWhere: Record<ChatPlatform, string> = { wechat: '在公众号对话框发送', wecom: '在企业微信“守护”应用中发送' };

/** The 公众号 for everyone, 企业微信 for the staff: the same rule the API applies. */
export { chatPlatformsFor } from '../../../functions/src/domain/chat';

/** 已绑定，11月30日绑定 */
export function boundText(boundAt: string): string {
  const [, m, d] = shanghaiDateOf(new Date(boundAt)).split('-').map(Number);
  return `已绑定，${m}月${d}日绑定`;
}

/** 有效期至 18:20 while the code lives; after that the user is asked for a new one. */
export function codeValidityText(expiresAt: string, now: Date): string {
  const end = new Date(expiresAt);
  return end.getTime() > now.getTime() ? `有效期至 ${shanghaiTimeOf(end)}` : '已过期，请重新获取';
}

export function bindMessage(code: string): string {
  return `绑定 ${code}`;
}
