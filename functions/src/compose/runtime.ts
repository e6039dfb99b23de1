import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { actOnDeadline } from '../app/act-on-deadline.js';
import { continuePolicyRefresh, type PolicyRefreshLimits } from '../app/continue-policy-refresh.js';
import { createUseCases, type UseCases } from '../app/use-cases.js';
import { createConsumers, type Consumer } from '../events/consumers/index.js';
import { DISTRICT_WALK, type ConsumerName } from '../events/rules.js';
import type { Clock } from '../domain/time.js';
import { createJobBodies } from '../jobs/job-bodies.js';
import type { JobRunnerDeps } from '../jobs/run-job.js';
import { createDocumentClient } from '../store/client.js';
import type { DeadlineScheduler } from '../store/event-ports.js';
import { NO_OUTSIDE_CHANNELS, type OutsideChannelSettings } from '../notify/channel-settings.js';
import { createOutsideChannels, type OutsideChannels } from '../notify/outside-channels.js';
import { createChatDigestSender } from '../notify/chat-digest.js';
import { createChatPush, type ChatPush } from '../notify/chat-push.js';
import { NO_CHAT, type ChatConfig } from '../chat/chat-config.js';
import type { Repositories } from '../store/ports.js';
import { createRepositories } from '../store/repositories.js';

/**
 * The one composition root (ARCHITECTURE.md, "Use cases, events and jobs"): configuration in; the DynamoDB
 * client, the repositories (the store's adapters behind its ports), the clock, the id generator and the use cases
 * out. Every entry builds from here and takes what it needs: the API Lambda and the local server add the HTTP app
 * (compose/api.ts); the outbox relay takes the outbox, the event consumers their consumers. Adding a
 * dependency is one edit here. It imports no HTTP framework and not the DynamoDB Local starter (store/index.ts), so
 * a Lambda bundle built from it carries neither.
 */
export interface RuntimeConfig {
  tableName: string;
  /** DynamoDB Local's URL; omitted in the cloud, where the SDK finds DynamoDB and credentials itself. */
  endpoint?: string;
  /** A client already made (a test's table); else one is built from `endpoint`. */
  client?: DynamoDBDocumentClient;
  clock?: Clock;
  newId?: () => string;
  /**
   * Where the consumers put timers: EventBridge Scheduler in the cloud (the consumer Lambda passes it); by default
   * the table's schedule items, which `npm start` (and a test) fires with its poller.
   */
  deadlines?: DeadlineScheduler;
  /** How much of a district one run of the policy refresh walks; by default 100 children a page for DISTRICT_WALK's budget. */
  policyRefreshLimits?: Partial<PolicyRefreshLimits>;
  /** WeChat subscription messages and the towns' WeCom robots, for the jobs' digests; all off when omitted. */
  outside?: OutsideChannelSettings;
  /** The chat-bot's platforms (issue 10): the send APIs answer late chat messages and carry digests to bound chats. */
  chat?: ChatConfig;
}

const POLICY_REFRESH_PAGE = 100;

export interface Runtime {
  tableName: string;
  client: DynamoDBDocumentClient;
  repositories: Repositories;
  clock: Clock;
  newId: () => string;
  useCases: UseCases;
  /** The event consumers by name, as the rules route to them (events/rules.ts). */
  consumers: Record<ConsumerName, Consumer>;
  /** What the recurring jobs run with (jobs/run-job.ts): their runs' records and the bodies built so far. */
  jobRunner: JobRunnerDeps;
  /** The outside channels as configured (each off unless configured), built once: one access token per container. */
  outside: OutsideChannels;
  /** Texts to chat users outside a callback's answer; sends nothing for a platform without its secret. */
  chatPush: ChatPush;
}

/** Ids of records, events and requests: random, and within `idSchema` (letters and digits). */
export function randomId(): string {
  return randomUUID().replaceAll('-', '');
}

export function createRuntime(config: RuntimeConfig): Runtime {
  const client = config.client ?? createDocumentClient({ endpoint: config.endpoint });
  const repositories = createRepositories(client, config.tableName);
  const clock = config.clock ?? (() => new Date());
  const newId = config.newId ?? randomId;
  const deadlinePorts = { escalations: repositories.escalations, concerns: repositories.concerns, clock, newId };
  const refreshPorts = {
    ...repositories,
    clock,
    newId,
    policyRefreshLimits: { pageSize: POLICY_REFRESH_PAGE, budgetMs: DISTRICT_WALK.budgetMs, ...config.policyRefreshLimits },
    elapsedMs: () => performance.now(),
  };
  const outside = createOutsideChannels({ ...(config.outside ?? NO_OUTSIDE_CHANNELS), consents: repositories.consents, deliveries: repositories.channelDeliveries, clock });
  const chat = config.chat ?? NO_CHAT;
  const chatPush = createChatPush([chat.wechat, chat.wecom].filter((platform) => platform !== null));
  const chatDigests =
    chatPush.canSend('wecom') || (chatPush.canSend('wechat') && chat.wechat?.digestTemplateId)
      ? {
          readers: () => repositories.chatBindings.listDigestReaders(),
          send: createChatDigestSender({ push: chatPush, deliveries: repositories.channelDeliveries, officialAccountTemplateId: chat.wechat?.digestTemplateId ?? null, clock }),
        }
      : null;
  const jobPorts = {
    regions: repositories.regions,
    obligations: repositories.obligations,
    inbox: repositories.inboxDelivery,
    reads: repositories.reminderReads,
    policies: repositories.policies,
    visits: repositories.visits,
    records: repositories.records,
    outside,
    chatDigests,
    monthlyCounters: repositories.monthlyCounters,
    organizations: repositories.organizations,
    inboxDelivery: repositories.inboxDelivery,
    monthlyReports: repositories.monthlyReports,
    reportSubmissions: repositories.reportSubmissions,
    schools: repositories.schools,
    safetySessions: repositories.safetySessions,
    clock,
  };
  return {
    tableName: config.tableName,
    client,
    repositories,
    clock,
    newId,
    useCases: createUseCases({ repositories, clock, newId }),
    jobRunner: { runs: repositories.jobRuns, bodies: createJobBodies(jobPorts), clock, newId },
    outside,
    chatPush,
    consumers: createConsumers({
      children: repositories.children,
      visits: repositories.visits,
      escalations: repositories.escalations,
      activities: repositories.activities,
      policies: repositories.policies,
      inbox: repositories.inboxDelivery,
      concerns: repositories.concerns,
      deadlines: config.deadlines ?? repositories.deadlines,
      actOnDeadline: (deadline) => actOnDeadline(deadlinePorts, deadline),
      refreshPolicy: (target) => continuePolicyRefresh(refreshPorts, target),
      clock,
      newId,
    }),
  };
}
