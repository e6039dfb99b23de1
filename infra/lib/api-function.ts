import { Duration } from 'aws-cdk-lib';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Architecture,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
  type IFunction,
} from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { DataTable } from './data-table.js';
import { REPO_PATHS } from './repo-paths.js';
import type { SecureParameters } from './secure-parameters.js';

export interface ApiFunctionProps {
  readonly data: DataTable;
  readonly secrets: SecureParameters;
  /** The mini-program's AppID: public, so a plain variable. */
  readonly wechatAppId: string;
}

/**
 * Item-level actions the API needs, transactions included (TransactWriteItems is authorized per item as
 * Put/Update/Delete/ConditionCheck). No Scan: every access pattern is served by a key or an index.
 */
const TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
];
const INDEX_ACTIONS = ['dynamodb:Query'];

/** The HTTP API's Lambda: the Hono app behind `hono/aws-lambda`, bundled locally by esbuild. */
export class ApiFunction extends Construct {
  readonly function: IFunction;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);

    this.logGroup = new LogGroup(this, 'LogGroup', { retention: RetentionDays.THREE_MONTHS });

    // An own role instead of the default one, whose AWSLambdaBasicExecutionRole managed policy lets the function
    // write to every log group of the account.
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Shouhu API function: its log group, the data table and its two SecureString parameters',
    });

    this.function = new NodejsFunction(this, 'Function', {
      entry: REPO_PATHS.apiEntry,
      handler: 'handler',
      depsLockFilePath: REPO_PATHS.lockFile,
      projectRoot: REPO_PATHS.repoRoot,
      // The newest runtime CDK knows (cdk-nag AwsSolutions-L1 asks for it). Where a region lacks it (check the China
      // regions before deploying there), NODEJS_22_X works too, with an acknowledged L1.
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(10),
      role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      environment: {
        TABLE_NAME: props.data.table.tableName,
        // Names only: the function reads the SecureString values itself (functions/src/lambda/api.ts).
        SESSION_SECRET_PARAMETER: props.secrets.sessionSecretName,
        WECHAT_APP_SECRET_PARAMETER: props.secrets.wechatAppSecretName,
        WECHAT_APP_ID: props.wechatAppId,
        // Stack traces point into the TypeScript sources instead of the minified bundle.
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        // Prefer the ES module builds of dependencies; CommonJS-only ones still resolve through `main`.
        mainFields: ['module', 'main'],
        // The AWS SDK v3 ships with the Node.js runtime: leaving it out keeps the bundle small.
        externalModules: ['@aws-sdk/*'],
        minify: true,
        sourceMap: true,
        // The map keeps file and line references but not the sources, which would double the bundle.
        sourcesContent: false,
      },
    });

    this.logGroup.grantWrite(role);
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
