import type { ChannelSettlement, SubscriptionConsents } from '../store/event-ports.js';
import { pauseBeforeAttempt, type RetryPolicy } from '../events/backoff.js';
import { subscribeDataOf, type SubscribeFieldValue } from './subscribe-fields.js';
import type { AccessTokenSource } from './wechat-access-token.js';
import { postWechatJson, WECHAT_ERRCODE, WechatApiError, type PostJsonOptions } from './wechat-api.js';

/**
 * WeChat subscription messages (`POST /cgi-bin/message/subscribe/send`), sent at most once per delivery id.
 *
 * At most once, not at least once: the claim (and the consent it uses) is written with a condition before the
 * request goes out. A crash after the request leaves the claim 'sending', and a retry of the same delivery finds it
 * and sends nothing. The opposite order (send, then record) would send again after such a crash; for reminders and
 * digests a lost message costs little (the inbox keeps every message and the home page counts the unread), while a
 * duplicate costs one of the user's one-time consents and their trust. The same reasoning keeps a request that got no
 * answer (a timeout: it may have arrived) from being retried; only WeChat's own errors, which say nothing was sent
 * (-1 system busy, 45009 rate limit, 40001/42001 token), are retried, under the same claim.
 */
export type SubscribeOutcome = 'sent' | 'noConsent' | 'refused' | 'failed' | 'duplicate';

export interface SubscribeTemplate {
  id: string;
  /** The mini-program page the message opens, e.g. `pages/inbox/index`. */
  page: string;
}

export interface SubscribeMessageRequest {
  /** The business key of this one message (e.g. `digest#2026-11-30#<userId>`): the same key is never sent twice. */
  deliveryId: string;
  userId: string;
  openId: string;
  template: SubscribeTemplate;
  fields: Record<string, SubscribeFieldValue>;
}

export interface SubscribeMessageDeps extends PostJsonOptions {
  baseUrl: string;
  tokens: AccessTokenSource;
  consents: SubscriptionConsents;
  /** `formal` in production; `developer` or `trial` for those builds of the mini-program. */
  miniprogramState: 'developer' | 'trial' | 'formal';
  retry: RetryPolicy;
  clock: () => Date;
}

export const SUBSCRIBE_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 8_000 };

const RETRYABLE = new Set<number>([WECHAT_ERRCODE.systemBusy, WECHAT_ERRCODE.rateLimited]);
const STALE_TOKEN = new Set<number>([WECHAT_ERRCODE.invalidToken, WECHAT_ERRCODE.expiredToken]);

export type SubscribeMessageSender = (request: SubscribeMessageRequest) => Promise<SubscribeOutcome>;

export function createSubscribeMessageSender(deps: SubscribeMessageDeps): SubscribeMessageSender {
  const post = async (token: string, body: unknown) => {
    const url = new URL('/cgi-bin/message/subscribe/send', deps.baseUrl);
    url.searchParams.set('access_token', token);
    await postWechatJson(url, body, deps);
  };

  /** Sends with retries; answers how the claim ends. */
  const sendClaimed = async (body: unknown): Promise<ChannelSettlement> => {
    let token = await deps.tokens.current();
    let tokenReplaced = false;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await post(token, body);
        return 'sent';
      } catch (error) {
        if (!(error instanceof WechatApiError)) throw error;
        // No answer, an HTTP error from something in between, or an answer that does not parse: it may have gone out.
        if (error.kind !== 'errcode' || error.errcode === null) return 'uncertain';
        if (STALE_TOKEN.has(error.errcode) && !tokenReplaced) {
          tokenReplaced = true;
          token = await deps.tokens.replaceRejected(token);
          attempt -= 1;
          continue;
        }
        if (error.errcode === WECHAT_ERRCODE.userRefused) return 'refused';
        if (!RETRYABLE.has(error.errcode) || attempt >= deps.retry.maxAttempts) return 'failed';
        await pauseBeforeAttempt(deps.retry, attempt + 1);
      }
    }
  };

  return async (request) => {
    const claim = await deps.consents.claimSend({
      deliveryId: request.deliveryId,
      userId: request.userId,
      templateId: request.template.id,
      at: deps.clock(),
    });
    if (claim !== 'claimed') return claim;
    const body = {
      touser: request.openId,
      template_id: request.template.id,
      page: request.template.page,
      data: subscribeDataOf(request.fields),
      miniprogram_state: deps.miniprogramState,
      lang: 'zh_CN',
    };
    let settlement: ChannelSettlement;
    try {
      settlement = await sendClaimed(body);
    } catch {
      // The token could not be had: nothing went out to the user, so the claim settles as a plain failure.
      settlement = 'failed';
    }
    await deps.consents.settleSend({
      deliveryId: request.deliveryId,
      userId: request.userId,
      templateId: request.template.id,
      settlement,
      at: deps.clock(),
    });
    return settlement === 'uncertain' ? 'failed' : settlement;
  };
}
