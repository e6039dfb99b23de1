import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** What a client read from DynamoDB: the read calls sent and the items each had to read (a Query's ScannedCount). */
export interface ReadCount {
  calls: number;
  itemsRead: number;
}

const READS = new Set(['GetCommand', 'QueryCommand', 'BatchGetCommand']);

/**
 * Counts the reads a document client sends, as DynamoDB bills them (items examined, not items returned), so a test
 * can tell a query on an index of what it needs from one that reads everything and filters.
 */
export function countReads(client: DynamoDBDocumentClient): { count: () => ReadCount; reset: () => void } {
  let calls = 0;
  let itemsRead = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (!READS.has(context.commandName ?? '')) return result;
      calls += 1;
      const output = result.output as { Item?: unknown; ScannedCount?: number; Responses?: Record<string, unknown[]> };
      if (context.commandName === 'GetCommand') itemsRead += output.Item ? 1 : 0;
      else if (context.commandName === 'QueryCommand') itemsRead += output.ScannedCount ?? 0;
      else itemsRead += Object.values(output.Responses ?? {}).reduce((sum, items) => sum + items.length, 0);
      return result;
    },
    { step: 'initialize', name: 'countReads' },
  );
  return {
    count: () => ({ calls, itemsRead }),
    reset: () => {
      calls = 0;
      itemsRead = 0;
    },
  };
}
