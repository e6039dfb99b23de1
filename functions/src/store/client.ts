import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DocumentClientOptions {
  /** DynamoDB Local's URL; omitted in the cloud, where the SDK finds DynamoDB and credentials itself. */
  endpoint?: string;
  region?: string;
}

/**
 * Built once per process (Powertools habit: SDK clients outside the handler). With an endpoint the client talks to
 * DynamoDB Local, which ignores credentials but the SDK still wants some, so dummy ones are given only then.
 */
export function createDocumentClient(options: DocumentClientOptions = {}): DynamoDBDocumentClient {
  const { endpoint, region } = options;
  const client = new DynamoDBClient(
    endpoint
      ? {
          endpoint,
          region: region ?? process.env.AWS_REGION ?? 'us-east-1',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : region
        ? { region }
        : {},
  );
  return DynamoDBDocumentClient.from(client, {
    // Domain objects use null for "no value"; undefined only appears for optional fields that are absent.
    marshallOptions: { removeUndefinedValues: true },
  });
}
