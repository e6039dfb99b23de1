import type { ChatAddress, ChatPlatform } from '../domain/chat.js';
import { createAccessTokenSource, createWecomAccessTokenSource, type AccessTokenSource } from './wechat-access-token.js';
import { postWechatJson, WECHAT_ERRCODE, WechatApiError, type PostJsonOptions } from './wechat-api.js';
import { truncateUtf8 } from './wecom-robot.js';

/**
 * A text to a chat user outside a callback's answer (issue 10, part 5): the Official Account's customer-service message
 * (`POST /cgi-bin/message/custom/send`, allowed 5 times within 48 hours after the user last wrote, so only for the
 * answer to what they just sent) and WeCom's application message (`POST /cgi-bin/message/send`, any time). Both use the
 * app's access token in the URL; a rejected token is replaced once and the send tried again.
 */
export interface ChatPushPlatform {
  platform: ChatPlatform;
  /** The Official Account's AppID or the WeCom CorpID. */
  receiverId: string;
  /** The AppSecret / the WeCom app's Secret; null: this platform cannot send outside a callback. */
  secret: string | null;
  agentId: string | null;
  apiBase: string;
}

export type ChatPushOutcome = 'sent' | 'notConfigured' | 'failed';

export interface ChatPush {
  /** Whether a send to this platform would be tried at all. */
  canSend(platform: ChatPlatform): boolean;
  send(address: ChatAddress, text: string): Promise<ChatPushOutcome>;
  /** The platform's token source and base URL, for other sends of the same app (the digest's template message). */
  apiOf(platform: ChatPlatform): { tokens: AccessTokenSource; apiBase: string; agentId: string | null } | null;
}

/** WeChat's limit on a text message's content, in UTF-8 bytes. */
const TEXT_BYTES = 2048;

const rejectedToken = (error: unknown) =>
  error instanceof WechatApiError && error.kind === 'errcode' && (error.errcode === WECHAT_ERRCODE.invalidToken || error.errcode === WECHAT_ERRCODE.expiredToken);

/** POSTs with the app's token, replacing a rejected token once. */
export async function postWithToken(tokens: AccessTokenSource, apiBase: string, path: string, body: unknown, options: PostJsonOptions = {}): Promise<void> {
  const post = (token: string) => {
    const url = new URL(path, apiBase);
    url.searchParams.set('access_token', token);
    return postWechatJson(url, body, options);
  };
  const token = await tokens.current();
  try {
    await post(token);
  } catch (error) {
    if (!rejectedToken(error)) throw error;
    await post(await tokens.replaceRejected(token));
  }
}

/** The send API's path and body for a text to one chat user: a customer-service message, or a WeCom application message. */
export function textMessageRequest(address: ChatAddress, text: string, agentId: string | null): { path: string; body: unknown } {
  const content = truncateUtf8(text, TEXT_BYTES);
  return address.platform === 'wechat'
    ? { path: '/cgi-bin/message/custom/send', body: { touser: address.chatUserId, msgtype: 'text', text: { content } } }
    : { path: '/cgi-bin/message/send', body: { touser: address.chatUserId, msgtype: 'text', agentid: Number(agentId), text: { content } } };
}

export function createChatPush(platforms: readonly ChatPushPlatform[], options: PostJsonOptions = {}): ChatPush {
  const apis = new Map(
    platforms.flatMap((p) => {
      if (p.secret === null) return [];
      const tokens =
        p.platform === 'wechat'
          ? createAccessTokenSource({ appId: p.receiverId, appSecret: p.secret, baseUrl: p.apiBase, ...options })
          : createWecomAccessTokenSource({ corpId: p.receiverId, secret: p.secret, baseUrl: p.apiBase, ...options });
      return [[p.platform, { tokens, apiBase: p.apiBase, agentId: p.agentId }] as const];
    }),
  );
  return {
    canSend: (platform) => apis.has(platform),
    apiOf: (platform) => apis.get(platform) ?? null,
    async send(address, text) {
      const api = apis.get(address.platform);
      if (api === undefined) return 'notConfigured';
      const { path, body } = textMessageRequest(address, text, api.agentId);
      try {
        await postWithToken(api.tokens, api.apiBase, path, body, options);
        return 'sent';
      } catch (error) {
        if (error instanceof WechatApiError) return 'failed';
        throw error;
      }
    },
  };
}
