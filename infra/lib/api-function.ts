import { Duration } from 'aws-cdk-lib';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { createBundledFunction } from './bundled-function.js';
import type { DataTable } from './data-table.js';
import { outsideChannelEnvironment, type OutsideChannelSettings } from './outside-channel-settings.js';
import { REPO_PATHS } from './repo-paths.js';
import type { SecureParameters } from './secure-parameters.js';

export interface ApiFunctionProps {
  readonly data: DataTable;
  readonly secrets: SecureParameters;
  /** The mini-program's AppID: public, so a plain variable. */
  readonly wechatAppId: string;
  /** The templates the subscription row asks consent for (the same the jobs send with). */
  readonly outsideChannels: OutsideChannelSettings;
}

/**
 * Item-level actions the API needs, transactions included (TransactWriteItems is authorized per item as
 * Put/Update/Delete/ConditionCheck). No Scan: every access pattern is served by a key or an index.
 */
export const TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
];
export const INDEX_ACTIONS = ['dynamodb:Query'];

/** The HTTP API's Lambda: the Hono app behind `hono/aws-lambda`, bundled locally by esbuild. */
export class ApiFunction extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);

    const { function: fn, role, logGroup } = createBundledFunction(this, {
      entry: REPO_PATHS.apiEntry,
      assets: REPO_PATHS.pledgeAssets,
      roleDescription: 'Shouhu API function: its log group, the data table and its two SecureString parameters',
      memorySize: 512,
      timeout: Duration.seconds(10),
      environment: {
        TABLE_NAME: props.data.table.tableName,
        // Names only: the function reads the SecureString values itself (functions/src/lambda/api.ts).
        SESSION_SECRET_PARAMETER: props.secrets.sessionSecretName,
        WECHAT_APP_SECRET_PARAMETER: props.secrets.wechatAppSecretName,
        WECHAT_APP_ID: props.wechatAppId,
        ...outsideChannelEnvironment(props.outsideChannels),
      },
    });
    this.function = fn;
    this.logGroup = logGroup;

    role.addToPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: TABLE_ACTIONS,
        resources: [props.data.table.tableArn],
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: INDEX_ACTIONS,
        resources: [...props.data.indexArns],
      }),
    );
    props.secrets.grantRead(role);
  }
}
