import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { TEST_CHAT_ENV } from './chat-client.js';
import { findFreePort, makeDataDir, startShouhu } from './start-shouhu.js';

declare module 'vitest' {
  export interface ProvidedContext {
    shouhuUrl: string;
  }
}

/**
 * The browser tests run against the server `npm start` runs, H5 build included. The login limit (6 a minute per
 * address) would otherwise count every file's logins together: as behind one proxy, a file may say which phone it
 * is with X-Forwarded-For (see `phoneAddress` in chromium.ts) and gets its own allowance. The chat callbacks are on,
 * so a test can play WeChat's side (chat-client.ts) against the same server.
 */
export default async function setup(project: TestProject) {
  const dataDir = await makeDataDir();
  const shouhu = await startShouhu({
    port: await findFreePort(),
    dataDir,
    timeoutMs: 280_000,
    // With the chat-bot's callbacks on (test credentials), as an operator who set the WECHAT_OA_* and WECOM_* variables.
    env: { SHOUHU_TRUSTED_PROXY_HOPS: '1', ...TEST_CHAT_ENV },
  });
  project.provide('shouhuUrl', shouhu.url);
  return async () => {
    await shouhu.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
