import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { createLogger } from '../api/logger.js';
import { readEnv, requireEnv } from '../config/env.js';
import { chatConfigFrom } from '../chat/chat-config.js';
import { createRuntime } from '../compose/runtime.js';
import { loadChatSecrets } from './chat-secrets.js';
import { jobInputSchema } from '../jobs/job-input.js';
import { runJob } from '../jobs/run-job.js';
import { outsideChannelSettingsFrom, type OutsideChannelSettings } from '../notify/channel-settings.js';

/**
 * The recurring jobs' function, the target of every schedule of infra/lib/job-schedules.ts. EventBridge Scheduler
 * invokes it asynchronously with `{ job, scheduledTime }`; the run is keyed by both, so a schedule that fires twice
 * or an invocation retried does the work once. Anything thrown (an input that is not a job's, a failed run, a run
 * another invocation holds) fails the invocation, for Lambda's retries and then the dead-letter queue.
 */
const logger = createLogger({ base: { service: 'shouhu-scheduled-job' } });

const ssm = new SSMClient({});

/**
 * The outside channels from the same variables the API function gets, the secrets by the names of their SecureString
 * parameters: the AppSecret (WECHAT_APP_SECRET_PARAMETER) only when a template is configured, the towns' robot keys
 * (SHOUHU_WECOM_ROBOT_KEYS_PARAMETER) when named. A robot-keys parameter the operator has not created turns the robots
 * off rather than stopping the reminders, which the inbox still carries; a missing AppSecret with a template
 * configured is a deployment error and stops the start with its name.
 */
async function loadOutsideChannels(): Promise<OutsideChannelSettings> {
  const templated = readEnv('SHOUHU_WECHAT_TEMPLATE_DIGEST', '') !== '' || readEnv('SHOUHU_WECHAT_TEMPLATE_REMINDER', '') !== '';
  const appSecretName = templated ? requireEnv('WECHAT_APP_SECRET_PARAMETER') : null;
  const robotKeysName = readEnv('SHOUHU_WECOM_ROBOT_KEYS_PARAMETER', '') || null;
  const names = [appSecretName, robotKeysName].filter((name): name is string => name !== null);
  const values = new Map<string, string>();
  if (names.length > 0) {
    const result = await ssm.send(new GetParametersCommand({ Names: names, WithDecryption: true }));
    for (const parameter of result.Parameters ?? []) values.set(parameter.Name ?? '', parameter.Value ?? '');
  }
  if (appSecretName !== null && !values.get(appSecretName)) throw new Error(`SSM parameter not found or empty: ${appSecretName}`);
  if (robotKeysName !== null && !values.has(robotKeysName)) logger.info('no WeCom robot keys parameter: the town robots are off', { parameter: robotKeysName });
  return outsideChannelSettingsFrom(process.env, {
    wechatAppSecret: appSecretName === null ? undefined : values.get(appSecretName),
    robotKeys: robotKeysName === null ? undefined : values.get(robotKeysName),
  });
}

let runtime: ReturnType<typeof createRuntime> | undefined;

export async function handler(event: unknown): Promise<void> {
  const input = jobInputSchema.safeParse(event);
  if (!input.success) {
    logger.error('job input refused', { problems: input.error.issues.map((issue) => issue.path.join('.') || '(input)') });
    throw new Error('the input is not a scheduled job');
  }
  runtime ??= createRuntime({
    tableName: requireEnv('TABLE_NAME'),
    outside: await loadOutsideChannels(),
    // Digests to bound chats (issue 10, part 6): the send APIs' secrets from the chat's parameters.
    chat: chatConfigFrom({ ...process.env, ...(await loadChatSecrets(ssm, readEnv('CHAT_SECRETS_PREFIX', ''))) }),
  });
  const request = { job: input.data.job, scheduledTime: new Date(input.data.scheduledTime) };
  try {
    const result = await runJob(runtime.jobRunner, request);
    logger.info('job run', { job: request.job, scheduledTime: input.data.scheduledTime, ...result });
  } catch (error) {
    logger.error('job failed', { job: request.job, scheduledTime: input.data.scheduledTime, error });
    throw error;
  }
}
