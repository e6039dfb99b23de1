/**
 * A chat with Shouhu (issue 10): on the Official Account (公众号) or the WeCom self-built app (企业微信自建应用).
 */
export type ChatPlatform = 'wechat' | 'wecom';

/** One person in one chat: their OpenID on the Official Account, their UserID in WeCom. */
export interface ChatAddress {
  platform: ChatPlatform;
  chatUserId: string;
}
