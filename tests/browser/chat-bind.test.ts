import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindChatUser } from '../../functions/src/app/bind-chat-user.js';
import { createRuntime } from '../../functions/src/compose/runtime.js';
import { readDynamoEndpoint } from '../../functions/src/local/dynamodb-endpoint-file.js';
import { DEFAULT_TABLE_NAME } from '../../functions/src/store/table-definition.js';
import { chromiumLaunch, onScreen, phoneAddress, phoneContext } from '../support/chromium.js';
import { logInAsDemoUser } from '../support/demo-login.js';
import { findFreePort, makeDataDir, startShouhu, type StartedShouhu } from '../support/start-shouhu.js';

/**
 * 绑定公众号 / 企业微信 (issue 10, part 3) in the H5 build at 390×844, against an `npm start` of its own: a browser
 * cannot send a message to the Official Account, so the code the page shows is sent the way the chat will send it,
 * through the bind use case over the same DynamoDB Local the server uses. What is asserted is what the person sees.
 */
const DIRECTOR = 'demo-director-jinglingqiao';
const GUARDIAN = 'demo-guardian-001';

let server: StartedShouhu;
let dataDir: string;
let browser: Browser;
const phones: BrowserContext[] = [];

beforeAll(async () => {
  dataDir = await makeDataDir();
  server = await startShouhu({ port: await findFreePort(), dataDir, env: { SHOUHU_SKIP_H5_BUILD: '1', SHOUHU_TRUSTED_PROXY_HOPS: '1' } });
  browser = await chromium.launch(chromiumLaunch);
});

afterAll(async () => {
  for (const phone of phones) await phone.close();
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function openBindPage(userId: string, address: number): Promise<Page> {
  const phone = await browser.newContext({ ...phoneContext, ...phoneAddress(address), viewport: { width: 390, height: 844 } });
  phones.push(phone);
  const page = await phone.newPage();
  await logInAsDemoUser(page, server.url, userId);
  await onScreen(page, '#entry-chat-bind').click();
  // Until the page has slid in, a screenshot catches it half-way.
  await expect.poll(async () => (await onScreen(page, '#chat-bind-page').boundingBox())?.x).toBe(0);
  // Clicking the entry at the home's foot left the document itself scrolled (as visit-loop.test.ts notes).
  await page.evaluate(() => window.scrollTo(0, 0));
  return page;
}

/** As the Official Account's chat will, when the person sends 绑定 123456. */
async function sendInChat(chatUserId: string, code: string) {
  const endpoint = await readDynamoEndpoint(dataDir);
  if (endpoint === null) throw new Error('npm start wrote no DynamoDB endpoint');
  const runtime = createRuntime({ tableName: DEFAULT_TABLE_NAME, endpoint });
  return bindChatUser(runtime.repositories, { platform: 'wechat', chatUserId }, code, new Date());
}

const text = (page: Page, selector: string) => onScreen(page, selector).textContent();

describe('绑定公众号 / 企业微信 (H5, 390×844)', () => {
  it('a director gets a code, binds the 公众号 with it, sees 已绑定 and unbinds after confirming', async () => {
    const page = await openBindPage(DIRECTOR, 71);
    await expect.poll(() => text(page, '#chat-wechat-state')).toBe('未绑定');
    expect(await text(page, '#chat-wecom-state')).toBe('未绑定');
    expect(await text(page, '#chat-bind-intro')).toContain('绑定后，可以在公众号或企业微信里直接发消息');
    // The intro's first line is below the title bar, not under it.
    const introTop = (await onScreen(page, '#chat-bind-intro').boundingBox())?.y ?? 0;
    const titleBottom = await page.evaluate(() => {
      const bar = document.querySelector('[class*="navigation"]');
      return bar ? bar.getBoundingClientRect().bottom : 0;
    });
    expect(titleBottom).toBeGreaterThan(0);
    expect(introTop).toBeGreaterThanOrEqual(titleBottom);

    await onScreen(page, '#chat-wechat-issue').click();
    const code = onScreen(page, '#chat-wechat-code');
    await code.waitFor();
    const shown = (await code.textContent()) ?? '';
    expect(shown).toMatch(/^\d{6}$/);
    expect(await text(page, '#chat-wechat-how')).toBe(`在公众号对话框发送：绑定 ${shown}`);
    expect(await text(page, '#chat-wechat-validity')).toMatch(/^有效期至 \d{2}:\d{2}$/);
    expect(await onScreen(page, '#chat-wechat-copy').isVisible()).toBe(true);
    // Large enough to read off the screen and type.
    const size = await code.evaluate((node) => Number.parseFloat(getComputedStyle(node).fontSize));
    expect(size).toBeGreaterThanOrEqual(32);
    await page.screenshot({ path: join(tmpdir(), 'shouhu-chat-bind-code.png') });

    const bound = await sendInChat('o-demo-director-jinglingqiao', shown);
    expect(bound).toMatchObject({ outcome: 'bound', userName: '张桂英', role: 'director' });

    // Back from the chat, the page shows what is bound.
    await page.reload();
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => text(page, '#chat-wechat-state')).toMatch(/^已绑定，\d{1,2}月\d{1,2}日绑定$/);
    expect(await text(page, '#chat-wecom-state')).toBe('未绑定');
    await page.screenshot({ path: join(tmpdir(), 'shouhu-chat-bind-bound.png') });

    await onScreen(page, '#chat-wechat-unbind').click();
    await expect.poll(() => onScreen(page, '.taro-modal__content').innerText()).toContain('解除后，公众号里不能再确认走访');
    await onScreen(page, '.taro-model__confirm').click();
    await expect.poll(() => text(page, '#chat-wechat-state')).toBe('未绑定');
    expect(await onScreen(page, '#chat-wechat-issue').isVisible()).toBe(true);
  });

  it('a guardian is offered the 公众号 only', async () => {
    const page = await openBindPage(GUARDIAN, 72);
    await expect.poll(() => text(page, '#chat-wechat-state')).toBe('未绑定');
    expect(await page.locator('#chat-wecom').count()).toBe(0);
    await page.screenshot({ path: join(tmpdir(), 'shouhu-chat-bind-guardian.png') });
  });
});
