import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { findFreePort, makeDataDir, startShouhu } from './start-shouhu.js';

declare module 'vitest' {
  export interface ProvidedContext {
    shouhuUrl: string;
  }
}

/** The browser tests run against the server `npm start` runs, H5 build included. */
export default async function setup(project: TestProject) {
  const dataDir = await makeDataDir();
  const shouhu = await startShouhu({ port: await findFreePort(), dataDir, timeoutMs: 280_000 });
  project.provide('shouhuUrl', shouhu.url);
  return async () => {
    await shouhu.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
