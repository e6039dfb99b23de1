import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumLaunch, onScreen, phoneAddress, phoneContext } from '../support/chromium.js';
import { logInAsDemoUser } from '../support/demo-login.js';

/**
 * Issue 12 part 6 in Chromium against `npm start`, at 390×844 (seed 000 §六(一)): 松江区's officer opens 回访抽查 from
 * her home, draws a sample of last month's visited families, sees the seed it was drawn from (the same seed gives the
 * same families), calls a guardian and records the callback, which the summary counts. Phone address 94.
 */
const url = inject('shouhuUrl');
const apiBase = `${new URL(url).origin}/api/v1`;
const ADDRESS = 94;

let browser: Browser;
let phone: BrowserContext;
const pageErrors: string[] = [];

interface SampleJson {
  id: string;
  seed: string;
  month: string;
  entries: { childId: string; guardians: { phone: string | null }[] }[];
  summary: { called: number; confirmed: number };
}

async function api<T>(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const response = await fetch(`${apiBase}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...phoneAddress(ADDRESS).extraHTTPHeaders },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as T };
}

beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunch);
  phone = await browser.newContext({ ...phoneContext, ...phoneAddress(ADDRESS), viewport: { width: 390, height: 844 } });
});

afterAll(async () => {
  await phone?.close();
  await browser?.close();
});

async function drawOnPage(page: Page): Promise<SampleJson> {
  const answer = page.waitForResponse((response) => response.url().endsWith('/api/v1/inspections/samples') && response.request().method() === 'POST');
  await onScreen(page, '#draw-submit').click();
  const response = await answer;
  expect(response.status()).toBe(201);
  return (await response.json()) as SampleJson;
}

describe('inspection by callback, on a phone', () => {
  it('the district officer draws a sample, sees its seed, calls a family and records the callback', async () => {
    // Prepare
    const page = await phone.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const token = await logInAsDemoUser(page, url, 'demo-district-officer');
    await onScreen(page, '#entry-callback-inspection').click();
    await onScreen(page, '#draw-form').waitFor();

    // Act: draw, as the page offers (last month, 10 families).
    const sample = await drawOnPage(page);

    // Assess: the seed is shown and reproduces the same families.
    expect(sample.entries.length).toBeGreaterThan(0);
    await expect.poll(() => onScreen(page, '#sample-seed').innerText()).toBe(`随机种子 ${sample.seed}`);
    const again = await api<SampleJson>(token, 'POST', '/inspections/samples', { month: sample.month, size: 10, seed: sample.seed });
    expect(again.json.entries.map((entry) => entry.childId)).toEqual(sample.entries.map((entry) => entry.childId));

    // The first family: the guardian's phone is there to dial, the callback is recorded once.
    const first = sample.entries[0];
    const dial = onScreen(page, `#dial-${first.childId}-0`);
    expect(await dial.getAttribute('href')).toBe(`tel:${first.guardians[0].phone}`);
    await onScreen(page, `#record-${first.childId}`).click();
    await onScreen(page, `#outcome-${first.childId}-confirmed`).click();
    await onScreen(page, `#callback-note-${first.childId} textarea`).fill('监护人确认社工上月来过');
    await onScreen(page, `#callback-save-${first.childId}`).click();
    await expect.poll(() => onScreen(page, `#result-${first.childId}`).innerText()).toContain('确认走访（监护人确认社工上月来过）');
    expect(await onScreen(page, '#sample-summary').innerText()).toContain(`已回访 1/${sample.entries.length}`);
    // The visits' dates as people write them, never as ISO text.
    expect(await onScreen(page, `#result-${first.childId}`).locator('xpath=..').innerText()).toMatch(/走访：\d{4}年\d{1,2}月\d{1,2}日/);
    expect(await onScreen(page, '.inspection-page').innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await page.screenshot({ path: join(tmpdir(), 'shouhu-callback-inspection.png'), fullPage: true });

    const stored = await api<SampleJson>(token, 'GET', `/inspections/samples/${sample.id}`);
    expect(stored.json.summary).toMatchObject({ called: 1, confirmed: 1 });

    // 换一批: a new seed.
    const next = await drawOnPage(page);
    await expect.poll(() => onScreen(page, '#sample-seed').innerText()).toBe(`随机种子 ${next.seed}`);
    expect(pageErrors).toEqual([]);
  });
});
