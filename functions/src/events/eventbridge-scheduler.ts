import { createHash } from 'node:crypto';
import { CreateScheduleCommand, type SchedulerClient } from '@aws-sdk/client-scheduler';
import type { DeadlineScheduler, ScheduledDeadline } from '../store/event-ports.js';
import { pauseBeforeAttempt, type RetryPolicy } from './backoff.js';
import { EVENT_SOURCE } from './domain-events.js';

/** Where a fired deadline goes and with what: the stack's names and ARNs (infra/lib/deadline-schedules.ts). */
export interface DeadlineTarget {
  groupName: string;
  /** The role EventBridge Scheduler assumes to put the event on the bus (and dead letters in the queue). */
  roleArn: string;
  deadLetterArn: string;
  busArn: string;
}

/** Throttling and the service's own failures are tried again a few times; anything else is the caller's to see. */
export const CREATE_SCHEDULE_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 5_000 };

/**
 * RELIABILITY.md: Scheduler retries a target 0–185 times within 60 s–24 h, then drops it unless it has a dead-letter
 * queue. The most it allows, as the product's rules do: a deadline is worth a day of retries.
 */
export const DEADLINE_TARGET_RETRY = { MaximumEventAgeInSeconds: 24 * 3_600, MaximumRetryAttempts: 185 };

/** A schedule is made at least this far ahead, so that one asked for late (a consumer retried) still fires, at once. */
export const MIN_LEAD_MS = 60_000;

const RETRYABLE = new Set(['ThrottlingException', 'InternalServerException', 'ServiceUnavailableException']);

/** Schedule names are at most 64 of [0-9a-zA-Z-_.]: the deadline id's hash, which names it the same every time. */
export function scheduleNameOf(deadlineId: string): string {
  return `deadline-${createHash('sha256').update(deadlineId).digest('hex').slice(0, 55)}`;
}

/**
 * `at(yyyy-mm-ddThh:mm:ss)` in UTC, rounded up to the second (a deadline never fires early), and never sooner than
 * MIN_LEAD_MS from now.
 */
export function atExpressionOf(fireAt: Date, now: Date): string {
  const at = Math.max(fireAt.getTime(), now.getTime() + MIN_LEAD_MS);
  return `at(${new Date(Math.ceil(at / 1_000) * 1_000).toISOString().slice(0, 19)})`;
}

/**
 * Deadlines as EventBridge Scheduler one-time schedules (issue 8, part 5): each puts its DeadlineReached event on the
 * product's bus when due, as the detail of an entry of our source and detail-type, so the bus's rules route it like
 * any event; the schedule deletes itself once it has fired. The name and the client token come from the deadline's
 * id: asked twice, the second is refused with ConflictException, which means it is scheduled already.
 *
 * The target's names are read on the first schedule, not before: a consumer that never schedules needs none.
 */
export function createEventBridgeScheduler(options: {
  client: SchedulerClient;
  target: () => DeadlineTarget;
  clock?: () => Date;
  retry?: RetryPolicy;
}): DeadlineScheduler {
  const { client, clock = () => new Date(), retry = CREATE_SCHEDULE_RETRY } = options;
  let target: DeadlineTarget | undefined;

  function commandOf(deadline: ScheduledDeadline): CreateScheduleCommand {
    target ??= options.target();
    const name = scheduleNameOf(deadline.id);
    return new CreateScheduleCommand({
      Name: name,
      GroupName: target.groupName,
      ScheduleExpression: atExpressionOf(deadline.fireAt, clock()),
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      State: 'ENABLED',
      ClientToken: name,
      Description: `Shouhu deadline ${deadline.id}`,
      Target: {
        Arn: target.busArn,
        RoleArn: target.roleArn,
        Input: JSON.stringify(deadline.event),
        EventBridgeParameters: { Source: EVENT_SOURCE, DetailType: deadline.event.detailType },
        DeadLetterConfig: { Arn: target.deadLetterArn },
        RetryPolicy: DEADLINE_TARGET_RETRY,
      },
    });
  }

  return {
    async schedule(deadline) {
      const command = commandOf(deadline);
      for (let attempt = 1; ; attempt += 1) {
        try {
          await client.send(command);
          return 'scheduled';
        } catch (error) {
          const name = (error as Error | undefined)?.name ?? '';
          if (name === 'ConflictException') return 'alreadyScheduled';
          if (!RETRYABLE.has(name) || attempt >= retry.maxAttempts) throw error;
          await pauseBeforeAttempt(retry, attempt + 1);
        }
      }
    },
  };
}
