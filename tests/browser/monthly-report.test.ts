import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { lastMonthOf, monthLabel } from '../../miniapp/src/lib/report-words.js';
import { chromiumLaunch, onScreen, phoneAddress, phoneContext } from '../support/chromium.js';
import { logInAsDemoUser } from '../support/demo-login.js';

/**
 * Issue 9, parts 5 and 6 (R4) in Chromium against `npm start`, at 390×844: 叶榭镇's supervisor opens 月度汇报 from the
 * home page, sees last month's figures and the charts drawn, submits after the confirm, sees 已提交 with the time,
 * downloads the 走访情况月度汇报表 (opened here with ExcelJS); then 松江区's officer sees 叶榭镇 as submitted and
 * 泖港镇 not. Each phone logs in once from an address of its own (61, 62).
 */
const url = inject('shouhuUrl');
const apiBase = `${new URL(url).origin}/api/v1`;
const SHOTS = tmpdir();
const TOWN = 'demo-town-yexie';
const month = lastMonthOf(new Date());

let browser: Browser;
const phones: BrowserContext[] = [];
const pageErrors: string[] = [];

async function phoneOf(userId: string, address: number): Promise<{ page: Page; token: string }> {
  const context = await browser.newContext({ ...phoneContext, ...phoneAddress(address), viewport: { width: 390, height: 844 }, acceptDownloads: true });
  phones.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${userId}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`${userId}: ${message.text()} (${message.location().url})`);
  });
  return { page, token: await logInAsDemoUser(page, url, userId) };
}

/** How many pixels of the canvas something was drawn on (not left transparent). */
function paintedPixels(page: Page, selector: string): Promise<number> {
  return page.evaluate((css) => {
    const canvas = [...document.querySelectorAll<HTMLCanvasElement>(css)].find((c) => c.offsetParent !== null);
    if (!canvas) return 0;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted += 1;
    return painted;
  }, selector);
}

async function openDashboard(page: Page): Promise<void> {
  await onScreen(page, '#entry-monthly-report').click();
  await expect.poll(() => onScreen(page, '#report-month').innerText()).toBe(monthLabel(month));
  await onScreen(page, '#report-parts').waitFor();
  // The month and both of its buttons on one line, nothing past the screen's edge, once the page has slid in (the
  // H5 router animates it; on a busy machine the slide is still under way when the month is there).
  await expect.poll(async () => {
    const box = await onScreen(page, '#month-next').boundingBox();
    return box ? box.x + box.width : Infinity;
  }).toBeLessThanOrEqual(390);
  const [previous, label, next] = await Promise.all(['#month-previous', '#report-month', '#month-next'].map((id) => onScreen(page, id).boundingBox()));
  expect(previous!.x + previous!.width).toBeLessThanOrEqual(label!.x);
  expect(label!.x + label!.width).toBeLessThanOrEqual(next!.x);
  expect(next!.x + next!.width).toBeLessThanOrEqual(390);
  expect(label!.height).toBeLessThan(40);
}

beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunch);
});

afterAll(async () => {
  for (const phone of phones) await phone.close();
  await browser?.close();
});

describe('the monthly report, sent up and downloaded (issue 9, R4)', () => {
  it("the town's supervisor sees last month with its charts, submits after the confirm, and downloads the spreadsheet", async () => {
    const { page, token } = await phoneOf('demo-supervisor-yexie', 61);
    const report = await (await fetch(`${apiBase}/reports/${TOWN}/months/${month}`, { headers: { Authorization: `Bearer ${token}`, ...phoneAddress(61).extraHTTPHeaders } })).json();
    expect(report.figures).not.toBeNull();

    await openDashboard(page);
    expect(await onScreen(page, '#report-region').innerText()).toBe('叶榭镇');
    expect(await onScreen(page, '#figure-visitsDone').innerText()).toContain(String(report.figures.visitsDone));
    expect(await onScreen(page, '#figure-visitsDone').innerText()).toContain('已走访次数');
    expect(await onScreen(page, '#report-parts').innerText()).toContain('井凌桥村');
    expect(await onScreen(page, '#report-submission-status').innerText()).toContain('未提交');
    for (const chart of ['#chart-visits', '#chart-year']) {
      const box = await onScreen(page, chart).boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      expect(box!.height).toBeGreaterThan(150);
      await expect.poll(() => paintedPixels(page, chart)).toBeGreaterThan(1000);
    }
    await page.screenshot({ path: join(SHOTS, 'shouhu-monthly-supervisor.png'), fullPage: true });

    await onScreen(page, '#report-submit').click();
    const question = onScreen(page, '.taro-modal__content');
    await question.waitFor();
    expect(await question.innerText()).toContain('提交后不能修改');
    await question.locator('.taro-model__confirm').click();
    await expect.poll(() => onScreen(page, '#report-submission-status').innerText()).toMatch(/^已提交 \d+月\d+日 \d\d:\d\d · 沈志强$/);
    expect(await page.locator('#report-submit').filter({ visible: true }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'shouhu-monthly-submitted.png'), fullPage: true });
    await onScreen(page, '#chart-year').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'shouhu-monthly-year.png') });

    const [download] = await Promise.all([page.waitForEvent('download'), onScreen(page, '#download-xlsx').click()]);
    expect(download.suggestedFilename()).toBe(`走访情况月度汇报表-叶榭镇-${month}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('走访情况月度汇报表');
    expect(sheet.getCell('A2').value).toBe(`叶榭镇  ${monthLabel(month)}`);
    expect(String(sheet.getCell('A3').value)).toContain('沈志强');
    const rows = Array.from({ length: sheet.rowCount - 4 }, (_, i) => (sheet.getRow(i + 5).values as unknown[]).slice(1));
    expect(rows.map((row) => row[0])).toEqual([...report.parts.map((part: { name: string }) => part.name), '合计']);
    // One column per figure, in the report's order (R5's activities held came last, issue 11 part 4).
    expect(rows.at(-1)!.slice(1, 1 + Object.keys(report.figures).length)).toEqual(Object.values(report.figures));
  });

  it("then the district's officer sees 叶榭镇 submitted and 泖港镇 not", async () => {
    const { page } = await phoneOf('demo-district-officer', 62);
    await openDashboard(page);
    expect(await onScreen(page, '#report-region').innerText()).toBe('松江区');
    await expect.poll(() => onScreen(page, `#part-${TOWN}`).innerText()).toContain('已提交');
    expect(await onScreen(page, `#part-${TOWN}`).innerText()).toContain('沈志强');
    expect(await onScreen(page, '#part-demo-town-maogang').innerText()).toContain('未提交');
    expect(await onScreen(page, '#report-parts').innerText()).not.toMatch(/demo-/);
    await page.screenshot({ path: join(SHOTS, 'shouhu-monthly-district.png'), fullPage: true });
    await onScreen(page, '#download-xlsx').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'shouhu-monthly-district-parts.png') });
    expect(pageErrors).toEqual([]);
  });
});
