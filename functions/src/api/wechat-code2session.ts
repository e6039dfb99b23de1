import { z } from 'zod';
import { ForbiddenError, RateLimitedError, UnauthenticatedError, UpstreamError } from '../domain/errors.js';
import type { Logger } from './logger.js';

/**
 * WeChat's code2Session (`GET /sns/jscode2session`), called on the server only: the AppSecret and the returned
 * session_key never leave this function, not even into a log (RELIABILITY.md, WeChat facts).
 */
export interface WechatConfig {
  appId: string;
  appSecret: string;
  baseUrl: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface WechatIdentity {
  openId: string;
  unionId: string | null;
}

/** The documented answer; WeChat replies HTTP 200 with `errcode` on failure, sometimes as text/plain. */
const code2SessionResponseSchema = z.object({
  openid: z.string().min(1).max(128).optional(),
  session_key: z.string().optional(),
  unionid: z.string().max(128).optional(),
  errcode: z.number().int().optional(),
  errmsg: z.string().optional(),
});

export const WECHAT_ERROR = {
  invalidCode: 40029,
  rateLimited: 45011,
  highRiskUser: 40226,
} as const;

const DEFAULT_TIMEOUT_MS = 5_000;
/** WeChat documents 45011 as "frequency limit, 100 per user per minute"; one minute is the honest wait. */
const WECHAT_RATE_LIMIT_RETRY_SECONDS = 60;

function errorForCode(errcode: number): Error {
  switch (errcode) {
    case WECHAT_ERROR.invalidCode:
      return new UnauthenticatedError('微信登录凭证无效或已过期，请重新登录');
    case WECHAT_ERROR.rateLimited:
      return new RateLimitedError('微信登录过于频繁，请稍后再试', WECHAT_RATE_LIMIT_RETRY_SECONDS);
    case WECHAT_ERROR.highRiskUser:
      return new ForbiddenError('该微信账号被微信判定为高风险，暂无法登录');
    default:
      return new UpstreamError('微信登录服务暂不可用，请稍后再试');
  }
}

export function buildCode2SessionUrl(config: Pick<WechatConfig, 'appId' | 'appSecret' | 'baseUrl'>, code: string): URL {
  const url = new URL('/sns/jscode2session', config.baseUrl);
  url.searchParams.set('appid', config.appId);
  url.searchParams.set('secret', config.appSecret);
  url.searchParams.set('js_code', code);
  url.searchParams.set('grant_type', 'authorization_code');
  return url;
}

export async function exchangeWechatCode(config: WechatConfig, code: string, logger: Logger): Promise<WechatIdentity> {
  const doFetch = config.fetch ?? fetch;
  let text: string;
  try {
    const response = await doFetch(buildCode2SessionUrl(config, code), {
      method: 'GET',
      signal: AbortSignal.timeout(config.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
    text = await response.text();
    if (!response.ok) {
      logger.warn('wechat code2Session http error', { httpStatus: response.status });
      throw new UpstreamError('微信登录服务暂不可用，请稍后再试');
    }
  } catch (error) {
    if (error instanceof UpstreamError) throw error;
    // The URL carries the AppSecret, so only the error's kind is logged, never its message.
    logger.warn('wechat code2Session unreachable', { errorName: error instanceof Error ? error.name : 'unknown' });
    throw new UpstreamError('微信登录服务暂不可用，请稍后再试');
  }

  let parsed: z.infer<typeof code2SessionResponseSchema>;
  try {
    parsed = code2SessionResponseSchema.parse(JSON.parse(text));
  } catch {
    logger.warn('wechat code2Session unreadable answer', {});
    throw new UpstreamError('微信登录服务暂不可用，请稍后再试');
  }
  if (parsed.errcode !== undefined && parsed.errcode !== 0) {
    logger.warn('wechat code2Session refused', { wechatErrcode: parsed.errcode });
    throw errorForCode(parsed.errcode);
  }
  if (parsed.openid === undefined) {
    logger.warn('wechat code2Session answer without openid', {});
    throw new UpstreamError('微信登录服务暂不可用，请稍后再试');
  }
  return { openId: parsed.openid, unionId: parsed.unionid ?? null };
}
