import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumLaunch, onScreen, phoneAddress, phoneContext } from '../support/chromium.js';
import { logInAsDemoUser } from '../support/demo-login.js';
import { pdfPageTexts } from '../support/pdf-text.js';

/**
 * Issue 12 (R7, part 5) in Chromium against `npm start`, at 390×844: 叶榭镇's supervisor 沈志强 opens a child of her
 * town, exports the file as a PDF (the download arrives, opens, and carries her name in its watermark), then sees
 * her own export at the top of 查看记录; 松江区's officer opens 档案报送 from the home and sees N / M 已提交 and the
 * deadline. Each phone logs in once from an address of its own (93, 98).
 */
const url = inject('shouhuUrl');
const apiBase = `${new URL(url).origin}/api/v1`;
const SHOTS = tmpdir();

let browser: Browser;
const phones: BrowserContext[] = [];
const pageErrors: string[] = [];

async function phoneOf(userId: string, address: number): Promise<{ page: Page; token: string }> {
  const context = await browser.newContext({ ...phoneContext, ...phoneAddress(address), viewport: { width: 390, height: 844 }, acceptDownloads: true });
  phones.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${userId}: ${error.message}`));
  return { page, token: await logInAsDemoUser(page, url, userId) };
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `shouhu-case-file-${name}.png`) });
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await pdfPageTexts(bytes)).join('\n');
}

beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunch);
});

afterAll(async () => {
  for (const phone of phones) await phone.close();
  await browser?.close();
});

describe('the one-child-one-file (R7) and who has seen the child, on a phone', () => {
  it('the supervisor exports a child’s file as a PDF and finds her export in 查看记录', async () => {
    const { page, token } = await phoneOf('demo-supervisor-yexie', 93);
    const response = await fetch(`${apiBase}/children?limit=1`, { headers: { Authorization: `Bearer ${token}`, ...phoneAddress(93).extraHTTPHeaders } });
    expect(response.status).toBe(200);
    const [child] = ((await response.json()) as { items: { id: string; name: string }[] }).items;

    await page.goto(`${url}#/children/pages/detail/index?id=${child!.id}`);
    await expect.poll(() => onScreen(page, '#child-name').innerText()).toBe(child!.name);
    await onScreen(page, '#case-file-pdf').scrollIntoViewIfNeeded();
    await shoot(page, 'section');
    const [download] = await Promise.all([page.waitForEvent('download'), onScreen(page, '#case-file-pdf').click()]);

    expect(download.suggestedFilename()).toBe(`儿童档案-${child!.name}.pdf`);
    const bytes = new Uint8Array(await readFile(await download.path()));
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('沈志强（儿童督导员）导出于');
    expect(text).toContain('走访记录及监护人确认');

    await onScreen(page, '#case-file-trail').click();
    await onScreen(page, '#access-trail-page .access-trail__entry').waitFor();
    const entries = await page.locator('#access-trail-page .access-trail__entry').filter({ visible: true }).allInnerTexts();
    // Her look at the trail first, her export right after it: by name, Chinese role and words, never codes.
    expect(entries[0]).toContain('沈志强');
    expect(entries[0]).toContain('查看访问记录');
    expect(entries[1]).toContain('沈志强（儿童督导员）');
    expect(entries[1]).toContain('导出PDF');
    expect(entries.join('\n')).not.toMatch(/caseFile|child\.read|demo-/);
    await shoot(page, 'trail');
    expect(pageErrors).toEqual([]);
  });

  it('the district officer sees the year’s files as N / M 已提交 with the deadline, by town', async () => {
    const { page } = await phoneOf('demo-district-officer', 98);

    await onScreen(page, '#entry-case-file-submissions').click();
    await expect.poll(() => onScreen(page, '#submission-count').innerText()).toMatch(/^\d+ \/ \d+ 已提交$/);
    expect(await onScreen(page, '#submission-title').innerText()).toMatch(/^松江区 \d{4}年度儿童档案$/);
    expect(await onScreen(page, '#submission-progress-page').innerText()).toMatch(/截止\d{4}年1月31日/);
    expect(await onScreen(page, '#submission-town-demo-town-yexie').innerText()).toContain('叶榭镇');
    await shoot(page, 'submissions');
    expect(pageErrors).toEqual([]);
  });
});
