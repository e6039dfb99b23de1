import { randomBytes } from 'node:crypto';
import { buildCallbackXml, parseCallbackXml } from '../../functions/src/chat/protocol/callback-xml.js';
import { createMessageCipher } from '../../functions/src/chat/protocol/message-cipher.js';
import { callbackSignature } from '../../functions/src/chat/protocol/signature.js';
import type { ChatPlatform } from '../../functions/src/domain/chat.js';

/**
 * Plays WeChat's side of a chat callback in safe mode (安全模式): encrypts a user's message for the callback URL as
 * the Official Account or WeCom would, and opens the encrypted passive reply. Built on the protocol module, which is
 * itself checked against the platforms' published sample values (tests/chat/protocol).
 */
export interface ChatTestCredentials {
  platform: ChatPlatform;
  token: string;
  encodingAesKey: string;
  receiverId: string;
}

/** Test-only values, the same shape as the real ones (43-character key); never used outside tests. */
export const TEST_CHAT_ENV = {
  WECHAT_OA_TOKEN: 'shouhuTestToken',
  WECHAT_OA_AES_KEY: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  WECHAT_OA_APP_ID: 'wxshouhutest0000001',
  WECOM_TOKEN: 'shouhuWecomToken',
  WECOM_AES_KEY: 'ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut',
  WECOM_CORP_ID: 'wwshouhutest000001',
  WECOM_AGENT_ID: '1000002',
} as const;

export const TEST_CHAT_CREDENTIALS: Record<ChatPlatform, ChatTestCredentials> = {
  wechat: { platform: 'wechat', token: TEST_CHAT_ENV.WECHAT_OA_TOKEN, encodingAesKey: TEST_CHAT_ENV.WECHAT_OA_AES_KEY, receiverId: TEST_CHAT_ENV.WECHAT_OA_APP_ID },
  wecom: { platform: 'wecom', token: TEST_CHAT_ENV.WECOM_TOKEN, encodingAesKey: TEST_CHAT_ENV.WECOM_AES_KEY, receiverId: TEST_CHAT_ENV.WECOM_CORP_ID },
};

export interface UserMessage {
  from: string;
  content?: string;
  /** An event instead of a text (subscribe, enter_agent). */
  event?: string;
  msgId?: string;
  createTime?: number;
}

export interface SealedCallback {
  /** Path and query, e.g. `/chat/wechat?msg_signature=…`. */
  path: string;
  body: string;
}

let serial = 0;

/** The inner XML of a user's message as the platform writes it. */
export function messageXml(credentials: ChatTestCredentials, message: UserMessage, now: Date): string {
  const createTime = message.createTime ?? Math.floor(now.getTime() / 1000);
  const common = { ToUserName: credentials.platform === 'wechat' ? 'gh_shouhu_test' : credentials.receiverId, FromUserName: message.from, CreateTime: createTime };
  const agent: Record<string, number> = credentials.platform === 'wecom' ? { AgentID: Number(TEST_CHAT_ENV.WECOM_AGENT_ID) } : {};
  if (message.event !== undefined) return buildCallbackXml({ ...common, MsgType: 'event', Event: message.event, ...agent });
  serial += 1;
  return buildCallbackXml({ ...common, MsgType: 'text', Content: message.content ?? '', MsgId: message.msgId ?? `${createTime}${serial}`, ...agent });
}

/** The POST WeChat would make for `message`, encrypted and signed, at `now`. */
export function sealedCallback(credentials: ChatTestCredentials, message: UserMessage, now: Date, options: { xml?: string } = {}): SealedCallback {
  const cipher = createMessageCipher(credentials.encodingAesKey, credentials.receiverId);
  const encrypted = cipher.encrypt(options.xml ?? messageXml(credentials, message, now));
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const nonce = randomBytes(5).toString('hex');
  const signature = callbackSignature(credentials.token, timestamp, nonce, encrypted);
  const query = new URLSearchParams({ msg_signature: signature, timestamp, nonce });
  if (credentials.platform === 'wechat') {
    query.set('signature', callbackSignature(credentials.token, timestamp, nonce));
    query.set('encrypt_type', 'aes');
    query.set('openid', message.from);
  }
  const outer: Record<string, string> = credentials.platform === 'wechat' ? { ToUserName: 'gh_shouhu_test', Encrypt: encrypted } : { ToUserName: credentials.receiverId, AgentID: TEST_CHAT_ENV.WECOM_AGENT_ID, Encrypt: encrypted };
  return { path: `/chat/${credentials.platform}?${query}`, body: buildCallbackXml(outer) };
}

/** The text of an encrypted passive reply, after checking its signature as the platform would; null for no reply. */
export function openReply(credentials: ChatTestCredentials, answer: string): string | null {
  if (answer === '' || answer === 'success') return null;
  const outer = parseCallbackXml(answer);
  const expected = callbackSignature(credentials.token, outer.TimeStamp ?? '', outer.Nonce ?? '', outer.Encrypt ?? '');
  if (expected !== outer.MsgSignature) throw new Error('the reply is not signed with the token');
  const inner = parseCallbackXml(createMessageCipher(credentials.encodingAesKey, credentials.receiverId).decrypt(outer.Encrypt ?? ''));
  return inner.Content ?? null;
}
