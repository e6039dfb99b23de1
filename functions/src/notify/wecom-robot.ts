import { z } from 'zod';
import type { ChannelDeliveries, ChannelSettlement } from '../store/event-ports.js';
import { pauseBeforeAttempt, type RetryPolicy } from '../events/backoff.js';
import { postWechatJson, WECHAT_ERRCODE, WechatApiError, type PostJsonOptions } from './wechat-api.js';

/**
 * A town's WeCom group robot (`POST /cgi-bin/webhook/send?key=…`), sent at most once per delivery id for the reasons
 * given in subscribe-message.ts. WeCom allows a robot 20 messages a minute; this container keeps under that by itself
 * and, when other containers share the robot, waits on 45009 and tries again under the same claim.
 *
 * The robots are configured by environment, one JSON object of town id → webhook key (SHOUHU_WECOM_ROBOT_KEYS): the
 * simplest honest option while a town's robot is set up by the operator once, not by an officer in the app. The key
 * alone lets anyone post to the group, so it is a secret: never logged, and in the cloud read from an SSM SecureString
 * like the AppSecret.
 */
export type RobotMessage = { msgtype: 'text'; content: string } | { msgtype: 'markdown'; content: string };
export type RobotOutcome = 'sent' | 'notConfigured' | 'failed' | 'duplicate';

export const robotKeysSchema = z.record(z.string().regex(/^[A-Za-z0-9_-]+$/), z.string().regex(/^[A-Za-z0-9-]{8,64}$/));
export type RobotKeys = z.infer<typeof robotKeysSchema>;

/** An unset or empty variable turns the channel off; a malformed one stops the function at cold start. */
export function robotKeysFrom(raw: string | undefined): RobotKeys {
  if (raw === undefined || raw.trim() === '') return {};
  return robotKeysSchema.parse(JSON.parse(raw));
}

/** WeCom's limits: text 2048 bytes, markdown 4096 bytes, of UTF-8. */
const CONTENT_BYTES = { text: 2048, markdown: 4096 } as const;
export const ROBOT_MESSAGES_PER_MINUTE = 20;
const MINUTE_MS = 60_000;

/** Cuts to at most `maxBytes` of UTF-8, between code points. */
export function truncateUtf8(value: string, maxBytes: number): string {
  let bytes = 0;
  let out = '';
  for (const char of value) {
    bytes += Buffer.byteLength(char, 'utf8');
    if (bytes > maxBytes) break;
    out += char;
  }
  return out;
}

export interface WecomRobotDeps extends PostJsonOptions {
  baseUrl: string;
  keys: RobotKeys;
  deliveries: ChannelDeliveries;
  retry: RetryPolicy;
  clock: () => Date;
  /** Waits until the given time; injected so tests of the minute limit need not wait a minute. */
  waitUntil?: (at: number) => Promise<void>;
}

export const ROBOT_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 30_000 };

export type WecomRobotSender = (request: { deliveryId: string; townId: string; message: RobotMessage }) => Promise<RobotOutcome>;

export function createWecomRobotSender(deps: WecomRobotDeps): WecomRobotSender {
  const sentAt = new Map<string, number[]>();
  const waitUntil = deps.waitUntil ?? ((at: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, at - Date.now()))));

  /** A sliding minute per robot: the 21st message waits until the oldest of the last 20 is a minute old. */
  const takeSlot = async (key: string) => {
    const times = sentAt.get(key) ?? [];
    const now = deps.clock().getTime();
    const recent = times.filter((t) => t > now - MINUTE_MS);
    if (recent.length >= ROBOT_MESSAGES_PER_MINUTE) await waitUntil(recent[recent.length - ROBOT_MESSAGES_PER_MINUTE] + MINUTE_MS);
    recent.push(deps.clock().getTime());
    sentAt.set(key, recent.slice(-ROBOT_MESSAGES_PER_MINUTE));
  };

  const sendClaimed = async (key: string, message: RobotMessage): Promise<ChannelSettlement> => {
    const url = new URL('/cgi-bin/webhook/send', deps.baseUrl);
    url.searchParams.set('key', key);
    const content = truncateUtf8(message.content, CONTENT_BYTES[message.msgtype]);
    const body = { msgtype: message.msgtype, [message.msgtype]: { content } };
    for (let attempt = 1; ; attempt += 1) {
      await takeSlot(key);
      try {
        await postWechatJson(url, body, deps);
        return 'sent';
      } catch (error) {
        if (!(error instanceof WechatApiError)) throw error;
        if (error.kind !== 'errcode') return 'uncertain';
        const retryable = error.kind === 'errcode' && (error.errcode === WECHAT_ERRCODE.rateLimited || error.errcode === WECHAT_ERRCODE.systemBusy);
        if (!retryable || attempt >= deps.retry.maxAttempts) return 'failed';
        await pauseBeforeAttempt(deps.retry, attempt + 1);
      }
    }
  };

  return async ({ deliveryId, townId, message }) => {
    const key = deps.keys[townId];
    if (key === undefined) return 'notConfigured';
    const claim = await deps.deliveries.claim({ deliveryId, channel: 'wecomRobot', at: deps.clock() });
    if (claim === 'duplicate') return 'duplicate';
    const settlement = await sendClaimed(key, message);
    await deps.deliveries.settle(deliveryId, settlement, deps.clock());
    return settlement === 'sent' ? 'sent' : 'failed';
  };
}
