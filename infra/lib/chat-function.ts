import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { TABLE_ACTIONS, INDEX_ACTIONS } from './api-function.js';
import { createBundledFunction } from './bundled-function.js';
import type { ChatSettings } from './chat-settings.js';
import type { DataTable } from './data-table.js';
import { REPO_PATHS } from './repo-paths.js';
import type { SecureParameters } from './secure-parameters.js';

export interface ChatFunctionProps {
  readonly data: DataTable;
  readonly secrets: SecureParameters;
  /** The public ids of the Official Account and the WeCom app (AppID, CorpID, AgentId, digest template). */
  readonly chat: ChatSettings;
}

/**
 * The chat-bot's callbacks (issue 10): `/chat/wechat` and `/chat/wecom` on the HTTP API, served by their own function
 * so a burst of chat messages neither waits for nor slows the mini-program's API. WeChat gives up after 5 s, so the
 * function answers passively within 4 s and pushes a later answer itself: 15 s leaves room for that push.
 *
 * Alarms: any invocation error (a person got no answer), and a slowest answer over 4 s in five minutes (answers are
 * leaving the passive path, each costing one of the five customer-service messages WeChat allows in 48 hours).
 */
export class ChatFunction extends Construct {
  readonly function: NodejsFunction;
  readonly errorsAlarm: Alarm;
  readonly slowAnswersAlarm: Alarm;

  constructor(scope: Construct, id: string, props: ChatFunctionProps) {
    super(scope, id);
    const { function: fn, role } = createBundledFunction(this, {
      entry: REPO_PATHS.chatEntry,
      roleDescription: 'Shouhu chat-bot function: its log group, the data table, the session key and the chat SecureString parameters',
      memorySize: 512,
      timeout: Duration.seconds(15),
      environment: {
        TABLE_NAME: props.data.table.tableName,
        // Concern reports made in a chat get tracking codes keyed like the API's.
        SESSION_SECRET_PARAMETER: props.secrets.sessionSecretName,
        // The chat secrets are parameters named after their variables under this prefix (functions/src/lambda/chat.ts).
        CHAT_SECRETS_PREFIX: props.secrets.chatSecretsPrefix,
        ...props.chat.environment,
      },
    });
    this.function = fn;
    role.addToPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: TABLE_ACTIONS, resources: [props.data.table.tableArn] }));
    role.addToPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: INDEX_ACTIONS, resources: [...props.data.indexArns] }));
    props.secrets.grantReadForChat(role);

    const period = Duration.minutes(5);
    this.errorsAlarm = new Alarm(this, 'ErrorsAlarm', {
      alarmDescription: 'The chat-bot failed to answer a message: the person who wrote got nothing back.',
      metric: fn.metricErrors({ period, statistic: 'Sum' }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.slowAnswersAlarm = new Alarm(this, 'SlowAnswersAlarm', {
      alarmDescription: 'A chat answer took over 4 s: WeChat stops waiting at 5 s, so answers are being pushed instead of given.',
      metric: fn.metricDuration({ period, statistic: 'Maximum' }),
      threshold: 4_000,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
