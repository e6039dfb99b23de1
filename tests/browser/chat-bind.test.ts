import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openReply, sealedCallback, TEST_CHAT_CREDENTIALS, type ChatTestCredentials } from '../support/chat-client.js';
import { chromiumLaunch, onScreen, phoneAddress, phoneContext } from '../support/chromium.js';
import { logInAsDemoUser } from '../support/demo-login.js';

/**
 * Issue 10 in the H5 build at 390×844 against `npm start` with the chat callbacks on, playing WeChat's side in safe
 * mode (encrypted XML both ways) through the server's own /chat URLs: a director binds WeCom with the code the page
 * shows and unbinds; a guardian binds the 公众号, sends 确认, and sees on her phone that the visit is confirmed. The
 * phones log in from addresses of their own (71, 72).
 */
const url = inject('shouhuUrl');
const DIRECTOR = 'demo-director-jinglingqiao';
const GUARDIAN = 'demo-guardian-001';
const CHILD = 'demo-child-001';

let browser: Browser;
const phones: BrowserContext[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunch);
});

afterAll(async () => {
  for (const phone of phones) await phone.close();
  await browser?.close();
});

async function phoneOf(userId: string, address: number): Promise<{ page: Page; token: string }> {
  const phone = await browser.newContext({ ...phoneContext, ...phoneAddress(address), viewport: { width: 390, height: 844 } });
  phones.push(phone);
  const page = await phone.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${userId}: ${error.message}`));
  return { page, token: await logInAsDemoUser(page, url, userId) };
}

async function openBindPage(page: Page): Promise<void> {
  await onScreen(page, '#entry-chat-bind').click();
  // Until the page has slid in, a screenshot catches it half-way.
  await expect.poll(async () => (await onScreen(page, '#chat-bind-page').boundingBox())?.x).toBe(0);
  // Clicking the entry at the home's foot left the document itself scrolled (as visit-loop.test.ts notes).
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** The 6 digits the page shows after 获取绑定码, checked as the person reads them. */
async function codeShown(page: Page, platform: 'wechat' | 'wecom'): Promise<string> {
  await onScreen(page, `#chat-${platform}-issue`).click();
  const code = onScreen(page, `#chat-${platform}-code`);
  await code.waitFor();
  const shown = (await code.textContent()) ?? '';
  expect(shown).toMatch(/^\d{6}$/);
  const where = platform === 'wechat' ? '在公众号对话框' : '在企业微信“守护”应用中';
  expect(await onScreen(page, `#chat-${platform}-how`).textContent()).toBe(`${where}发送：绑定 ${shown}`);
  expect(await onScreen(page, `#chat-${platform}-validity`).textContent()).toMatch(/^有效期至 \d{2}:\d{2}$/);
  // Large enough to read off the screen and type.
  expect(await code.evaluate((node) => Number.parseFloat(getComputedStyle(node).fontSize))).toBeGreaterThanOrEqual(32);
  return shown;
}

/** One message from `chatUserId` to the server's callback, as the platform sends it; the passive reply's text. */
async function sendInChat(credentials: ChatTestCredentials, chatUserId: string, content: string): Promise<string> {
  const sealed = sealedCallback(credentials, { from: chatUserId, content }, new Date());
  const response = await fetch(new URL(sealed.path, url), { method: 'POST', body: sealed.body, headers: { 'Content-Type': 'text/xml' } });
  expect(response.status).toBe(200);
  const reply = openReply(credentials, await response.text());
  expect(reply).not.toBeNull();
  return reply!;
}

/**
 * A phone call the village's director logs for the child, which waits for the guardian's answer. Made yesterday, so
 * that the child's visit list, sorted by start, still opens with the visits other test files make today.
 */
