import { createHash } from 'node:crypto';
import { TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { failedConditionIndexes } from './aws-errors.js';

export type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/**
 * Makes the SDK's own retry of a transaction idempotent for ten minutes: a retry after a lost answer would otherwise
 * fail its own condition and report a conflict that never happened. The token is a hash of the whole request, so
 * only an identical request counts as a repeat (a token reused with other content would be refused by DynamoDB).
 * `attempt` tells apart our own deliberate re-sends after a cancellation, which must run again.
 */
export function idempotentTransaction(items: TransactItems, attempt = 1): TransactWriteCommand {
  const token = createHash('sha256').update(JSON.stringify(items)).update(`#${attempt}`).digest('hex').slice(0, 36);
  return new TransactWriteCommand({ TransactItems: items, ClientRequestToken: token });
}

/** DynamoDB cancelled the transaction only because another transaction was writing the same items at that moment. */
export function isTransactionConflict(error: unknown): boolean {
  if ((error as Error | undefined)?.name !== 'TransactionCanceledException') return false;
  const codes = ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map((r) => r.Code);
  return codes.includes('TransactionConflict') && !codes.includes('ConditionalCheckFailed');
}

/**
 * Optimistic locking inside a transaction: the whole item is replaced only if nobody changed it since the caller
 * read version `expected`.
 */
export function putIfVersion(tableName: string, item: Record<string, unknown>, expected: number): TransactItems[number] {
  return {
    Put: {
      TableName: tableName,
      Item: item,
      ConditionExpression: '#version = :expected',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':expected': expected },
    },
  };
}

export const MAX_CONFLICT_ATTEMPTS = 4;

/**
 * Sends a transaction, sending it again (bounded, with backoff and jitter) when DynamoDB cancels it for a
 * TransactionConflict: a concurrent transaction on one of its items, which is nobody's error and which DynamoDB
 * does not retry by itself. Any other failure, including a failed condition, goes to the caller. DynamoDB Local
 * never raises the conflict; tests inject it (RELIABILITY.md).
 */
export async function sendTransaction(client: DynamoDBDocumentClient, items: TransactItems): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await client.send(idempotentTransaction(items, attempt));
      return;
    } catch (error) {
      if (!isTransactionConflict(error) || attempt >= MAX_CONFLICT_ATTEMPTS) throw error;
      await pause(attempt);
    }
  }
}

function pause(attempt: number): Promise<void> {
  const ms = Math.min(25 * 2 ** (attempt - 1), 500) * (0.5 + Math.random() / 2);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A transaction built from named parts, so that a cancellation says which part's condition failed (the visit id
 * was taken, the chain head moved, …) without counting indexes by hand.
 */
export interface TaggedTransaction<Tag extends string> {
  items: TransactItems;
  /** The tags of the parts whose condition failed; empty when the failure was not a failed condition. */
  failedParts(error: unknown): Set<Tag>;
}

export function taggedTransaction<Tag extends string>(parts: [Tag, TransactItems][]): TaggedTransaction<Tag> {
  const items: TransactItems = [];
  const tags: Tag[] = [];
  for (const [tag, actions] of parts) {
    items.push(...actions);
    tags.push(...actions.map(() => tag));
  }
  return {
    items,
    failedParts: (error) => new Set(failedConditionIndexes(error).map((index) => tags[index])),
  };
}
