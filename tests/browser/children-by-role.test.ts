import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumLaunch, phoneContext } from '../support/chromium.js';
import { collectCspViolations } from '../support/csp-violations.js';

const url = inject('shouhuUrl');
let profileDir: string;
let context: BrowserContext;
let cspViolations: string[];

beforeAll(async () => {
  profileDir = await mkdtemp(join(tmpdir(), 'shouhu-chromium-'));
  context = await chromium.launchPersistentContext(profileDir, {
    ...chromiumLaunch,
    ...phoneContext,
  });
  cspViolations = await collectCspViolations(context);
});

afterEach(() => {
  // Every page walked in a test ran under the server's Content-Security-Policy without breaking it.
  expect(cspViolations).toEqual([]);
});

afterAll(async () => {
  await context?.close();
  await rm(profileDir, { recursive: true, force: true });
});

/** Opens the app with no session, which lands on the login page, and taps one demo account. */
async function logInAs(userId: string): Promise<Page> {
  await context.clearCookies();
  const page = await context.newPage();
  const shell = await page.goto(url);
  // The policy these pages must satisfy is really there (a violation-free run without it would prove nothing).
  expect(shell?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${url}#/pages/login/index`);
  // The H5 router keeps earlier pages in the DOM (hidden); the account to tap is the one on screen.
  await page.locator(`#demo-user-${userId}`).filter({ visible: true }).click();
  await page.locator('#home-greeting').waitFor();
  return page;
}

async function visibleRowTexts(page: Page): Promise<string[]> {
  await page.locator('.child-row').first().waitFor();
  // The list loads page by page; keep loading until it says it has reached the end.
  while (await page.locator('#load-more').isVisible()) {
    const before = await page.locator('.child-row').count();
    await page.locator('#load-more').click();
    await expect.poll(() => page.locator('.child-row').count()).toBeGreaterThan(before);
  }
  return page.locator('.child-row').allInnerTexts();
}

describe('the mini-program in Chromium against npm start', () => {
  it("a children's director sees the children of their village and opens one", async () => {
    const page = await logInAs('demo-director-jinglingqiao');
    await expect.poll(() => page.locator('#home-greeting').innerText()).toContain('张桂英');
    await expect.poll(() => page.locator('body').innerText()).toContain('儿童主任');

    await page.locator('#entry-children').click();
    const rows = await visibleRowTexts(page);
    expect(rows).toHaveLength(10);
    for (const row of rows) expect(row).toContain('井凌桥村');
    // Lists mask personal data: no full ID number (18 digits) and no house number.
    const listText = await page.locator('body').innerText();
    expect(listText).not.toMatch(/\d{17}[\dX]/);
    expect(listText).not.toMatch(/组\d+号/);
    await page.screenshot({ path: join(tmpdir(), 'shouhu-director-list.png') });

    const first = page.locator('.child-row').first();
    const firstName = (await first.innerText()).split('\n')[0].trim();
    await first.click();
    await expect.poll(() => page.locator('#child-name').innerText()).toContain(firstName);
    // The director's view of one child carries the worker's grading.
    await expect.poll(() => page.locator('body').innerText()).toMatch(/风险等级|红色|黄色|绿色/);
    await page.screenshot({ path: join(tmpdir(), 'shouhu-director-child.png') });
    await page.close();
  });

  it('a guardian sees only their own child, without the grading', async () => {
    const page = await logInAs('demo-guardian-001');
    await expect.poll(() => page.locator('.my-child').count()).toBe(1);
    await page.locator('#my-child-demo-child-001').click();
    await page.locator('#child-name').waitFor();
    const detail = await page.locator('body').innerText();
    expect(detail).not.toMatch(/风险等级|红色|黄色|绿色/);
    expect(detail).not.toContain('法定职责');
    await page.screenshot({ path: join(tmpdir(), 'shouhu-guardian-child.png') });

    // Another family's child, asked for directly, is not there for this guardian.
    await page.goto(`${url}#/children/pages/detail/index?id=demo-child-002`);
    await expect.poll(() => page.locator('body').innerText()).toContain('未找到该儿童或无权查看');
    await page.close();
  });

  it('a supervisor sees the children of the whole town', async () => {
    const page = await logInAs('demo-supervisor-yexie');
    await page.locator('#entry-children').click();
    const rows = await visibleRowTexts(page);
    expect(rows).toHaveLength(20);
    expect(rows.filter((row) => row.includes('井凌桥村'))).toHaveLength(10);
    expect(rows.filter((row) => row.includes('东勤村'))).toHaveLength(10);
    await page.close();
  });
});
