import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunch, phoneAddress, phoneContext } from '../support/chromium.js';
import { logInAsDemoUser } from '../support/demo-login.js';
import { findFreePort, makeDataDir, startShouhu, type StartedShouhu } from '../support/start-shouhu.js';

/**
 * 微信提醒 on the inbox page, in the H5 build, against an `npm start` of its own with both templates configured (the
 * shared one configures none, so its inbox shows no such row). A browser cannot receive WeChat messages: the row says
 * which consent the user has and, instead of the 开启 button, where to turn them on.
 */
const ADDRESS = phoneAddress(43);
const WORKER = 'demo-social-worker-1';

let server: StartedShouhu;
let dataDir: string;
let browser: Browser;

beforeAll(async () => {
  dataDir = await makeDataDir();
  server = await startShouhu({
    port: await findFreePort(),
    dataDir,
    env: {
      SHOUHU_SKIP_H5_BUILD: '1',
      SHOUHU_TRUSTED_PROXY_HOPS: '1',
      SHOUHU_WECHAT_TEMPLATE_REMINDER: 'tmpl-reminder-demo',
      SHOUHU_WECHAT_TEMPLATE_DIGEST: 'tmpl-digest-demo',
    },
  });
  browser = await chromium.launch(chromiumLaunch);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('微信提醒 on the inbox page (H5)', () => {
  it('says 未开启, then 一次性 2 条 after two accepts reported, and explains that WeChat is where to turn it on', async () => {
    const phone = await browser.newContext({ ...phoneContext, ...ADDRESS, viewport: { width: 390, height: 844 } });
    const page = await phone.newPage();
    const token = await logInAsDemoUser(page, server.url, WORKER);

    await page.goto(`${server.url}#/pages/inbox/index`);
    const state = page.locator('#wechat-reminder-state');
    await expect.poll(() => state.textContent()).toBe('未开启');
    await expect.poll(() => page.locator('#wechat-reminder').textContent()).toContain('请在微信小程序中开启');
    expect(await page.locator('#wechat-reminder button').count()).toBe(0);

    // As the mini-program reports WeChat's answers after two taps of 开启.
    for (let i = 0; i < 2; i += 1) {
      const response = await fetch(`${new URL(server.url).origin}/api/v1/me/subscriptions`, {
        method: 'POST',
        headers: { ...ADDRESS.extraHTTPHeaders, Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ answers: [{ templateId: 'tmpl-reminder-demo', answer: 'accept' }] }),
      });
      expect(response.status).toBe(200);
    }
    await page.reload();
    await expect.poll(() => state.textContent()).toBe('一次性 2 条');
    await page.screenshot({ path: join(tmpdir(), 'shouhu-wechat-reminder.png') });
    await phone.close();
  });
});
