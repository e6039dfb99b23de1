import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, MathExpression, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Rule, Schedule, type IEventBus } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, FilterRule, StartingPosition, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { FilterPattern } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { OUTBOX_STREAM_MAX_RECORD_AGE_MINUTES, OUTBOX_SWEEP } from '../../functions/src/events/outbox-sweep.js';
import { OUTBOX_ENTITY } from '../../functions/src/store/outbox-items.js';
import { createBundledFunction } from './bundled-function.js';
import type { DataTable } from './data-table.js';
import { DeadLetterQueue } from './dead-letter-queue.js';
import { REPO_PATHS } from './repo-paths.js';

export interface OutboxRelayFunctionProps {
  readonly data: DataTable;
  readonly bus: IEventBus;
}

/** Only outbox items as they are written: marking one sent is a MODIFY, which must not feed the relay again. */
export const OUTBOX_INSERT_FILTER = {
  eventName: FilterRule.isEqual('INSERT'),
  dynamodb: { NewImage: { entity: { S: FilterRule.isEqual(OUTBOX_ENTITY) } } },
};

/**
 * The cloud side of the outbox (functions/src/lambda/outbox-relay.ts): the table's stream, filtered to outbox
 * inserts, feeds the relay in small batches with partial batch responses, splitting a failing batch and retrying a
 * bounded number of times within the record age the sweep waits out; what it gives up on is noted in its
 * dead-letter queue (the events themselves stay pending in the table) and swept again on a schedule.
 */
export class OutboxRelayFunction extends Construct {
  readonly function: IFunction;
  readonly deadLetters: DeadLetterQueue;
  readonly errorsAlarm: Alarm;

  constructor(scope: Construct, id: string, props: OutboxRelayFunctionProps) {
    super(scope, id);
    const { table, indexArns } = props.data;

    const { function: fn, role, logGroup } = createBundledFunction(this, {
      entry: REPO_PATHS.outboxRelayEntry,
      roleDescription: 'Shouhu outbox relay: the table stream, outbox items marked sent, events put on the product bus',
      memorySize: 256,
      timeout: Duration.seconds(60),
      environment: { TABLE_NAME: table.tableName, EVENT_BUS_NAME: props.bus.eventBusName },
      // The sweep is the only asynchronous caller, and the next sweep comes soon: no retry of a failed one.
      asyncInvocation: { retryAttempts: 0 },
    });
    this.function = fn;

    // pendingAmong reads outbox items, markSent updates them; the sweep lists the pending index (gsi1).
    role.addToPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['dynamodb:BatchGetItem', 'dynamodb:UpdateItem'], resources: [table.tableArn] }),
    );
    role.addToPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['dynamodb:Query'], resources: indexArns.filter((arn) => arn.endsWith('/index/gsi1')) }),
    );
    props.bus.grantPutEventsTo(role);

    this.deadLetters = new DeadLetterQueue(this, 'DeadLetters', {
      holds: 'outbox stream batches the relay gave up on (their events stay pending and the sweep relays them)',
    });
    this.deadLetters.acknowledgeNoDeadLetterQueueOfItsOwn();

    fn.addEventSource(
      new DynamoEventSource(table, {
        // From the oldest record the stream keeps, so a new or re-enabled mapping skips nothing; the relay passes
        // over events already sent.
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 25,
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 10,
        maxRecordAge: Duration.minutes(OUTBOX_STREAM_MAX_RECORD_AGE_MINUTES),
        onFailure: new SqsDlq(this.deadLetters.queue),
        filters: [FilterCriteria.filter(OUTBOX_INSERT_FILTER)],
      }),
    );
    // The event source grants the stream's actions on the stream's ARN, and dynamodb:ListStreams on '*'.
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'dynamodb:ListStreams has no resource-level permissions (IAM service authorization reference), and Lambda ' +
        "needs it to read the table's stream; the other stream actions are granted on the stream's ARN only.",
    });

    new Rule(this, 'SweepSchedule', {
      description: 'Relays outbox events the table stream gave up on',
      schedule: Schedule.rate(Duration.minutes(OUTBOX_SWEEP.everyMinutes)),
      targets: [new LambdaFunction(fn, { retryAttempts: 0 })],
    });

    // Failures the relay reports in its partial batch responses are not invocation errors: count its error lines too.
    const errorLines = logGroup.addMetricFilter('ErrorLines', {
      filterPattern: FilterPattern.stringValue('$.level', '=', 'error'),
      metricNamespace: 'Shouhu',
      metricName: 'OutboxRelayErrorLines',
      metricValue: '1',
      defaultValue: 0,
    });
    const period = Duration.minutes(5);
    this.errorsAlarm = new Alarm(this, 'ErrorsAlarm', {
      alarmDescription: 'The outbox relay failed or could not publish events: they stay pending, late, until it succeeds.',
      metric: new MathExpression({
        expression: 'FILL(invocationErrors, 0) + FILL(errorLines, 0)',
        usingMetrics: {
          invocationErrors: fn.metricErrors({ period, statistic: 'Sum' }),
          errorLines: errorLines.metric({ period, statistic: 'Sum' }),
        },
        period,
      }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
