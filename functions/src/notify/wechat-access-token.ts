import { z } from 'zod';
import { postWechatJson, WechatApiError, type PostJsonOptions } from './wechat-api.js';

/**
 * The mini-program's access token from getStableAccessToken (`POST /cgi-bin/stable_token`), cached per app and
 * fetched once for all concurrent callers (single flight).
 *
 * Kept in memory, one per Lambda container, not in the table: in normal mode the stable token API hands every caller
 * the same token while it is valid, so containers neither invalidate each other's token (as the old `/cgi-bin/token`
 * did) nor need to share one; one call per container every two hours is far below the API's 10 000 a minute. Only
 * `force_refresh` invalidates the token of every container, which is why it is used once per rejected token and not
 * on every 40001 a busy container sees.
 */
export interface AccessTokenConfig extends PostJsonOptions {
  appId: string;
  appSecret: string;
  baseUrl: string;
  /** Milliseconds since the epoch; injected so tests can move past expiry without waiting. */
  now?: () => number;
}

export interface AccessTokenSource {
  /** A token valid for at least REFRESH_MARGIN_MS more. */
  current(): Promise<string>;
  /**
   * After WeChat answered 40001/42001 to `rejected`: one forced refresh for all callers that hold that token; a caller
   * that arrives after it gets the new token without another refresh.
   */
  replaceRejected(rejected: string): Promise<string>;
}

/** Refresh five minutes early, so a token never expires between being handed out and being used. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

const stableTokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive() });

interface CachedToken {
  token: string;
  expiresAt: number;
}

export function createAccessTokenSource(config: AccessTokenConfig): AccessTokenSource {
  const now = config.now ?? Date.now;
  let cached: CachedToken | null = null;
  let inFlight: Promise<CachedToken> | null = null;

  const fetchToken = async (forceRefresh: boolean): Promise<CachedToken> => {
    const answer = await postWechatJson(
      new URL('/cgi-bin/stable_token', config.baseUrl),
      { grant_type: 'client_credential', appid: config.appId, secret: config.appSecret, force_refresh: forceRefresh },
      config,
    );
    const parsed = stableTokenSchema.safeParse(answer);
    if (!parsed.success) throw new WechatApiError(null, 'unreadable');
    return { token: parsed.data.access_token, expiresAt: now() + parsed.data.expires_in * 1000 };
  };

  const refresh = (forceRefresh: boolean): Promise<CachedToken> => {
    inFlight ??= fetchToken(forceRefresh)
      .then((fresh) => (cached = fresh))
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };

  return {
    async current() {
      if (cached !== null && now() < cached.expiresAt - REFRESH_MARGIN_MS) return cached.token;
      return (await refresh(false)).token;
    },
    async replaceRejected(rejected) {
      if (inFlight !== null) return (await inFlight).token;
      if (cached !== null && cached.token !== rejected) return cached.token;
      return (await refresh(true)).token;
    },
  };
}
