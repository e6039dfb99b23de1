import type { Role } from './user.js';

/**
 * A chat with Shouhu (issue 10): on the Official Account (公众号) or the WeCom self-built app (企业微信自建应用).
 */
export type ChatPlatform = 'wechat' | 'wecom';

/** One person in one chat: their OpenID on the Official Account, their UserID in WeCom. */
export interface ChatAddress {
  platform: ChatPlatform;
  chatUserId: string;
}

export const chatPlatforms = ['wechat', 'wecom'] as const satisfies readonly ChatPlatform[];

/** The Official Account is for everyone; WeCom is the staff's workplace app, so guardians are not bound there. */
export function chatPlatformsFor(role: Role): ChatPlatform[] {
  return role === 'guardian' ? ['wechat'] : ['wechat', 'wecom'];
}

/** A bind code as a person types it: spaces and full-width digits forgiven (１２３ ４５６ is 123456). */
export function normaliseBindCode(typed: string): string {
  return typed.normalize('NFKC').replace(/\s/g, '');
}

export const BIND_CODE_PATTERN = /^\d{6}$/;
