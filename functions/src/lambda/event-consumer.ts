import { SchedulerClient } from '@aws-sdk/client-scheduler';
import type { EventBridgeEvent } from 'aws-lambda';
import { createLogger } from '../api/logger.js';
import { requireEnv } from '../config/env.js';
import { createRuntime } from '../compose/runtime.js';
import { deliverEvent, InvalidEventError } from '../events/deliver-event.js';
import { createEventBridgeScheduler, type DeadlineTarget } from '../events/eventbridge-scheduler.js';
import { consumerNameFrom } from '../events/rules.js';

/**
 * One event consumer, as an EventBridge rule's target: CONSUMER_NAME (set by the stack from rules.ts) says which.
 * An event that fails validation is logged by its ids and thrown, so it ends in the consumer's dead-letter queue
 * after Lambda's retries; a consumer error is thrown for a retry the same way. Deadlines go to EventBridge Scheduler
 * with the group, role, queue and bus the stack names (read when the first one is scheduled).
 */
const config = {
  tableName: () => requireEnv('TABLE_NAME'),
  consumerName: () => consumerNameFrom(requireEnv('CONSUMER_NAME')),
  deadlineTarget: (): DeadlineTarget => ({
    groupName: requireEnv('DEADLINE_SCHEDULE_GROUP'),
    roleArn: requireEnv('DEADLINE_SCHEDULER_ROLE_ARN'),
    deadLetterArn: requireEnv('DEADLINE_DLQ_ARN'),
    busArn: requireEnv('EVENT_BUS_ARN'),
  }),
};

const logger = createLogger({ base: { service: 'shouhu-event-consumer' } });

function build() {
  const name = config.consumerName();
  const deadlines = createEventBridgeScheduler({ client: new SchedulerClient({}), target: config.deadlineTarget });
  return { name, consumer: createRuntime({ tableName: config.tableName(), deadlines }).consumers[name] };
}

let runtime: ReturnType<typeof build> | undefined;

export async function handler(event: EventBridgeEvent<string, unknown>): Promise<void> {
  runtime ??= build();
  try {
    const { eventId, outcome } = await deliverEvent(runtime.consumer, {
      busEventId: event.id,
      source: event.source,
      detailType: event['detail-type'],
      detail: event.detail,
    });
    // Nothing to do means the visit or the child is gone, which nothing does today: worth a look.
    const log = outcome === 'nothingToDo' ? logger.warn : logger.info;
    log('event consumed', { consumer: runtime.name, eventId, busEventId: event.id, outcome });
  } catch (error) {
    if (error instanceof InvalidEventError) {
      logger.error('event refused', { consumer: runtime.name, busEventId: error.busEventId, problems: error.problems });
    } else {
      logger.error('event consumer failed', { consumer: runtime.name, busEventId: event.id, error });
    }
    throw error;
  }
}
