import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { chatConfigFrom } from '../chat/chat-config.js';
import { createLogger } from '../api/logger.js';
import { mountChat } from '../compose/chat.js';
import { createRuntime } from '../compose/runtime.js';
import { readEnv, requireEnv } from '../config/env.js';
import { loadChatSecrets } from './chat-secrets.js';

/**
 * The chat-bot's function (issue 10): the Official Account's and the WeCom app's callbacks, from the same composition
 * root as the API. Built once per instance on the first call; a failed start is retried on the next. The chat
 * secrets are SecureString parameters named after their variables (infra/lib/secure-parameters.ts).
 */
const logger = createLogger({ base: { service: 'shouhu-chat' } });
const ssm = new SSMClient({});

async function buildHandler() {
  const sessionSecretName = requireEnv('SESSION_SECRET_PARAMETER');
  const [session, chatSecrets] = await Promise.all([
    ssm.send(new GetParametersCommand({ Names: [sessionSecretName], WithDecryption: true })),
    loadChatSecrets(ssm, readEnv('CHAT_SECRETS_PREFIX', '')),
  ]);
  const sessionSecret = session.Parameters?.[0]?.Value;
  if (!sessionSecret) throw new Error(`SSM parameter not found or empty: ${sessionSecretName}`);
  const config = chatConfigFrom({ ...process.env, ...chatSecrets });
  const runtime = createRuntime({ tableName: requireEnv('TABLE_NAME'), chat: config });
  const app = new Hono();
  mountChat(app, runtime, { config, sessionSecret, logger });
  return handle(app);
}

let ready: ReturnType<typeof buildHandler> | undefined;

export const handler: ReturnType<typeof handle> = async (event, lambdaContext) => {
  ready ??= buildHandler().catch((error: unknown) => {
    ready = undefined;
    logger.error('chat start failed', { error });
    throw error;
  });
  return (await ready)(event, lambdaContext);
};
