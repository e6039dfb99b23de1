import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent, ScheduledEvent } from 'aws-lambda';
import { createLogger } from '../api/logger.js';
import { requireEnv } from '../config/env.js';
import { createEventBridgePublisher } from '../events/eventbridge-publisher.js';
import { createOutboxRelay } from '../events/outbox-relay.js';
import { createOutboxSweep } from '../events/outbox-sweep.js';
import { createStreamRelayHandler } from '../events/stream-relay.js';
import { createRuntime } from '../compose/runtime.js';
import { outboxEventOfStreamImage } from '../store/outbox-stream.js';

/**
 * The outbox relay Lambda: fed by the table's stream (outbox inserts only, partial batch responses) and, on a
 * schedule, sweeping what the stream gave up on. Clients are built once per instance, on the first call; a
 * configuration error fails that call and the next one tries again.
 */
const config = {
  tableName: () => requireEnv('TABLE_NAME'),
  eventBusName: () => requireEnv('EVENT_BUS_NAME'),
};

const logger = createLogger({ base: { service: 'shouhu-outbox-relay' } });

function build() {
  const { repositories, clock } = createRuntime({ tableName: config.tableName() });
  const { outbox } = repositories;
  const publisher = createEventBridgePublisher({ client: new EventBridgeClient({}), busName: config.eventBusName() });
  const relay = createOutboxRelay({ outbox, publisher, clock, logger });
  return { relayStream: createStreamRelayHandler({ relay, logger, eventOfImage: outboxEventOfStreamImage }), sweep: createOutboxSweep({ outbox, relay, clock }) };
}

let runtime: ReturnType<typeof build> | undefined;

export async function handler(event: DynamoDBStreamEvent | ScheduledEvent): Promise<DynamoDBBatchResponse | void> {
  runtime ??= build();
  if ('Records' in event) return runtime.relayStream(event);
  const report = await runtime.sweep();
  // Thrown so that the function's Errors metric, and its alarm, count a sweep that left events behind.
  if (report.failed.length > 0) throw new Error(`Outbox sweep left ${report.failed.length} events pending`);
}
