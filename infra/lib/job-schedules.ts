import { Aws, Duration } from 'aws-cdk-lib';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { CfnSchedule, ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';
import { schedulerExpressionOf } from '../../functions/src/jobs/fire-times.js';
import { scheduleTargetInput } from '../../functions/src/jobs/job-input.js';
import { JOB_TIMEOUT_MS } from '../../functions/src/jobs/run-job.js';
import type { JobSchedule } from '../../functions/src/jobs/schedules.js';
import { TIME_ZONE } from '../../functions/src/domain/time.js';
import { createBundledFunction } from './bundled-function.js';
import type { DataTable } from './data-table.js';
import { DeadLetterQueue } from './dead-letter-queue.js';
import { outsideChannelEnvironment, type OutsideChannelSettings } from './outside-channel-settings.js';
import { REPO_PATHS } from './repo-paths.js';
import type { ChatSettings } from './chat-settings.js';
import type { SecureParameters } from './secure-parameters.js';

export const JOB_SCHEDULE_GROUP_NAME = 'shouhu-jobs';

/** The runner's lease (JOB_LEASE_MS) is counted from it: a run still going is never taken over by a retry. */
export const JOB_FUNCTION_TIMEOUT = Duration.millis(JOB_TIMEOUT_MS);

/**
 * EventBridge Scheduler invokes Lambda asynchronously (Lambda developer guide, "Invoke a Lambda function on a
 * schedule"): the schedule's retry policy covers handing the run to Lambda; a run that fails is retried by Lambda,
 * twice, and then goes to the same dead-letter queue.
 */
export const JOB_ASYNC_RETRY = { maxEventAge: Duration.hours(6), retryAttempts: 2 };

export interface JobSchedulesProps {
  readonly data: DataTable;
  /** The schedules to make: those of functions/src/jobs whose job is built (runnableSchedules()). */
  readonly schedules: readonly JobSchedule[];
  /** The AppSecret and the towns' robot keys, read by name at start (functions/src/lambda/scheduled-job.ts). */
  readonly secrets: SecureParameters;
  /** The mini-program's AppID: public, so a plain variable. */
  readonly wechatAppId: string;
  readonly outsideChannels: OutsideChannelSettings;
  /** The chat-bot's public ids: a digest also goes to the chats its readers bound (issue 10, part 6). */
  readonly chat?: ChatSettings;
}

/**
 * The recurring jobs in the cloud (issue 9): one function that runs any job, and one EventBridge Scheduler schedule
 * per entry of the list in functions/src/jobs, at its Beijing time, with a flexible window, a retry policy and a
 * dead-letter queue, all made from the same definition `npm start` fires locally.
 */
export class JobSchedules extends Construct {
  readonly function: NodejsFunction;
  readonly group: ScheduleGroup;
  readonly schedulerRole: Role;
  readonly deadLetters: DeadLetterQueue;
  readonly schedules: CfnSchedule[];

  constructor(scope: Construct, id: string, props: JobSchedulesProps) {
    super(scope, id);
    const { table } = props.data;

    this.deadLetters = new DeadLetterQueue(this, 'DeadLetters', {
      holds: 'runs of recurring jobs that EventBridge Scheduler could not hand to their function, or that failed there',
    });
    this.deadLetters.acknowledgeNoDeadLetterQueueOfItsOwn();

    const { function: fn, role } = createBundledFunction(this, {
      entry: REPO_PATHS.scheduledJobEntry,
      roleDescription: 'Shouhu recurring jobs: records each run and does its work in the table',
      memorySize: 256,
      timeout: JOB_FUNCTION_TIMEOUT,
      environment: {
        TABLE_NAME: table.tableName,
        // The same WeChat variables as the API function's; the secrets by name only.
        WECHAT_APP_ID: props.wechatAppId,
        WECHAT_APP_SECRET_PARAMETER: props.secrets.wechatAppSecretName,
        SHOUHU_WECOM_ROBOT_KEYS_PARAMETER: props.secrets.wecomRobotKeysName,
        ...outsideChannelEnvironment(props.outsideChannels),
        ...props.chat?.environment,
        CHAT_SECRETS_PREFIX: props.secrets.chatSecretsPrefix,
      },
      asyncInvocation: { ...JOB_ASYNC_RETRY, deadLetterQueue: this.deadLetters.queue },
    });
    this.function = fn;
    // The run's record (claimed and settled by conditional updates, read back by key), the messages and the monthly
    // reports it puts, and the villages' counter items the roll-up reads by key.
    role.addToPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:UpdateItem', 'dynamodb:PutItem'],
        resources: [table.tableArn],
      }),
    );
    // The regions, the towns' due, attention and concern lists, the supervisors and the unteamed children, each
    // read from its index; the children of waiting visits and the readers' openids in one batch read by key.
    role.addToPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['dynamodb:Query'], resources: [...props.data.indexArns] }));
    role.addToPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['dynamodb:BatchGetItem'], resources: [table.tableArn] }));
    // The outside channels' claims and consents are settled in transactions of conditional writes.
    role.addToPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['dynamodb:ConditionCheckItem'], resources: [table.tableArn] }));
    props.secrets.grantReadForJobs(role);
    props.secrets.grantChatSendingForJobs(role);

    this.group = new ScheduleGroup(this, 'Group', { scheduleGroupName: JOB_SCHEDULE_GROUP_NAME });
    this.schedulerRole = new Role(this, 'SchedulerRole', {
      description: 'EventBridge Scheduler, for the Shouhu recurring jobs: invokes the job function',
      // Confused-deputy guard: only schedules of this account's job group may have the scheduler act as this role.
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
          ArnEquals: { 'aws:SourceArn': this.group.scheduleGroupArn },
        },
      }),
    });
    this.schedulerRole.addToPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['lambda:InvokeFunction'], resources: [fn.functionArn] }),
    );
    // Dead letters are sent with the schedule's execution role (EventBridge Scheduler user guide).
    this.schedulerRole.addToPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['sqs:SendMessage'], resources: [this.deadLetters.queue.queueArn] }),
    );

    this.schedules = props.schedules.map((schedule) => {
      const made = new CfnSchedule(this, `Schedule-${schedule.job}`, {
        name: `shouhu-${schedule.job}`,
        groupName: JOB_SCHEDULE_GROUP_NAME,
        description: schedule.description,
        scheduleExpression: schedulerExpressionOf(schedule),
        scheduleExpressionTimezone: TIME_ZONE,
        flexibleTimeWindow: { mode: 'FLEXIBLE', maximumWindowInMinutes: schedule.flexibleWindowMinutes },
        state: 'ENABLED',
        target: {
          arn: fn.functionArn,
          roleArn: this.schedulerRole.roleArn,
          input: scheduleTargetInput(schedule.job),
          retryPolicy: {
            maximumRetryAttempts: schedule.retry.maxAttempts,
            maximumEventAgeInSeconds: schedule.retry.maxEventAgeSeconds,
          },
          deadLetterConfig: { arn: this.deadLetters.queue.queueArn },
        },
      });
      // The group is named, not referenced: without this a schedule could be made before its group exists.
      made.node.addDependency(this.group);
      return made;
    });
  }
}
