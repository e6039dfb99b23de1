// Runs in a child process with exactly the environment the stack gives the function: imports the bundled Lambda
// entry (argv[2]) as the Node.js runtime would, calls `handler` once per API Gateway v2 event read from stdin (a JSON
// array), and writes the results to the file argv[3] (stdout carries the function's own logs).
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const { handler } = await import(pathToFileURL(process.argv[2]).href);
const events = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for (const event of events) {
  const context = { awsRequestId: event.requestContext.requestId, getRemainingTimeInMillis: () => 9000 };
  results.push(await handler(event, context));
}
writeFileSync(process.argv[3], JSON.stringify({ handlerType: typeof handler, results }));
