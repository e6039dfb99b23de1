import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { handle } from 'hono/aws-lambda';
import { withCloudFrontViewer } from '../api/cloudfront-viewer.js';
import { createLogger } from '../api/logger.js';
import { createApi } from '../compose/api.js';
import { createRuntime } from '../compose/runtime.js';
import { readEnv, requireEnv } from '../config/env.js';
import { channelConfigFrom } from '../notify/channel-config.js';

/**
 * The API Lambda: the same app as the local server, from the same composition root. Clients and secrets are built
 * once per instance, on the first call (not at import, so the bundle works as CommonJS and as ESM alike), and a
 * failed start is retried on the next call instead of leaving the instance broken. The dev login is never imported.
 */
const config = {
  tableName: () => requireEnv('TABLE_NAME'),
  sessionSecretParameter: () => requireEnv('SESSION_SECRET_PARAMETER'),
  wechatAppSecretParameter: () => requireEnv('WECHAT_APP_SECRET_PARAMETER'),
  wechatAppId: () => requireEnv('WECHAT_APP_ID'),
  wechatApiBase: () => readEnv('WECHAT_API_BASE', 'https://api.weixin.qq.com'),
  /** Proves a request came through the stack's CloudFront (api/cloudfront-viewer.ts); none: nothing is believed. */
  originVerifyToken: () => readEnv('SHOUHU_ORIGIN_VERIFY_TOKEN', ''),
};

const logger = createLogger({ base: { service: 'shouhu-api' } });
const ssm = new SSMClient({});

/** Reads SecureString parameters, decrypted, in one call; a missing one stops the start with its name. */
async function loadSecrets(names: string[]): Promise<Map<string, string>> {
  const result = await ssm.send(new GetParametersCommand({ Names: names, WithDecryption: true }));
  const values = new Map((result.Parameters ?? []).map((p) => [p.Name ?? '', p.Value ?? '']));
  const missing = names.filter((name) => !values.get(name));
  if (missing.length > 0) throw new Error(`SSM parameters not found or empty: ${missing.join(', ')}`);
  return values;
}

async function buildHandler() {
  const sessionSecretName = config.sessionSecretParameter();
  const appSecretName = config.wechatAppSecretParameter();
  const secrets = await loadSecrets([sessionSecretName, appSecretName]);
  const runtime = createRuntime({ tableName: config.tableName() });
  const app = createApi(runtime, {
    sessionSecret: secrets.get(sessionSecretName)!,
    wechat: { appId: config.wechatAppId(), appSecret: secrets.get(appSecretName)!, baseUrl: config.wechatApiBase() },
    channels: channelConfigFrom(process.env),
    logger,
  });
  return { run: handle(app), originVerifyToken: config.originVerifyToken() };
}

let ready: ReturnType<typeof buildHandler> | undefined;

export const handler: ReturnType<typeof handle> = async (event, lambdaContext) => {
  ready ??= buildHandler().catch((error: unknown) => {
    ready = undefined;
    logger.error('api start failed', { error });
    throw error;
  });
  const { run, originVerifyToken } = await ready;
  return run(withCloudFrontViewer(event, originVerifyToken), lambdaContext);
};
