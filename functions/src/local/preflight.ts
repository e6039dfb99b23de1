import { mkdir, access, constants } from 'node:fs/promises';
import { createServer } from 'node:net';
import { LocalStartError } from './local-errors.js';

/** Fails with one clear sentence when the port is taken, instead of a stack trace after everything else started. */
export async function assertPortFree(port: number, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE' || error.code === 'EACCES'
          ? new LocalStartError(`端口 ${port} 已被占用或无权使用：请关闭占用它的程序，或换一个端口，例如 PORT=3100 npm start。`)
          : error,
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

export async function assertWritableDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch {
    throw new LocalStartError(
      `数据目录 ${dir} 无法写入：请检查它的权限，或用 SHOUHU_DATA_DIR=/可写/的/目录 npm start 指定另一个目录。`,
    );
  }
}
