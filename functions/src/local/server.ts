import { join } from 'node:path';
import { channelConfigFrom } from '../notify/channel-config.js';
import { localOutsideChannels } from './local-outside-channels.js';
import { Hono } from 'hono';
import { createApp } from '../api/app.js';
import type { ConnectionBindings } from '../api/context.js';
import { mountDevLogin } from '../api/dev-login.js';
import { apiDepsOf } from '../compose/api.js';
import { mountChat } from '../compose/chat.js';
import { chatConfigFrom } from '../chat/chat-config.js';
import type { ChatPlatform } from '../domain/chat.js';
import { createRuntime } from '../compose/runtime.js';
import { createLocalBus } from '../events/local-bus.js';
import { startLocalDeadlinePoller } from '../events/local-deadline-poller.js';
import { startLocalRelay } from '../events/local-relay.js';
import { runnableSchedules } from '../jobs/job-bodies.js';
import { startLocalJobScheduler } from '../jobs/local-job-scheduler.js';
import { ensureTable, startDynamoDbLocal } from '../store/index.js';
import { DEFAULT_TABLE_NAME } from '../store/table-definition.js';
import { buildDemoArea } from './demo-area.js';
import { removeDynamoEndpoint, writeDynamoEndpoint } from './dynamodb-endpoint-file.js';
import { listenGracefully } from './graceful-http-server.js';
import { assertPortFree, assertWritableDir } from './preflight.js';
import { seedDemoArea, type SeedResult } from './seed-demo-area.js';
import { openServerLog } from './server-log.js';
import { loadOrCreateSessionSecret } from './session-secret.js';
import { createStaticSite } from './static-site.js';
import { readTrustedProxyHops } from './trusted-proxy-hops.js';
import { roleNames } from '../domain/user.js';

export interface LocalServerOptions {
  port: number;
  host: string;
  dataDir: string;
  /** The H5 build of the mini-program, served at `/`. */
  h5Dir: string;
  env: Record<string, string | undefined>;
  /** Request logs to the terminal instead of the log file under the data folder. */
  logToTerminal?: boolean;
}

export interface DemoLogin {
  id: string;
  name: string;
  roleName: string;
}

export interface RunningLocalServer {
  url: string;
  seed: SeedResult;
  demoLogins: DemoLogin[];
  /** The request log, when it is not written to the terminal. */
  logFile: string | null;
  /** The chat platforms whose callbacks are mounted under /chat (configured by environment). */
  chatCallbacks: ChatPlatform[];
  /** Stops in order: the HTTP server drains first, then the job scheduler, the deadline poller and the relay; DynamoDB Local goes last. */
  stop(): Promise<void>;
}

/**
 * `npm start` on one machine: DynamoDB Local persisted under the data folder, the table, the demo area, and the
 * same API app the Lambda runs (plus the dev login, which only this server mounts) with the H5 build beside it.
 */
export async function startLocalServer(options: LocalServerOptions): Promise<RunningLocalServer> {
  await assertWritableDir(options.dataDir);
  await assertPortFree(options.port, options.host);
  const trustedProxyHops = readTrustedProxyHops(options.env);

  const log = await openServerLog({ dataDir: options.dataDir, toTerminal: options.logToTerminal ?? false });
  const dynamo = await startDynamoDbLocal({ dataDir: join(options.dataDir, 'dynamodb') });
  try {
    const chatConfig = chatConfigFrom(options.env);
    const runtime = createRuntime({ tableName: DEFAULT_TABLE_NAME, endpoint: dynamo.endpoint, outside: localOutsideChannels(options.env), chat: chatConfig });
    await ensureTable(runtime.client, DEFAULT_TABLE_NAME);
    await writeDynamoEndpoint(options.dataDir, dynamo.endpoint);
    const { repositories } = runtime;
    const area = buildDemoArea();
    const seed = await seedDemoArea(repositories, area, new Date());

    const sessionSecret = await loadOrCreateSessionSecret(options.dataDir, options.env.SHOUHU_SESSION_SECRET);
    const deps = apiDepsOf(runtime, {
      sessionSecret,
      wechat: {
        appId: options.env.WECHAT_APP_ID ?? 'touristappid',
        appSecret: options.env.WECHAT_APP_SECRET ?? '',
        baseUrl: options.env.WECHAT_API_BASE ?? 'https://api.weixin.qq.com',
      },
      channels: channelConfigFrom(options.env),
      logger: log.logger,
      trustedProxyHops,
    });
    const api = createApp({ ...deps, mount: (app) => mountDevLogin(app, deps, { demoUserIds: area.demoLoginIds }) });

    // EventBridge and its rules have no local engine: the same rules on an in-process bus, fed by a relay that polls
    // the outbox and is nudged after every call that may have written events, so an inbox fills within moments.
    const bus = createLocalBus({ consumers: runtime.consumers, logger: log.logger });
    const relay = startLocalRelay({ outbox: repositories.outbox, bus, clock: runtime.clock, logger: log.logger });
    // Nor EventBridge Scheduler: the deadlines are items in the table, fired into the outbox when due and relayed at once.
    const deadlines = startLocalDeadlinePoller({ deadlines: repositories.deadlines, clock: runtime.clock, onFired: relay.nudge, logger: log.logger });
    // Nor its recurring schedules: the same list, fired in process at the same Beijing times.
    const jobs = startLocalJobScheduler({ schedules: runnableSchedules(), runner: runtime.jobRunner, clock: runtime.clock, onRan: relay.nudge, logger: log.logger });

    const staticSite = createStaticSite(options.h5Dir);
    const site = new Hono<{ Bindings: ConnectionBindings }>();
    site.all('/api/*', async (c) => {
      const response = await api.fetch(c.req.raw, c.env);
      if (c.req.method !== 'GET') relay.nudge();
      return response;
    });
    // The chat-bot's callbacks, when WECHAT_OA_* or WECOM_* are set (README); otherwise /chat is not there at all.
    const chat = new Hono<{ Bindings: ConnectionBindings }>();
    mountChat(chat, runtime, { config: chatConfig, sessionSecret, logger: log.logger });
    site.all('/chat/*', async (c) => {
      const response = await chat.fetch(c.req.raw, c.env);
      if (c.req.method === 'POST') relay.nudge();
      return response;
    });
    site.all('*', (c) => staticSite.fetch(c.req.raw, c.env));

    const server = await listenGracefully(site.fetch, { port: options.port, hostname: options.host });
    const users = await Promise.all(area.demoLoginIds.map((id) => repositories.users.get(id)));
    return {
      url: `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${options.port}/`,
      seed,
      demoLogins: users.flatMap((u) => (u ? [{ id: u.id, name: u.name, roleName: roleNames[u.role] }] : [])),
      logFile: log.file,
      chatCallbacks: [chatConfig.wechat, chatConfig.wecom].flatMap((platform) => (platform === null ? [] : [platform.platform])),
      stop: async () => {
        await server.close();
        // The job scheduler and the poller first: what they fire nudges the relay, which goes before DynamoDB Local.
        await jobs.stop();
        await deadlines.stop();
        await relay.stop();
        await removeDynamoEndpoint(options.dataDir);
        await dynamo.stop();
        await log.close();
      },
    };
  } catch (error) {
    await removeDynamoEndpoint(options.dataDir);
    await dynamo.stop();
    await log.close();
    throw error;
  }
}
