import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { DomainEvent } from '../../../functions/src/events/domain-events.js';
import { outboxItem } from '../../../functions/src/store/outbox-items.js';

/** A stream record as Lambda hands it over for an INSERT with NEW_IMAGE; sequence numbers as strings of digits. */
export function insertRecord(item: Record<string, unknown>, sequenceNumber: string): DynamoDBRecord {
  return {
    eventID: `ev-${sequenceNumber}`,
    eventName: 'INSERT',
    eventSource: 'aws:dynamodb',
    awsRegion: 'ap-east-1',
    dynamodb: {
      Keys: marshall({ pk: item.pk, sk: item.sk }) as never,
      NewImage: marshall(item, { removeUndefinedValues: true }) as never,
      SequenceNumber: sequenceNumber,
      SizeBytes: 100,
      StreamViewType: 'NEW_IMAGE',
    },
  };
}

export function outboxRecord(event: DomainEvent, sequenceNumber: string): DynamoDBRecord {
  return insertRecord(outboxItem(event), sequenceNumber);
}

export function streamEventOf(records: DynamoDBRecord[]): DynamoDBStreamEvent {
  return { Records: records };
}