async function phoneCallLogged(directorToken: string): Promise<string> {
  const ended = Date.now() - 24 * 3600_000;
  const response = await fetch(new URL(`/api/v1/children/${CHILD}/visits`, url), {
    method: 'POST',
    headers: { Authorization: `Bearer ${directorToken}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID(), ...phoneAddress(71).extraHTTPHeaders },
    body: JSON.stringify({
      kind: 'contact',
      contactChannel: 'phone',
      startedAt: new Date(ended - 10 * 60_000).toISOString(),
      endedAt: new Date(ended).toISOString(),
      location: null,
      participantIds: [DIRECTOR],
      notes: '电话了解孩子近况。',
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const text = (page: Page, selector: string) => onScreen(page, selector).textContent();

describe('the chat-bot, bound from the mini-program (issue 10)', () => {
  let directorToken = '';

  it('a director binds WeCom with the code the page shows, sees 已绑定, and unbinds after confirming', async () => {
    const { page, token } = await phoneOf(DIRECTOR, 71);
    directorToken = token;
    await openBindPage(page);
    await expect.poll(() => text(page, '#chat-wecom-state')).toBe('未绑定');
    expect(await text(page, '#chat-bind-intro')).toContain('绑定后，可以在公众号或企业微信里直接发消息');
    const code = await codeShown(page, 'wecom');
    await page.screenshot({ path: join(tmpdir(), 'shouhu-chat-bind-code.png') });

    const welcome = await sendInChat(TEST_CHAT_CREDENTIALS.wecom, 'zhangguiying', `绑定 ${code}`);
    expect(welcome).toContain('张桂英');

    // Back from the chat, the page shows what is bound.
    await page.reload();
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => text(page, '#chat-wecom-state')).toMatch(/^已绑定，\d{1,2}月\d{1,2}日绑定$/);
    expect(await text(page, '#chat-wechat-state')).toBe('未绑定');
    await page.screenshot({ path: join(tmpdir(), 'shouhu-chat-bind-bound.png') });

    await onScreen(page, '#chat-wecom-unbind').click();
    await expect.poll(() => onScreen(page, '.taro-modal__content').innerText()).toContain('解除后');
    await onScreen(page, '.taro-model__confirm').click();
    await expect.poll(() => text(page, '#chat-wecom-state')).toBe('未绑定');
    // Unbound, the chat is a stranger again: 今天 no longer lists anyone.
    expect(await sendInChat(TEST_CHAT_CREDENTIALS.wecom, 'zhangguiying', '今天')).toContain('绑定');
  });

  it('a guardian binds the 公众号 only, confirms a visit by chat, and sees it confirmed on her phone', async () => {
    const visitId = await phoneCallLogged(directorToken);
    const { page } = await phoneOf(GUARDIAN, 72);
    await onScreen(page, `#pending-confirmation-${visitId}`).waitFor();
    await openBindPage(page);
    expect(await page.locator('#chat-wecom').count()).toBe(0);
    const code = await codeShown(page, 'wechat');
    await page.screenshot({ path: join(tmpdir(), 'shouhu-chat-bind-guardian.png') });

    const openId = 'o-demo-guardian-001';
    expect(await sendInChat(TEST_CHAT_CREDENTIALS.wechat, openId, `绑定 ${code}`)).toContain('绑定成功');
    const confirmed = await sendInChat(TEST_CHAT_CREDENTIALS.wechat, openId, '确认');
    expect(confirmed).toMatch(/^已确认：.+张桂英.+谢谢！/);

    // On her phone: the visit's card has left the home page, and the visit reads 监护人已确认.
    await page.goto(`${url}#/pages/home/index`);
    await page.reload();
    await onScreen(page, '#home-greeting').waitFor();
    expect(await page.locator(`#pending-confirmation-${visitId}`).count()).toBe(0);
    await page.goto(`${url}#/children/pages/detail/index?id=${CHILD}`);
    await expect.poll(() => onScreen(page, `#visit-${visitId} .confirmation-tag`).innerText()).toBe('监护人已确认');
    await page.screenshot({ path: join(tmpdir(), 'shouhu-chat-confirmed.png') });
    expect(pageErrors).toEqual([]);
  });
});
