import { ArnFormat, Aws, Stack, Validations } from 'aws-cdk-lib';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';
import { DeadLetterQueue } from './dead-letter-queue.js';

export const DEADLINE_SCHEDULE_GROUP_NAME = 'shouhu-deadlines';

export interface DeadlineSchedulesProps {
  /** Where a fired deadline goes: the product's bus, so its rules route it like any other event. */
  readonly bus: IEventBus;
}

/**
 * What the functions need to schedule a deadline (acknowledge by, respond by) as an EventBridge Scheduler one-time
 * schedule: a group to put it in, a role the scheduler assumes to put the fired event on the bus, and a dead-letter
 * queue for the events it could not deliver. The schedules themselves are made at run time (`CreateSchedule` with
 * `ActionAfterCompletion: DELETE`), one per deadline, so the stack holds none.
 */
export class DeadlineSchedules extends Construct {
  readonly group: ScheduleGroup;
  /** Assumed by EventBridge Scheduler when a schedule of the group fires. */
  readonly schedulerRole: Role;
  readonly deadLetters: DeadLetterQueue;
  private readonly bus: IEventBus;

  constructor(scope: Construct, id: string, props: DeadlineSchedulesProps) {
    super(scope, id);
    this.bus = props.bus;

    this.group = new ScheduleGroup(this, 'Group', { scheduleGroupName: DEADLINE_SCHEDULE_GROUP_NAME });

    this.schedulerRole = new Role(this, 'SchedulerRole', {
      description: 'EventBridge Scheduler, for the Shouhu deadline schedules: puts the fired deadline on the product bus',
      // Confused-deputy guard (EventBridge Scheduler user guide): only schedules of this account's deadline group
      // may have the scheduler act as this role.
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
          ArnEquals: { 'aws:SourceArn': this.group.scheduleGroupArn },
        },
      }),
    });
    props.bus.grantPutEventsTo(this.schedulerRole);

    this.deadLetters = new DeadLetterQueue(this, 'DeadLetters', {
      holds: 'deadlines EventBridge Scheduler could not put on the product bus',
    });
    // The scheduler writes dead letters with the schedule's execution role, not as a service principal, and needs
    // nothing but SendMessage for it (EventBridge Scheduler user guide, "Configuring a dead-letter queue").
    this.schedulerRole.addToPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['sqs:SendMessage'], resources: [this.deadLetters.queue.queueArn] }),
    );
    this.deadLetters.acknowledgeNoDeadLetterQueueOfItsOwn();
  }

  /**
   * Lets a function create and delete schedules of the deadline group, and hand them the scheduler role, and tells
   * it the names and ARNs it needs for `CreateSchedule` (target bus, role, dead-letter queue).
   */
  enableFor(fn: LambdaFunction): void {
    const environment = {
      DEADLINE_SCHEDULE_GROUP: this.group.scheduleGroupName,
      DEADLINE_SCHEDULER_ROLE_ARN: this.schedulerRole.roleArn,
      DEADLINE_DLQ_ARN: this.deadLetters.queue.queueArn,
      EVENT_BUS_NAME: this.bus.eventBusName,
      // A schedule's target is the bus's ARN, which the name alone does not give without the account and region.
      EVENT_BUS_ARN: this.bus.eventBusArn,
    };
    for (const [name, value] of Object.entries(environment)) fn.addEnvironment(name, value);
    // The group is named, not referenced, above: without this the function could be updated before the group exists.
    fn.node.addDependency(this.group);

    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule'],
        resources: [this.scheduleArnPattern()],
      }),
    );
    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['iam:PassRole'],
        resources: [this.schedulerRole.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      }),
    );
    if (fn.role) {
      Validations.of(fn.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/${DEADLINE_SCHEDULE_GROUP_NAME}/*]`,
        reason:
          'One schedule per deadline, named at run time: the grant covers the schedules of the deadline group only ' +
          '(create and delete), no other group and no other scheduler action.',
      });
    }
  }

  /** Every schedule of the deadline group: their names are made at run time, one per deadline. */
  private scheduleArnPattern(): string {
    return Stack.of(this).formatArn({
      service: 'scheduler',
      resource: 'schedule',
      resourceName: `${this.group.scheduleGroupName}/*`,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
  }
}
