import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * While `npm start` runs, the address of its DynamoDB Local (a free port, new on every start) is kept in the data
 * folder, so `npm run job` can work on the same data through the same engine instead of opening its files a second
 * time. Removed when the server stops; a file left by a server that was killed names a port nobody answers on.
 */
export function dynamoEndpointFileOf(dataDir: string): string {
  return join(dataDir, 'dynamodb-endpoint');
}

export async function writeDynamoEndpoint(dataDir: string, endpoint: string): Promise<void> {
  await writeFile(dynamoEndpointFileOf(dataDir), `${endpoint}\n`);
}

export async function removeDynamoEndpoint(dataDir: string): Promise<void> {
  await rm(dynamoEndpointFileOf(dataDir), { force: true });
}

export async function readDynamoEndpoint(dataDir: string): Promise<string | null> {
  try {
    return (await readFile(dynamoEndpointFileOf(dataDir), 'utf8')).trim() || null;
  } catch {
    return null;
  }
}
