import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface DeadLetterQueueProps {
  /** What ends up here, for the alarm's description. */
  readonly holds: string;
}

/**
 * Where failed deliveries wait for someone (RELIABILITY.md: without a DLQ EventBridge drops an event after its
 * retries), with an alarm as soon as one message is there. Messages hold event ids or stream positions, never
 * personal data; they are kept the 14 days SQS allows, to look at and redrive.
 *
 * SQS-managed encryption rather than KMS: EventBridge cannot send to a queue encrypted with the AWS-managed SQS
 * key, and a customer-managed key is a cost and a key policy this stack does not need yet.
 */
export class DeadLetterQueue extends Construct {
  readonly queue: Queue;
  readonly alarm: Alarm;

  constructor(scope: Construct, id: string, props: DeadLetterQueueProps) {
    super(scope, id);

    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });

    this.alarm = new Alarm(this, 'Alarm', {
      alarmDescription: `A message waits in a dead-letter queue: ${props.holds}. Look at it, fix the cause, redrive it.`,
      metric: this.queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }

  /** For a queue that only a Lambda event source mapping or an EventBridge target writes to, never a queue's redrive. */
  acknowledgeNoDeadLetterQueueOfItsOwn(): void {
    Validations.of(this.queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself a dead-letter queue (of a stream event source mapping or an EventBridge target, which ' +
        'cdk-nag does not recognise as such); nothing consumes it, so it needs no dead-letter queue of its own. An ' +
        'alarm fires on its first message.',
    });
  }
}
