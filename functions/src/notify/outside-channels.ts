import type { ChannelDeliveries, SubscriptionConsents } from '../store/event-ports.js';
import { templateFor, type ChannelConfig, type TemplatePurpose } from './channel-config.js';
import { createSubscribeMessageSender, SUBSCRIBE_RETRY, type SubscribeMessageRequest, type SubscribeOutcome } from './subscribe-message.js';
import { createAccessTokenSource } from './wechat-access-token.js';
import { createWecomRobotSender, ROBOT_RETRY, type WecomRobotDeps, type WecomRobotSender } from './wecom-robot.js';
import type { RetryPolicy } from '../events/backoff.js';

/**
 * The outside channels as the senders of notifications use them: by purpose, answering 'notConfigured' (and
 * calling nobody) when a channel is off. One access-token source per app, shared by every send of this container.
 */
export interface OutsideChannelDeps {
  config: ChannelConfig;
  wechat: { appId: string; appSecret: string; baseUrl: string } | null;
  wecomBaseUrl: string;
  consents: SubscriptionConsents;
  deliveries: ChannelDeliveries;
  clock: () => Date;
  retry?: { subscribe?: RetryPolicy; robot?: RetryPolicy };
  waitUntil?: WecomRobotDeps['waitUntil'];
}

export interface OutsideChannels {
  /** Whether a subscription message of this purpose would be sent at all: a sender skips reading openids when not. */
  subscribes(purpose: TemplatePurpose): boolean;
  subscribe(purpose: TemplatePurpose, request: Omit<SubscribeMessageRequest, 'template'>): Promise<SubscribeOutcome | 'notConfigured'>;
  robot: WecomRobotSender;
}

export function createOutsideChannels(deps: OutsideChannelDeps): OutsideChannels {
  const { wechat } = deps;
  const sender =
    wechat === null || deps.config.templates.length === 0
      ? null
      : createSubscribeMessageSender({
          baseUrl: wechat.baseUrl,
          tokens: createAccessTokenSource(wechat),
          consents: deps.consents,
          miniprogramState: deps.config.miniprogramState,
          retry: deps.retry?.subscribe ?? SUBSCRIBE_RETRY,
          clock: deps.clock,
        });
  return {
    subscribes: (purpose) => sender !== null && templateFor(deps.config, purpose) !== undefined,
    async subscribe(purpose, request) {
      const template = templateFor(deps.config, purpose);
      if (sender === null || template === undefined) return 'notConfigured';
      return sender({ ...request, template });
    },
    robot: createWecomRobotSender({
      baseUrl: deps.wecomBaseUrl,
      keys: deps.config.robotKeys,
      deliveries: deps.deliveries,
      retry: deps.retry?.robot ?? ROBOT_RETRY,
      clock: deps.clock,
      waitUntil: deps.waitUntil,
    }),
  };
}
