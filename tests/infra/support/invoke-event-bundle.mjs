// Runs in a child process with the environment the stack gives an event function: imports the bundled Lambda entry
// (argv[2]) as the Node.js runtime would, calls `handler` once per event read from stdin (a JSON array), and writes
// each result, or the name of the error it threw, to the file argv[3].
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const { handler } = await import(pathToFileURL(process.argv[2]).href);
const events = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for (const event of events) {
  try {
    results.push({ result: (await handler(event)) ?? null });
  } catch (error) {
    results.push({ error: error.name });
  }
}
writeFileSync(process.argv[3], JSON.stringify({ handlerType: typeof handler, results }));
