import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionalCheckFailed } from './aws-errors.js';
import { rateLimitKey } from './keys.js';
import type { RateLimiter } from './ports.js';
import { judgeSlidingWindow } from './sliding-window.js';

/**
 * A sliding-window counter shared by every Lambda instance. One item per key holds the current fixed window's start
 * and count and the previous window's count, so one atomic ADD (conditioned on the window still being current)
 * both counts the attempt and returns both counts. The first attempt of a new window finds the condition false and
 * moves the window on with a second, conditional write; two instances doing that at once are told apart by that
 * condition, and the loser counts in the window the winner started.
 */
const ENTITY = 'rateLimitWindow';
/** Usually one try; a second after losing the race to move the window on; more only if clocks disagree as well. */
const MAX_TRIES = 4;

interface StoredWindow {
  windowStart: number;
  count: number;
}

type Counted = { counted: true; previousCount: number; count: number } | { counted: false; stored: StoredWindow | null };

/** A number attribute of the item returned with a failed condition, which the document client leaves marshalled. */
function numberAttribute(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  const marshalled = (value as { N?: unknown } | undefined)?.N;
  return typeof marshalled === 'string' ? Number(marshalled) : undefined;
}

/** The item as it was when the condition failed; null when there was none. */
function storedWindowOf(error: unknown): StoredWindow | null {
  const item = (error as { Item?: Record<string, unknown> }).Item;
  const windowStart = numberAttribute(item?.windowStart);
  if (windowStart === undefined) return null;
  return { windowStart, count: numberAttribute(item?.count) ?? 0 };
}

export function createRateLimiter(client: DynamoDBDocumentClient, tableName: string): RateLimiter {
  const names = {
    '#windowStart': 'windowStart',
    '#count': 'count',
    '#previousCount': 'previousCount',
    '#expiresAt': 'expiresAt',
    '#entity': 'entity',
  };

  async function countInWindow(key: string, windowSeconds: number, windowStart: number): Promise<Counted> {
    try {
      const { Attributes } = await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: rateLimitKey(key, windowSeconds),
          UpdateExpression: 'ADD #count :one',
          ConditionExpression: '#windowStart = :windowStart',
          ExpressionAttributeNames: { '#windowStart': names['#windowStart'], '#count': names['#count'] },
          ExpressionAttributeValues: { ':one': 1, ':windowStart': windowStart },
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { counted: true, previousCount: Number(Attributes?.previousCount ?? 0), count: Number(Attributes?.count ?? 1) };
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      return { counted: false, stored: storedWindowOf(error) };
    }
  }

  /** Starts `windowStart` with this attempt, unless another instance moved the window on first (then null). */
  async function startWindow(key: string, windowSeconds: number, windowStart: number, stored: StoredWindow | null) {
    const previousCount = stored?.windowStart === windowStart - windowSeconds ? stored.count : 0;
    try {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: rateLimitKey(key, windowSeconds),
          UpdateExpression:
            'SET #windowStart = :windowStart, #count = :one, #previousCount = :previousCount, #expiresAt = :expiresAt, #entity = :entity',
          ConditionExpression: stored === null ? 'attribute_not_exists(#windowStart)' : '#windowStart = :storedStart',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: {
            ':windowStart': windowStart,
            ':one': 1,
            ':previousCount': previousCount,
            // After two windows neither count weighs anything: TTL may remove the item.
            ':expiresAt': windowStart + 2 * windowSeconds,
            ':entity': ENTITY,
            ...(stored === null ? {} : { ':storedStart': stored.windowStart }),
          },
        }),
      );
      return { previousCount, count: 1 };
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      return null;
    }
  }

  return {
    async hit(key, limit, windowSeconds, now) {
      const nowMs = now.getTime();
      const nowSeconds = Math.floor(nowMs / 1000);
      let windowStart = nowSeconds - (nowSeconds % windowSeconds);
      const judge = (counts: { previousCount: number; count: number }) =>
        judgeSlidingWindow(
          { ...counts, elapsedMs: Math.max(0, nowMs - windowStart * 1000), windowMs: windowSeconds * 1000 },
          limit,
        );
      for (let tries = 0; tries < MAX_TRIES; tries += 1) {
        const outcome = await countInWindow(key, windowSeconds, windowStart);
        if (outcome.counted) return judge(outcome);
        if (outcome.stored !== null && outcome.stored.windowStart > windowStart) {
          // Another instance's clock is a little ahead and already moved the window on: count in its window.
          windowStart = outcome.stored.windowStart;
          continue;
        }
        const started = await startWindow(key, windowSeconds, windowStart, outcome.stored);
        if (started !== null) return judge(started);
      }
      // The key is a client's address: not in the message, which reaches the log.
      throw new Error('rate limit window kept moving');
    },
  };
}
