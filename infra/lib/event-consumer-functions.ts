import { Duration } from 'aws-cdk-lib';
import { Rule, type IEventBus } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { DISTRICT_WALK, type EventRule } from '../../functions/src/events/rules.js';
import { createBundledFunction } from './bundled-function.js';
import type { DataTable } from './data-table.js';
import { DeadLetterQueue } from './dead-letter-queue.js';
import { REPO_PATHS } from './repo-paths.js';

export interface EventConsumerFunctionsProps {
  readonly data: DataTable;
  readonly bus: IEventBus;
  readonly rules: readonly EventRule[];
}

/**
 * RELIABILITY.md: EventBridge retries a target for up to 24 h (185 attempts), then drops the event unless there is a
 * dead-letter queue. Both limits stated, so the consumers' processed records (kept a week) cover them.
 */
export const EVENT_TARGET_RETRY = { maxEventAge: Duration.hours(24), retryAttempts: 185 };

/** Lambda's own retries of an event it accepted and whose consumer then failed. */
export const CONSUMER_ASYNC_RETRY = { maxEventAge: Duration.hours(6), retryAttempts: 2 };

export interface EventConsumer {
  readonly rule: Rule;
  readonly function: NodejsFunction;
  readonly deadLetters: DeadLetterQueue;
}

/**
 * One rule of rules.ts, one consumer function, one dead-letter queue. The queue takes both kinds of failure: an
 * event EventBridge could not hand to the function (the target's DLQ) and one the function failed on after Lambda's
 * retries (the function's DLQ), so every undelivered event is in the one place its alarm watches.
 */
export class EventConsumerFunctions extends Construct {
  readonly consumers: EventConsumer[];

  constructor(scope: Construct, id: string, props: EventConsumerFunctionsProps) {
    super(scope, id);
    const { table, indexArns } = props.data;

    this.consumers = props.rules.map((eventRule) => {
      const group = new Construct(this, eventRule.name);
      const deadLetters = new DeadLetterQueue(group, 'DeadLetters', { holds: `events the consumer ${eventRule.consumer} did not act on` });
      const { function: fn, role } = createBundledFunction(group, {
        entry: REPO_PATHS.eventConsumerEntry,
        roleDescription: eventRule.walksDistrict
          ? `Shouhu event consumer ${eventRule.consumer}: walks a district's children and rewrites their obligations, page by page`
          : `Shouhu event consumer ${eventRule.consumer}: reads children and visits, writes inbox messages and its processed records`,
        memorySize: 256,
        timeout: Duration.seconds(eventRule.walksDistrict ? DISTRICT_WALK.timeoutSeconds : 30),
        environment: { TABLE_NAME: table.tableName, CONSUMER_NAME: eventRule.consumer },
        asyncInvocation: { ...CONSUMER_ASYNC_RETRY, deadLetterQueue: deadLetters.queue },
      });
      // Reads by key, and the transaction's puts (TransactWriteItems is authorized per action).
      role.addToPolicy(
        new PolicyStatement({ effect: Effect.ALLOW, actions: ['dynamodb:GetItem', 'dynamodb:PutItem'], resources: [table.tableArn] }),
      );
      if (eventRule.walksDistrict) {
        // A district's children by the region index, each read with its policy in one batch, and the obligation
        // transactions' deletes (rules dropped) and condition checks (obligations unchanged, child's version).
        role.addToPolicy(
          new PolicyStatement({
            effect: Effect.ALLOW,
            actions: ['dynamodb:BatchGetItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'],
            resources: [table.tableArn],
          }),
        );
        role.addToPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['dynamodb:Query'], resources: indexArns.filter((arn) => arn.endsWith('/index/gsi1')) }));
      }

      const rule = new Rule(group, 'Rule', {
        description: `${eventRule.pattern.detailType.join(', ')} → ${eventRule.consumer}`,
        eventBus: props.bus,
        eventPattern: { source: [eventRule.pattern.source], detailType: [...eventRule.pattern.detailType] },
        targets: [new LambdaFunction(fn, { deadLetterQueue: deadLetters.queue, ...EVENT_TARGET_RETRY })],
      });
      return { rule, function: fn, deadLetters };
    });
  }
}
