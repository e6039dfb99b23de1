import { z } from 'zod';
import type { ChatPlatform } from '../domain/chat.js';
import { DEFAULT_WECHAT_API_BASE, DEFAULT_WECOM_API_BASE } from '../notify/channel-settings.js';

/**
 * The chat-bot's two callbacks, read once from the environment under the same names locally and in the cloud (where
 * the secret ones come from SSM, lambda/chat.ts). A platform is on when its token, EncodingAESKey and receiver id are
 * all set; half a configuration stops the start with the variables' names rather than answering WeChat wrongly.
 *
 * - Official Account (公众号): WECHAT_OA_TOKEN, WECHAT_OA_AES_KEY, WECHAT_OA_APP_ID; WECHAT_OA_APP_SECRET for answers
 *   sent after the callback (customer-service messages) and digests (template messages, WECHAT_OA_TEMPLATE_DIGEST).
 * - WeCom self-built app (企业微信自建应用): WECOM_TOKEN, WECOM_AES_KEY, WECOM_CORP_ID, WECOM_AGENT_ID; WECOM_SECRET (the
 *   app's Secret) for application messages.
 */
export interface ChatPlatformConfig {
  platform: ChatPlatform;
  token: string;
  encodingAesKey: string;
  /** The Official Account's AppID, or the WeCom CorpID: what every decrypted message must name. */
  receiverId: string;
  /** WeCom's AgentId of the self-built app; null on the Official Account. */
  agentId: string | null;
  /** The AppSecret / app Secret for the send APIs; null: answers only within the callback, no digests. */
  secret: string | null;
  /** The Official Account's template for the daily digest (part 6); null elsewhere or when not configured. */
  digestTemplateId: string | null;
  apiBase: string;
}

export interface ChatConfig {
  wechat: ChatPlatformConfig | null;
  wecom: ChatPlatformConfig | null;
}

export const CHAT_VARIABLES = {
  wechat: { token: 'WECHAT_OA_TOKEN', aesKey: 'WECHAT_OA_AES_KEY', receiverId: 'WECHAT_OA_APP_ID', secret: 'WECHAT_OA_APP_SECRET' },
  wecom: { token: 'WECOM_TOKEN', aesKey: 'WECOM_AES_KEY', receiverId: 'WECOM_CORP_ID', secret: 'WECOM_SECRET' },
} as const;

/** The variables that are secrets: in the cloud they are SSM SecureString parameters of the same names. */
export const CHAT_SECRET_VARIABLES = ['WECHAT_OA_TOKEN', 'WECHAT_OA_AES_KEY', 'WECHAT_OA_APP_SECRET', 'WECOM_TOKEN', 'WECOM_AES_KEY', 'WECOM_SECRET'] as const;

const tokenSchema = z.string().regex(/^[A-Za-z0-9]{3,32}$/, '3 到 32 位英文字母或数字');
const aesKeySchema = z.string().regex(/^[A-Za-z0-9]{43}$/, '43 位英文字母或数字');
const receiverSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const agentIdSchema = z.string().regex(/^\d{1,12}$/);
const templateIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/);

function present(env: Record<string, string | undefined>, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function checked(schema: z.ZodType<string>, env: Record<string, string | undefined>, name: string): string {
  const parsed = schema.safeParse(present(env, name));
  if (!parsed.success) throw new Error(`Environment variable ${name} is not valid (${parsed.error.issues[0]?.message ?? 'malformed'})`);
  return parsed.data;
}

function platformFrom(env: Record<string, string | undefined>, platform: ChatPlatform): ChatPlatformConfig | null {
  const names = CHAT_VARIABLES[platform];
  const required = platform === 'wecom' ? [names.token, names.aesKey, names.receiverId, 'WECOM_AGENT_ID'] : [names.token, names.aesKey, names.receiverId];
  const set = required.filter((name) => present(env, name) !== undefined);
  if (set.length === 0) return null;
  if (set.length < required.length) {
    throw new Error(`Chat callback half configured: set ${required.filter((name) => !set.includes(name)).join(', ')} too, or none of ${required.join(', ')}`);
  }
  return {
    platform,
    token: checked(tokenSchema, env, names.token),
    encodingAesKey: checked(aesKeySchema, env, names.aesKey),
    receiverId: checked(receiverSchema, env, names.receiverId),
    agentId: platform === 'wecom' ? checked(agentIdSchema, env, 'WECOM_AGENT_ID') : null,
    secret: present(env, names.secret) ?? null,
    digestTemplateId: platform === 'wechat' && present(env, 'WECHAT_OA_TEMPLATE_DIGEST') ? checked(templateIdSchema, env, 'WECHAT_OA_TEMPLATE_DIGEST') : null,
    apiBase: platform === 'wechat' ? (present(env, 'WECHAT_API_BASE') ?? DEFAULT_WECHAT_API_BASE) : (present(env, 'WECOM_API_BASE') ?? DEFAULT_WECOM_API_BASE),
  };
}

export function chatConfigFrom(env: Record<string, string | undefined>): ChatConfig {
  return { wechat: platformFrom(env, 'wechat'), wecom: platformFrom(env, 'wecom') };
}

export const NO_CHAT: ChatConfig = { wechat: null, wecom: null };
