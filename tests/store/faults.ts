import {
  BatchGetCommand,
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';

const commands = [GetCommand, BatchGetCommand, QueryCommand, PutCommand, UpdateCommand, TransactWriteCommand, ScanCommand, BatchWriteCommand];

/**
 * aws-sdk-client-mock on a real client, every command passed through to DynamoDB Local until a test gives one a
 * fault (RELIABILITY.md: the local engine never raises some errors, so they are injected). `pass` sends a command
 * input on for real, for use after `rejectsOnce`.
 */
export function mockKeepingRealCalls(client: DynamoDBDocumentClient) {
  const realSend = client.send.bind(client) as (command: unknown) => Promise<unknown>;
  const mock = mockClient(client);
  for (const Command of commands) {
    const Send = Command as unknown as new (input: unknown) => unknown;
    mock.on(Command as never).callsFake((input: unknown) => realSend(new Send(input)));
  }
  const pass = (input: unknown) => realSend(new TransactWriteCommand(input as never));
  return { mock, pass };
}

/** What DynamoDB answers when another transaction holds one of the items at that moment. */
export function transactionConflict(reasons = 2): TransactionCanceledException {
  return new TransactionCanceledException({
    $metadata: {},
    message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict]',
    CancellationReasons: [{ Code: 'TransactionConflict' }, ...Array.from({ length: reasons - 1 }, () => ({ Code: 'None' }))],
  });
}
