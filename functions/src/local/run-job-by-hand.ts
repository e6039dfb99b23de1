import { join } from 'node:path';
import { chatConfigFrom } from '../chat/chat-config.js';
import { createRuntime } from '../compose/runtime.js';
import { BUILT_JOBS } from '../jobs/job-bodies.js';
import { scheduledTimeOn } from '../jobs/fire-times.js';
import { runJob, type JobRunResult } from '../jobs/run-job.js';
import { jobNameSchema, scheduleOf, type JobName } from '../jobs/schedules.js';
import { ensureTable, startDynamoDbLocal } from '../store/index.js';
import { DEFAULT_TABLE_NAME } from '../store/table-definition.js';
import { readDynamoEndpoint } from './dynamodb-endpoint-file.js';
import { LocalStartError } from './local-errors.js';
import { localOutsideChannels } from './local-outside-channels.js';

export interface JobByHand {
  job: string;
  /** The Beijing date whose run this is: the run is the one the schedule would have fired that day. */
  date: string;
  /** `npm start`'s data folder: its running DynamoDB Local is used, else one is started on the folder's data. */
  dataDir: string;
  /** A DynamoDB endpoint to use instead. */
  endpoint?: string;
  /** Where the outside channels' configuration is read, as `npm start` reads it (default: none, all off). */
  env?: Record<string, string | undefined>;
}

export interface JobByHandResult {
  job: JobName;
  scheduledTime: Date;
  result: JobRunResult;
  /** Where the data was: `npm start`'s engine, one started for this run, or the endpoint given. */
  engine: 'npm start' | 'started for this run' | 'given';
}

function jobOf(name: string): JobName {
  const parsed = jobNameSchema.safeParse(name);
  const built: readonly string[] = BUILT_JOBS;
  if (!parsed.success || !built.includes(parsed.data)) {
    throw new LocalStartError(`没有可运行的任务“${name}”。可运行的任务：${built.join('、') || '（暂无）'}`);
  }
  return parsed.data;
}

function checkDate(date: string): string {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
  if (!valid) throw new LocalStartError(`--date 应为 YYYY-MM-DD 格式的日期，收到“${date}”。`);
  return date;
}

async function answers(endpoint: string): Promise<boolean> {
  try {
    await fetch(endpoint, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

/**
 * `npm run job -- <job> --date YYYY-MM-DD`: one run of a job for a day, keyed like the scheduled one, so a day that
 * ran already (by the schedule or by hand) is not run twice. While `npm start` runs, through its DynamoDB Local (two
 * engines must not open the same files); otherwise with one started on its data folder for the run.
 */
export async function runJobByHand(request: JobByHand): Promise<JobByHandResult> {
  const job = jobOf(request.job);
  const scheduledTime = scheduledTimeOn(scheduleOf(job), checkDate(request.date));
  const running = request.endpoint === undefined ? await readDynamoEndpoint(request.dataDir) : null;
  let engine: JobByHandResult['engine'] = 'given';
  let endpoint = request.endpoint;
  let stop = async () => {};
  if (endpoint === undefined && running !== null && (await answers(running))) {
    endpoint = running;
    engine = 'npm start';
  } else if (endpoint === undefined) {
    const dynamo = await startDynamoDbLocal({ dataDir: join(request.dataDir, 'dynamodb') });
    endpoint = dynamo.endpoint;
    engine = 'started for this run';
    stop = () => dynamo.stop();
  }
  try {
    const runtime = createRuntime({ tableName: DEFAULT_TABLE_NAME, endpoint, outside: localOutsideChannels(request.env ?? {}), chat: chatConfigFrom(request.env ?? {}) });
    await ensureTable(runtime.client, DEFAULT_TABLE_NAME);
    return { job, scheduledTime, result: await runJob(runtime.jobRunner, { job, scheduledTime }), engine };
  } finally {
    await stop();
  }
}
