import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { rateLimitWindowKey } from './keys.js';
import type { RateLimiter } from './ports.js';

/**
 * A fixed-window counter shared by every Lambda instance: one atomic ADD per attempt on the window's item, which
 * DynamoDB TTL removes some time after the window ends (expired items are never read again: the next window has
 * another key).
 */
export function createRateLimiter(client: DynamoDBDocumentClient, tableName: string): RateLimiter {
  return {
    async hit(key, limit, windowSeconds, now) {
      const nowSeconds = Math.floor(now.getTime() / 1000);
      const windowStart = nowSeconds - (nowSeconds % windowSeconds);
      const windowEnd = windowStart + windowSeconds;
      const { Attributes } = await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: rateLimitWindowKey(key, windowStart),
          UpdateExpression: 'ADD #count :one SET #expiresAt = if_not_exists(#expiresAt, :expiresAt), #entity = :entity',
          ExpressionAttributeNames: { '#count': 'count', '#expiresAt': 'expiresAt', '#entity': 'entity' },
          ExpressionAttributeValues: { ':one': 1, ':expiresAt': windowEnd + windowSeconds, ':entity': 'rateLimitWindow' },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      const count = Number(Attributes?.count ?? 1);
      if (count <= limit) return { allowed: true, retryAfterSeconds: 0 };
      return { allowed: false, retryAfterSeconds: Math.max(1, windowEnd - nowSeconds) };
    },
  };
}
