/**
 * `npm run job -- <job> --date YYYY-MM-DD [--endpoint URL]`: runs one recurring job by hand for a Beijing date, on
 * `npm start`'s data (SHOUHU_DATA_DIR or .data), through its DynamoDB Local while it runs.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LocalStartError } from '../functions/src/local/local-errors.js';
import { runJobByHand } from '../functions/src/local/run-job-by-hand.js';
import { silenceSdkNodeWarning } from '../functions/src/local/sdk-node-warning.js';
import { DynamoDbLocalError } from '../functions/src/store/dynamodb-local-errors.js';

const projectRoot = resolve(import.meta.dirname, '..');

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { date: { type: 'string' }, endpoint: { type: 'string' } },
  });
  if (positionals.length !== 1 || values.date === undefined) {
    throw new LocalStartError('用法：npm run job -- <任务名> --date YYYY-MM-DD [--endpoint URL]');
  }
  silenceSdkNodeWarning(process.env, process.version);
  const done = await runJobByHand({
    job: positionals[0],
    date: values.date,
    dataDir: resolve(process.env.SHOUHU_DATA_DIR ?? join(projectRoot, '.data')),
    endpoint: values.endpoint,
    env: process.env,
  });
  const when = `${values.date}（计划时间 ${done.scheduledTime.toISOString()}）`;
  if (done.result.status === 'alreadyDone') console.log(`任务 ${done.job} ${when} 已运行过，未再运行。`);
  else console.log(`任务 ${done.job} ${when} 已完成：${JSON.stringify(done.result.outcome)}`);
}

main().catch((error: unknown) => {
  if (error instanceof LocalStartError || error instanceof DynamoDbLocalError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
