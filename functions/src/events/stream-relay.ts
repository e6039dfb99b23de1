import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { DomainEvent } from './domain-events.js';
import type { EventsLogger } from './events-logger.js';
import type { OutboxRelay } from './outbox-relay.js';

interface OutboxRecord {
  sequenceNumber: string;
  event: DomainEvent;
}

/**
 * The cloud relay, fed by the table's stream (NEW_IMAGE, filtered by the event source mapping to outbox inserts).
 * It answers with a partial batch response: the sequence numbers of the records whose events were not published,
 * so Lambda retries from there rather than the whole batch. Records after a failed one are handed over again too;
 * the relay skips those already sent. A record that holds no valid event (it cannot be published however often it
 * is retried) is reported as well, so it ends in the dead-letter queue after the retries, where someone sees it.
 *
 * `eventOfImage` reads the event from a new image (store/outbox-stream.ts): null for an item that is no event,
 * an error for one that should be and is not.
 */
export function createStreamRelayHandler(deps: {
  relay: OutboxRelay;
  logger: EventsLogger;
  eventOfImage: (image: Record<string, unknown>) => DomainEvent | null;
}) {
  return async function relayStreamRecords(streamEvent: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
    const failedSequenceNumbers: string[] = [];
    const outboxRecords: OutboxRecord[] = [];
    for (const record of streamEvent.Records) {
      const image = record.dynamodb?.NewImage;
      if (record.eventName !== 'INSERT' || image === undefined) continue;
      const sequenceNumber = sequenceNumberOf(record);
      try {
        const event = deps.eventOfImage(image);
        if (event) outboxRecords.push({ sequenceNumber, event });
      } catch (error) {
        deps.logger.error('outbox stream record unreadable', { sequenceNumber, error });
        failedSequenceNumbers.push(sequenceNumber);
      }
    }

    const report = await deps.relay.relay(outboxRecords.map((r) => r.event));
    const failedIds = new Set(report.failed.map((failure) => failure.eventId));
    for (const record of outboxRecords) {
      if (failedIds.has(record.event.id)) failedSequenceNumbers.push(record.sequenceNumber);
    }
    return { batchItemFailures: failedSequenceNumbers.map((itemIdentifier) => ({ itemIdentifier })) };
  };
}

/** Every stream record has one; without it a failure could not be reported, so the whole batch is retried. */
function sequenceNumberOf(record: DynamoDBRecord): string {
  const sequenceNumber = record.dynamodb?.SequenceNumber;
  if (!sequenceNumber) throw new Error('A stream record without a sequence number: the batch is retried whole');
  return sequenceNumber;
}
