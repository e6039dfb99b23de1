import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createLogger, type Logger } from '../api/logger.js';

export interface ServerLog {
  logger: Logger;
  /** Where the request lines go; null when they go to the terminal. */
  file: string | null;
  close(): Promise<void>;
}

/** One terminal notice per this many milliseconds, however many errors come: the file has each of them. */
const NOTICE_INTERVAL_MS = 5_000;

/**
 * The terminal of `npm start` is for the person trying the product: the URL, the demo accounts, and a line when
 * something breaks. The API's JSON lines (one per request) go to a file under the data folder instead, or to the
 * terminal when asked for (`--verbose`, `SHOUHU_LOG_TO_TERMINAL=1`).
 */
export async function openServerLog(options: { dataDir: string; toTerminal: boolean }): Promise<ServerLog> {
  if (options.toTerminal) return { logger: createLogger(), file: null, close: async () => {} };

  const file = join(options.dataDir, 'logs', 'server.log');
  await mkdir(join(options.dataDir, 'logs'), { recursive: true });
  const stream = createWriteStream(file, { flags: 'a' });
  // A full disk must not take the server down with an unhandled 'error' event; the person gets one line.
  stream.once('error', (error) => console.error(`无法写入请求日志 ${file}：${error.message}`));
  const toFile = createLogger({ write: (line) => stream.write(`${line}\n`) });
  let lastNoticeAt = -Infinity;
  const logger: Logger = {
    info: toFile.info,
    warn: toFile.warn,
    error: (message, fields) => {
      toFile.error(message, fields);
      if (Date.now() - lastNoticeAt < NOTICE_INTERVAL_MS) return;
      lastNoticeAt = Date.now();
      console.error(`服务器出错，详情见 ${file}`);
    },
  };
  return {
    logger,
    file,
    close: () => new Promise<void>((resolve) => stream.end(resolve)),
  };
}
