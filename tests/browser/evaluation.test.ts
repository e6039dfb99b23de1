import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumLaunch, onScreen, phoneAddress, phoneContext } from '../support/chromium.js';
import { logInAsDemoUser } from '../support/demo-login.js';

/**
 * Issue 12 part 7 in Chromium against `npm start`, at 390×844 (R23): 松江区's officer grades one of the district's
 * workers in 年度考核; the worker finds the grade in 我的考核 with 还可申请8天 and asks for a review, which then shows
 * as 复核中. Both phones log in from address 95 (two logins, within its six a minute).
 */
const url = inject('shouhuUrl');
const apiBase = `${new URL(url).origin}/api/v1`;

/** Workers of 松江区 the demo login page lists. */
const LOGIN_WORKERS = ['demo-director-jinglingqiao', 'demo-social-worker-1', 'demo-supervisor-yexie'];

let browser: Browser;
const phones: BrowserContext[] = [];
const pageErrors: string[] = [];

async function phoneOf(userId: string, address: number) {
  const context = await browser.newContext({ ...phoneContext, ...phoneAddress(address), viewport: { width: 390, height: 844 } });
  phones.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${userId}: ${error.message}`));
  return { page, token: await logInAsDemoUser(page, url, userId) };
}

beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunch);
});

afterAll(async () => {
  for (const phone of phones) await phone.close();
  await browser?.close();
});

describe('yearly evaluation (R23), on two phones', () => {
  it('the officer grades a worker, who sees the grade and asks for a review within the window', async () => {
    // Prepare: a worker of the district with a demo login, not graded yet this year.
    const officer = await phoneOf('demo-district-officer', 95);
    await onScreen(officer.page, '#entry-grade-workers').click();
    await onScreen(officer.page, '.grade-page .evaluation-card').waitFor();
    const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
    const listed = await fetch(`${apiBase}/evaluations/workers?year=${year}`, {
      headers: { Authorization: `Bearer ${officer.token}`, ...phoneAddress(95).extraHTTPHeaders },
    });
    const workers = ((await listed.json()) as { items: { workerId: string; role: string; evaluation: unknown }[] }).items;
    const worker = LOGIN_WORKERS.map((id) => workers.find((row) => row.workerId === id)).find((row) => row !== undefined && row.evaluation === null)!;
    expect(worker).toBeDefined();

    // Act: grade 合格 with comments.
    await onScreen(officer.page, `#grade-${worker.workerId}`).click();
    await onScreen(officer.page, `#grade-${worker.workerId}-grade-qualified`).click();
    await onScreen(officer.page, `#grade-${worker.workerId}-text textarea`).fill('全年按时走访，记录完整。');
    await onScreen(officer.page, `#grade-${worker.workerId}-submit`).click();
    await expect.poll(() => onScreen(officer.page, `#worker-${worker.workerId}`).innerText()).toContain('还可申请8天');
    await officer.page.screenshot({ path: join(tmpdir(), 'shouhu-evaluation-officer.png') });

    // The worker sees it and asks for a review.
    const own = await phoneOf(worker.workerId, 95);
    await onScreen(own.page, '#entry-my-evaluation').click();
    await expect.poll(() => onScreen(own.page, `#grade-${year}`).innerText()).toBe('合格');
    expect(await onScreen(own.page, `#status-${year}`).innerText()).toBe('还可申请8天');
    await onScreen(own.page, `#ask-review-${year}`).click();
    await onScreen(own.page, '#review-reasons textarea').fill('本年度另有两次走访未计入，请核实。');
    await onScreen(own.page, '#review-submit').click();
    await expect.poll(() => onScreen(own.page, `#status-${year}`).innerText()).toBe('复核中');
    await own.page.screenshot({ path: join(tmpdir(), 'shouhu-evaluation-worker.png') });
    expect(pageErrors).toEqual([]);
  });
});
