/**
 * `npm start`: builds the H5 app, starts DynamoDB Local, seeds the demo area once and serves API + H5 on one port.
 * Ctrl-C stops everything in order (the HTTP server drains, then DynamoDB Local's Java process stops). The terminal
 * keeps the start-up lines, the URL and the demo accounts; request logs go to a file under the data folder.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { LocalStartError } from '../functions/src/local/local-errors.js';
import { assertWritableDir } from '../functions/src/local/preflight.js';
import { silenceSdkNodeWarning } from '../functions/src/local/sdk-node-warning.js';
import { startLocalServer } from '../functions/src/local/server.js';
import { DynamoDbLocalError } from '../functions/src/store/dynamodb-local-errors.js';

const projectRoot = resolve(import.meta.dirname, '..');
const dataDir = resolve(process.env.SHOUHU_DATA_DIR ?? join(projectRoot, '.data'));
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const skipBuild = process.argv.includes('--no-build') || process.env.SHOUHU_SKIP_H5_BUILD === '1';
const logToTerminal = process.argv.includes('--verbose') || process.env.SHOUHU_LOG_TO_TERMINAL === '1';

async function buildH5(): Promise<void> {
  const logFile = join(dataDir, 'h5-build.log');
  const log = createWriteStream(logFile);
  const started = Date.now();
  console.log('正在构建 H5 小程序页面…');
  const code = await new Promise<number | null>((done) => {
    const build = spawn('npm', ['run', 'build:h5', '-w', 'miniapp'], { cwd: projectRoot, env: { ...process.env, NODE_ENV: 'production' } });
    build.stdout.pipe(log);
    build.stderr.pipe(log);
    build.on('close', done);
  });
  if (code !== 0) throw new LocalStartError(`H5 构建失败，详见 ${logFile}`);
  console.log(`H5 构建完成（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
}

async function main(): Promise<void> {
  const started = Date.now();
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new LocalStartError(`PORT=${process.env.PORT} 不是有效端口号。`);
  const sdkNotice = silenceSdkNodeWarning(process.env, process.version);
  if (sdkNotice) console.log(sdkNotice);
  await assertWritableDir(dataDir);
  await mkdir(dataDir, { recursive: true });
  if (!skipBuild) await buildH5();
  const server = await startLocalServer({
    port,
    host,
    dataDir,
    h5Dir: join(projectRoot, 'miniapp', 'dist', 'h5'),
    env: process.env,
    logToTerminal,
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n收到 ${signal}，正在停止（含 DynamoDB Local）…`);
    await server.stop();
    console.log('已停止。');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  console.log(`守护 Shouhu 已启动，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
  console.log(`演示数据：新建 ${server.seed.created} 条，已存在 ${server.seed.alreadyThere} 条`);
  console.log('演示账号（在登录页点选即可登录）：');
  for (const login of server.demoLogins) console.log(`  ${login.roleName}  ${login.name}  (${login.id})`);
  const chatNames = { wechat: '公众号', wecom: '企业微信' } as const;
  for (const platform of server.chatCallbacks) console.log(`${chatNames[platform]}消息回调：${server.url}chat/${platform}`);
  if (server.logFile) console.log(`请求日志写在 ${server.logFile}（npm start -- --verbose 则打印在这里）`);
  // The browser test and scripts wait for this exact line.
  console.log(`Shouhu ready at ${server.url}`);
}

main().catch((error: unknown) => {
  // Problems the person can fix get their one sentence; anything else is a bug and keeps its stack.
  if (error instanceof LocalStartError || error instanceof DynamoDbLocalError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
