import { z } from 'zod';
import { getWechatJson, postWechatJson, WechatApiError, type PostJsonOptions } from './wechat-api.js';

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
  /** A token asked for again REFRESH_MARGIN_MS before it expires. */
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

/** Allowance for the clocks of this container and WeChat, when a token is used to its end. */
const CLOCK_SKEW_MS = 10_000;

interface CachedToken {
  token: string;
  expiresAt: number;
  /** When to ask again: early, unless asking early brought back the same token. */
  refreshAt: number;
}

export function createAccessTokenSource(config: AccessTokenConfig): AccessTokenSource {
  return createTokenCache((forceRefresh) =>
    postWechatJson(
      new URL('/cgi-bin/stable_token', config.baseUrl),
      { grant_type: 'client_credential', appid: config.appId, secret: config.appSecret, force_refresh: forceRefresh },
      config,
    ),
    config.now,
  );
}

/**
 * A WeCom app's access token (`GET /cgi-bin/gettoken?corpid=…&corpsecret=…`), cached the same way. WeCom has no
 * force_refresh: asking again after a rejected token simply fetches a fresh one.
 */
export function createWecomAccessTokenSource(config: Omit<AccessTokenConfig, 'appId' | 'appSecret'> & { corpId: string; secret: string }): AccessTokenSource {
  return createTokenCache(() => {
    const url = new URL('/cgi-bin/gettoken', config.baseUrl);
    url.searchParams.set('corpid', config.corpId);
    url.searchParams.set('corpsecret', config.secret);
    return getWechatJson(url, config);
  }, config.now);
}

/** One token per app, asked for once by all concurrent callers (single flight), from an answer with access_token and expires_in. */
function createTokenCache(ask: (forceRefresh: boolean) => Promise<Record<string, unknown>>, clock?: () => number): AccessTokenSource {
  const now = clock ?? Date.now;
  let cached: CachedToken | null = null;
  let inFlight: Promise<CachedToken> | null = null;

  const fetchToken = async (forceRefresh: boolean): Promise<CachedToken> => {
    const parsed = stableTokenSchema.safeParse(await ask(forceRefresh));
    if (!parsed.success) throw new WechatApiError(null, 'unreadable');
    const token = parsed.data.access_token;
    const expiresAt = now() + parsed.data.expires_in * 1000;
    // In normal mode WeChat hands back the same token, with what is left of its two hours, until it expires: asking
    // early again would only ask on every send of its last minutes. That token is used to its end; a send that
    // meets 42001 then replaces it once.
    const renewed = token !== cached?.token;
    return { token, expiresAt, refreshAt: renewed ? expiresAt - REFRESH_MARGIN_MS : expiresAt - CLOCK_SKEW_MS };
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
      if (cached !== null && now() < cached.refreshAt) return cached.token;
      return (await refresh(false)).token;
    },
    async replaceRejected(rejected) {
      if (inFlight !== null) return (await inFlight).token;
      if (cached !== null && cached.token !== rejected) return cached.token;
      return (await refresh(true)).token;
    },
  };
}
