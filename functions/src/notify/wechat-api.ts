import { z } from 'zod';

/**
 * What every WeChat server API shares: HTTP 200 with `errcode`/`errmsg` on failure (sometimes labelled text/plain),
 * and a timeout on every call. The access token travels in the URL, so a failure is described by its kind and its
 * errcode only, never by the URL or the error's message.
 */
export const WECHAT_ERRCODE = {
  systemBusy: -1,
  invalidToken: 40001,
  expiredToken: 42001,
  userRefused: 43101,
  rateLimited: 45009,
  invalidArguments: 47003,
} as const;

export class WechatApiError extends Error {
  constructor(
    readonly errcode: number | null,
    readonly kind: 'errcode' | 'http' | 'unreachable' | 'unreadable',
  ) {
    super(`wechat api ${kind}${errcode === null ? '' : ` ${errcode}`}`);
    this.name = 'WechatApiError';
  }
}

export const DEFAULT_WECHAT_TIMEOUT_MS = 5_000;

const errorAnswerSchema = z.looseObject({ errcode: z.number().int().optional(), errmsg: z.string().optional() });

export interface PostJsonOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/**
 * POSTs JSON and returns the parsed answer with errcode 0 or absent; throws WechatApiError otherwise. Only an
 * 'errcode' failure is WeChat saying what happened; after the others the request may or may not have been acted on,
 * so a sender that must not send twice cannot retry it.
 */
export function postWechatJson(url: URL, body: unknown, options: PostJsonOptions = {}): Promise<Record<string, unknown>> {
  return callWechat(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }, options);
}

/** GETs a WeChat or WeCom API (WeCom's gettoken), with the same answers and failures as postWechatJson. */
export function getWechatJson(url: URL, options: PostJsonOptions = {}): Promise<Record<string, unknown>> {
  return callWechat(url, { method: 'GET' }, options);
}

async function callWechat(url: URL, init: RequestInit, options: PostJsonOptions): Promise<Record<string, unknown>> {
  const doFetch = options.fetch ?? fetch;
  let text: string;
  let status: number;
  try {
    const response = await doFetch(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_WECHAT_TIMEOUT_MS) });
    status = response.status;
    text = await response.text();
  } catch {
    throw new WechatApiError(null, 'unreachable');
  }
  if (status < 200 || status >= 300) throw new WechatApiError(status, 'http');
  let parsed: Record<string, unknown>;
  try {
    parsed = errorAnswerSchema.parse(JSON.parse(text));
  } catch {
    throw new WechatApiError(null, 'unreadable');
  }
  const errcode = parsed.errcode;
  if (typeof errcode === 'number' && errcode !== 0) throw new WechatApiError(errcode, 'errcode');
  return parsed;
}
