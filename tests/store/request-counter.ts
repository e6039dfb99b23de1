import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface RequestRecord {
  command: string;
  /** Items DynamoDB returned (a COUNT query reads its matches without returning them: counted too). */
  itemsRead: number;
  /** Puts, updates and deletes; a transaction's condition checks are counted apart. */
  itemsWritten: number;
  conditionChecks: number;
  /** A request DynamoDB refused (a false condition): it still went to the table and is still billed. */
  failed: boolean;
}

type Loose = Record<string, any>;

function itemsReadBy(output: Loose): number {
  if (output.Item) return 1;
  if (output.Responses) return Object.values(output.Responses as Record<string, unknown[]>).reduce((n, items) => n + items.length, 0);
  if (Array.isArray(output.Items)) return output.Items.length;
  if (typeof output.Count === 'number') return output.Count;
  return 0;
}

function writesOf(input: Loose): { itemsWritten: number; conditionChecks: number } {
  if (Array.isArray(input.TransactItems)) {
    const checks = input.TransactItems.filter((item: Loose) => item.ConditionCheck).length;
    return { itemsWritten: input.TransactItems.length - checks, conditionChecks: checks };
  }
  if (input.RequestItems && !('Keys' in (Object.values(input.RequestItems)[0] as Loose))) {
    return { itemsWritten: Object.values(input.RequestItems as Record<string, unknown[]>).reduce((n, r) => n + r.length, 0), conditionChecks: 0 };
  }
  if (input.Item || input.UpdateExpression || (input.Key && !input.KeyConditionExpression && !input.ProjectionExpression && input.ConditionExpression)) {
    return { itemsWritten: 1, conditionChecks: 0 };
  }
  return { itemsWritten: 0, conditionChecks: 0 };
}

/** Every request a client sends, with the items it read and wrote: what one API call costs in DynamoDB. */
export function countRequests(client: DynamoDBDocumentClient) {
  const records: RequestRecord[] = [];
  const name = `countRequests-${Math.random()}`;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = String(context.commandName).replace(/Command$/, '');
      let result;
      try {
        result = await next(args);
      } catch (error) {
        records.push({ command, itemsRead: 0, itemsWritten: 0, conditionChecks: 0, failed: true });
        throw error;
      }
      const isWrite = /^(Put|Update|Delete|TransactWrite|BatchWrite)/.test(command);
      records.push({
        command,
        itemsRead: itemsReadBy(result.output as Loose),
        ...(isWrite ? writesOf(args.input as Loose) : { itemsWritten: 0, conditionChecks: 0 }),
        failed: false,
      });
      return result;
    },
    { step: 'initialize', name },
  );
  return {
    records,
    reset: () => void (records.length = 0),
    stop: () => void client.middlewareStack.remove(name),
    totals: () => ({
      requests: records.length,
      itemsRead: records.reduce((n, r) => n + r.itemsRead, 0),
      itemsWritten: records.reduce((n, r) => n + r.itemsWritten, 0),
      conditionChecks: records.reduce((n, r) => n + r.conditionChecks, 0),
    }),
  };
}
