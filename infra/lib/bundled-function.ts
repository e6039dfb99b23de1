import { Duration } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { ApplicationLogLevel, Architecture, LoggingFormat, Runtime, SystemLogLevel, type FunctionOptions } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { REPO_PATHS } from './repo-paths.js';

export interface BundledFunctionProps {
  /** A Lambda entry file in functions/src/lambda. */
  readonly entry: string;
  /** What the role is for, shown in IAM. */
  readonly roleDescription: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  readonly environment: Record<string, string>;
  /** Files copied beside the bundle (absolute paths): data a library reads at run time, e.g. the pledge's font. */
  readonly assets?: readonly string[];
  /** Lambda's own handling of asynchronous invocations (EventBridge targets): retries, age, dead-letter queue. */
  readonly asyncInvocation?: Pick<FunctionOptions, 'retryAttempts' | 'maxEventAge' | 'deadLetterQueue'>;
}

export interface BundledFunction {
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;
}

/**
 * One of the product's Lambda functions, made the same way for each (the Powertools habit of thin entries built
 * alike): its own log group with a retention period, its own role (the default one's AWSLambdaBasicExecutionRole
 * managed policy lets a function write to every log group of the account), JSON logs, and a local esbuild bundle
 * of its entry. Made as `LogGroup`, `Role` and `Function` inside `scope`.
 */
export function createBundledFunction(scope: Construct, props: BundledFunctionProps): BundledFunction {
  const logGroup = new LogGroup(scope, 'LogGroup', { retention: RetentionDays.THREE_MONTHS });
  const role = new Role(scope, 'Role', {
    assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    description: props.roleDescription,
  });

  const fn = new NodejsFunction(scope, 'Function', {
    entry: props.entry,
    handler: 'handler',
    depsLockFilePath: REPO_PATHS.lockFile,
    projectRoot: REPO_PATHS.repoRoot,
    // The newest runtime CDK knows (cdk-nag AwsSolutions-L1 asks for it). Where a region lacks it (check the China
    // regions before deploying there), NODEJS_22_X works too, with an acknowledged L1.
    runtime: Runtime.NODEJS_24_X,
    architecture: Architecture.ARM_64,
    memorySize: props.memorySize,
    timeout: props.timeout,
    role,
    logGroup,
    loggingFormat: LoggingFormat.JSON,
    applicationLogLevelV2: ApplicationLogLevel.INFO,
    systemLogLevelV2: SystemLogLevel.WARN,
    environment: {
      ...props.environment,
      // Stack traces point into the TypeScript sources instead of the minified bundle.
      NODE_OPTIONS: '--enable-source-maps',
    },
    ...props.asyncInvocation,
    bundling: {
      forceDockerBundling: false,
      format: OutputFormat.ESM,
      // Prefer the ES module builds of dependencies; CommonJS-only ones still resolve through `main`.
      mainFields: ['module', 'main'],
      // The AWS SDK v3 ships with the Node.js runtime: leaving it out keeps the bundle small.
      externalModules: ['@aws-sdk/*'],
      // CommonJS dependencies bundled into an ES module (ExcelJS's zip and crypto) still call `require` for Node's
      // built-ins, which an ES module does not have: give them one.
      banner: "import { createRequire as __shouhuCreateRequire } from 'node:module'; const require = __shouhuCreateRequire(import.meta.url);",
      minify: true,
      sourceMap: true,
      // The map keeps file and line references but not the sources, which would double the bundle.
      sourcesContent: false,
      ...(props.assets?.length
        ? {
            commandHooks: {
              beforeBundling: () => [],
              beforeInstall: () => [],
              afterBundling: (_inputDir: string, outputDir: string) => props.assets!.map((file) => `cp "${file}" "${outputDir}/"`),
            },
          }
        : {}),
    },
  });

  logGroup.grantWrite(role);
  return { function: fn, role, logGroup };
}
