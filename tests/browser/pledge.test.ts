import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumLaunch, onScreen, phoneAddress, phoneContext } from '../support/chromium.js';
import { logInAsDemoUser } from '../support/demo-login.js';
import { readAndSignPledge } from '../support/pledge-signing.js';

/**
 * Issue 11, R8 in Chromium against `npm start`, at 390×844: the demo volunteer 马骏 (not signed) opens the pledge
 * from his home, cannot sign before scrolling the text to its end, types his name, draws a signature with the mouse,
 * ticks consent, signs and sees 已签署; the organization's admin 吴敏 sees him signed in 承诺书签署情况. Each phone logs
 * in once from an address of its own (81, 82).
 */
const url = inject('shouhuUrl');

let browser: Browser;
const phones: BrowserContext[] = [];
const pageErrors: string[] = [];

async function phoneOf(userId: string, address: number): Promise<Page> {
  const context = await browser.newContext({ ...phoneContext, ...phoneAddress(address), viewport: { width: 390, height: 844 } });
  phones.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${userId}: ${error.message}`));
  await logInAsDemoUser(page, url, userId);
  return page;
}

beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunch);
});

afterAll(async () => {
  for (const phone of phones) await phone.close();
  await browser?.close();
});

describe('the child-protection pledge (R8), on a phone', () => {
  it('the volunteer reads the pledge to its end, types his name, draws his signature, ticks and signs', async () => {
    const page = await phoneOf('demo-volunteer-2', 81);
    await expect.poll(() => onScreen(page, '#pledge-status').textContent()).toContain('未签署');

    // Act: open the pledge from the home.
    await onScreen(page, '#pledge-status').click();
    await onScreen(page, '#pledge-text').waitFor();

    // The form stays locked until the text was scrolled to its end.
    expect(await onScreen(page, '#pledge-locked').textContent()).toContain('滑动阅读至末尾');
    expect(await page.locator('#pledge-form').count()).toBe(0);
    await readAndSignPledge(page, '马骏');

    // Assess
    expect(await onScreen(page, '#pledge-signed-status').textContent()).toBe('已签署');
    expect(await onScreen(page, '#pledge-signed-name').textContent()).toContain('马骏');
    expect(pageErrors).toEqual([]);
  });

  it("the organization's admin sees him signed in 承诺书签署情况", async () => {
    const page = await phoneOf('demo-org-admin', 82);

    await onScreen(page, '#entry-pledge-roster').click();
    await onScreen(page, '#pledge-roster-summary').waitFor();

    const row = onScreen(page, '#pledge-roster-demo-volunteer-2');
    expect(await row.textContent()).toContain('马骏');
    expect(await row.textContent()).toContain('已签署');
    expect(await row.textContent()).toContain('下载 PDF');
    expect(pageErrors).toEqual([]);
  });
});
