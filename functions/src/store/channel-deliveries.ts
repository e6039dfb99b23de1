import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionalCheckFailed } from './aws-errors.js';
import type { ChannelDeliveries, ChannelSettlement } from './event-ports.js';
import { channelDeliveryKey } from './keys.js';
import type { TransactItems } from './transact.js';

/**
 * A claim outlives every retry that could bring the same delivery back (EventBridge's 24 h, Scheduler's 24 h, a
 * digest re-run the next morning); 30 days also leaves time to look into the claims left 'sending' by a crash.
 */
export const CHANNEL_DELIVERY_TTL_SECONDS = 30 * 24 * 3_600;

export type ConsentUsed = 'oneTime' | 'longTerm' | 'none';

export function deliveryClaimPut(
  tableName: string,
  request: { deliveryId: string; channel: string; at: Date; consentUsed: ConsentUsed },
): NonNullable<TransactItems[number]['Put']> {
  return {
    TableName: tableName,
    Item: {
      ...channelDeliveryKey(request.deliveryId),
      entity: 'channelDelivery',
      deliveryId: request.deliveryId,
      channel: request.channel,
      state: 'sending',
      consentUsed: request.consentUsed,
      // Makes every claim's request unique: sendTransaction's idempotency token is a hash of the request, and
      // DynamoDB answers a twin claim with identical content (same delivery, same millisecond) as a repeat of the
      // first, with success, so both would send.
      claimId: randomUUID(),
      claimedAt: request.at.toISOString(),
      expiresAt: Math.floor(request.at.getTime() / 1000) + CHANNEL_DELIVERY_TTL_SECONDS,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  };
}

/** Only a claim still 'sending' is settled, so a settlement never overwrites an earlier one. */
export function deliverySettleUpdate(tableName: string, deliveryId: string, settlement: ChannelSettlement, at: Date) {
  return {
    TableName: tableName,
    Key: channelDeliveryKey(deliveryId),
    UpdateExpression: 'SET #state = :settlement, settledAt = :at',
    ConditionExpression: '#state = :sending',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: { ':settlement': settlement, ':at': at.toISOString(), ':sending': 'sending' },
  };
}

export async function readDeliveryClaim(client: DynamoDBDocumentClient, tableName: string, deliveryId: string) {
  const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: channelDeliveryKey(deliveryId), ConsistentRead: true }));
  return Item as { state: string; consentUsed: ConsentUsed } | undefined;
}

export function createChannelDeliveries(client: DynamoDBDocumentClient, tableName: string): ChannelDeliveries {
  return {
    async claim(request) {
      try {
        await client.send(new PutCommand(deliveryClaimPut(tableName, { ...request, consentUsed: 'none' })));
        return 'claimed';
      } catch (error) {
        if (isConditionalCheckFailed(error)) return 'duplicate';
        throw error;
      }
    },
    async settle(deliveryId, settlement, at) {
      try {
        await client.send(new UpdateCommand(deliverySettleUpdate(tableName, deliveryId, settlement, at)));
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
      }
    },
  };
}
