import { CreateScheduleCommand, SchedulerClient, type CreateScheduleCommandInput } from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RetryPolicy } from '../../functions/src/events/backoff.js';
import { acknowledgeDeadlineOf } from '../../functions/src/events/deadlines.js';
import { EVENT_SOURCE } from '../../functions/src/events/domain-events.js';
import { atExpressionOf, createEventBridgeScheduler, scheduleNameOf, type DeadlineTarget } from '../../functions/src/events/eventbridge-scheduler.js';

/**
 * Deadlines on EventBridge Scheduler (issue 8, part 5), which has no local engine: a real client whose CreateSchedule
 * answers are scripted (STYLE.md habit 8), faults included: throttled, already scheduled, refused.
 */
const NOW = new Date('2026-11-30T02:00:00.000Z');
const QUICK: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5 };
const target: DeadlineTarget = {
  groupName: 'shouhu-deadlines',
  roleArn: 'arn:aws:iam::123456789012:role/shouhu-deadline-scheduler',
  deadLetterArn: 'arn:aws:sqs:ap-east-1:123456789012:shouhu-deadline-dlq',
  busArn: 'arn:aws:events:ap-east-1:123456789012:event-bus/shouhu',
};

const client = new SchedulerClient({ region: 'ap-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
const scheduler = mockClient(client);
beforeEach(() => scheduler.reset());

const awsError = (name: string, fault: 'client' | 'server' = 'client') => Object.assign(new Error(name), { name, $fault: fault });
const deadline = acknowledgeDeadlineOf({ subject: 'escalation', subjectId: 'a'.repeat(32), level: 'district' }, new Date('2026-12-01T02:00:00.250Z'));
const schedulerWith = () => createEventBridgeScheduler({ client, target: () => target, clock: () => NOW, retry: QUICK });
const sentInputs = () => scheduler.commandCalls(CreateScheduleCommand).map((call) => call.args[0].input as CreateScheduleCommandInput);

describe('a deadline scheduled on EventBridge Scheduler', () => {
  it('is a one-time schedule in the deadline group that puts the DeadlineReached event on the bus at its time, then deletes itself', async () => {
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:schedule' });

    expect(await schedulerWith().schedule(deadline)).toBe('scheduled');

    const [input] = sentInputs();
    expect(input).toEqual({
      Name: scheduleNameOf(deadline.id),
      GroupName: 'shouhu-deadlines',
      ScheduleExpression: 'at(2026-12-01T02:00:01)',
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      State: 'ENABLED',
      ClientToken: scheduleNameOf(deadline.id),
      Description: `Shouhu deadline ${deadline.id}`,
      Target: {
        Arn: target.busArn,
        RoleArn: target.roleArn,
        Input: expect.any(String),
        EventBridgeParameters: { Source: EVENT_SOURCE, DetailType: 'DeadlineReached' },
        DeadLetterConfig: { Arn: target.deadLetterArn },
        RetryPolicy: { MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 185 },
      },
    });
    expect(JSON.parse(input.Target!.Input!)).toEqual(deadline.event);
    expect(input.Name).toMatch(/^[0-9a-zA-Z_.-]{1,64}$/);
  });

  it('names the same deadline the same way every time, and different deadlines differently', () => {
    const other = acknowledgeDeadlineOf({ subject: 'escalation', subjectId: 'a'.repeat(32), level: 'city' }, NOW);
    expect(scheduleNameOf(deadline.id)).toBe(scheduleNameOf(deadline.id));
    expect(scheduleNameOf(other.id)).not.toBe(scheduleNameOf(deadline.id));
  });

  it('asked for when the time has passed (a consumer retried late), fires a minute from now rather than being refused', () => {
    expect(atExpressionOf(new Date('2026-11-30T01:00:00Z'), NOW)).toBe('at(2026-11-30T02:01:00)');
    expect(atExpressionOf(new Date('2026-11-30T02:00:30Z'), NOW)).toBe('at(2026-11-30T02:01:00)');
  });

  it('throttled, is asked again until it is taken', async () => {
    scheduler
      .on(CreateScheduleCommand)
      .rejectsOnce(awsError('ThrottlingException'))
      .rejectsOnce(awsError('InternalServerException', 'server'))
      .resolves({ ScheduleArn: 'arn:schedule' });

    expect(await schedulerWith().schedule(deadline)).toBe('scheduled');
    expect(sentInputs()).toHaveLength(3);
    expect(new Set(sentInputs().map((input) => input.ClientToken)).size).toBe(1);
  });

  it('already scheduled (ConflictException), is taken as scheduled: asking twice is one timer', async () => {
    scheduler.on(CreateScheduleCommand).rejects(awsError('ConflictException'));

    expect(await schedulerWith().schedule(deadline)).toBe('alreadyScheduled');
    expect(sentInputs()).toHaveLength(1);
  });

  it('refused for good (a validation or permission error), fails at once; throttled past its attempts, fails too', async () => {
    scheduler.on(CreateScheduleCommand).rejects(awsError('ValidationException'));
    await expect(schedulerWith().schedule(deadline)).rejects.toMatchObject({ name: 'ValidationException' });
    expect(sentInputs()).toHaveLength(1);

    scheduler.reset();
    scheduler.on(CreateScheduleCommand).rejects(awsError('ThrottlingException'));
    await expect(schedulerWith().schedule(deadline)).rejects.toMatchObject({ name: 'ThrottlingException' });
    expect(sentInputs()).toHaveLength(QUICK.maxAttempts);
  });

  it('reads its target only when it first schedules, so a consumer that never does needs no configuration', async () => {
    let reads = 0;
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:schedule' });
    const lazy = createEventBridgeScheduler({ client, target: () => ((reads += 1), target), clock: () => NOW, retry: QUICK });
    expect(reads).toBe(0);

    await lazy.schedule(deadline);
    await lazy.schedule(deadline);
    expect(reads).toBe(1);
  });
});
