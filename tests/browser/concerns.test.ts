import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumLaunch, onScreen, phoneAddress, phoneContext } from '../support/chromium.js';

/**
 * Issue 8 in Chromium against `npm start`, at 390×844: an anonymous reporter opens the public page without logging
 * in, files an urgent concern (110 before and after sending, a tel: link that dials), and keeps the tracking code;
 * the village's director sees it first in the queue with the count on the home page, opens it and acknowledges it;
 * the reporter, with the code, sees 已受理. What the reporter typed as markup reaches the director as text. The file
 * files one public report (the route allows 5 in 10 minutes per address) and logs in once, on its own address.
 */
const url = inject('shouhuUrl');
const apiBase = `${new URL(url).origin}/api/v1`;
const PHONE = phoneAddress(21);
const DIRECTOR = 'demo-director-jinglingqiao';
const SHOTS = tmpdir();
/** Kinds no other test reports, so the report is known by them in the queue. */
const KINDS_TEXT = '拐卖、被迫乞讨';
const MARKUP = '<img src=x onerror="window.__injected=1"><b>粗体</b>';
const DESCRIPTION = `傍晚看见一个陌生男人拉着孩子往车站走，孩子一直在哭。${MARKUP}`;

let browser: Browser;
const phones: BrowserContext[] = [];
let trackingCode = '';
/** The director's phone, left on the report's page, for the stale step. */
let handler: { page: Page; token: string; concernId: string };

async function newPhone(): Promise<Page> {
  const phone = await browser.newContext({ ...phoneContext, ...PHONE, viewport: { width: 390, height: 844 } });
  phones.push(phone);
  await phone.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  return phone.newPage();
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `shouhu-concern-${name}.png`) });
}

interface ConcernListsJson {
  counts: { open: number; urgent: number };
  queue: { id: string; kinds: string[]; urgent: boolean; status: string }[] | null;
}

async function apiAs<T>(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const response = await fetch(`${apiBase}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...PHONE.extraHTTPHeaders },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as T };
}

beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunch);
});

afterAll(async () => {
  for (const phone of phones) await phone.close();
  await browser?.close();
});

describe('a concern reported without an account, taken in by the village (issue 8)', () => {
  let reporter: Page;

  it('an anonymous reporter files an urgent concern from the login page, is told to call 110 before and after, and gets a tracking code once', async () => {
    reporter = await newPhone();
    await reporter.goto(`${url}#/pages/login/index`);
    await onScreen(reporter, '#public-report').click();
    await onScreen(reporter, '#report-form').waitFor();
    // Nobody logged in on this phone, and the page did not send the reporter to the login.
    expect(await reporter.evaluate(() => localStorage.getItem('shouhu.session'))).toBeNull();
    await shoot(reporter, 'public-form');

    // "In danger now" first: 110 at once, as a real tel: link, before anything else is filled in.
    await onScreen(reporter, '#urgent-yes').click();
    const dialBefore = onScreen(reporter, '#call-police-dial');
    await expect.poll(() => onScreen(reporter, '#call-police').innerText()).toContain('请立即拨打110');
    expect(await dialBefore.getAttribute('href')).toBe('tel:110');
    await shoot(reporter, 'public-urgent');

    // What is missing is said at each field.
    await onScreen(reporter, '#report-submit').click();
    await expect.poll(() => reporter.locator('.form-error:visible').allInnerTexts()).toEqual(
      expect.arrayContaining(['请选择孩子所在的村（社区）', '请至少选择一种情况', '请写下看到或听到的情况']),
    );

    await onScreen(reporter, '#child-description textarea').fill('女孩，五六岁，扎两个小辫，穿粉色外套');
    for (const place of ['demo-district', 'demo-town-yexie', 'demo-village-jinglingqiao']) await onScreen(reporter, `#place-${place}`).click();
    await expect.poll(() => onScreen(reporter, '#place-path').innerText()).toContain('井凌桥村');
    await onScreen(reporter, '#kind-trafficking').click();
    await onScreen(reporter, '#kind-forcedBegging').click();
    await onScreen(reporter, '#description textarea').fill(DESCRIPTION);
    // Each field stops saying what it lacked once it has it.
    await expect.poll(() => reporter.locator('.form-error:visible').allInnerTexts()).toEqual([]);

    // Left and opened again, the form is as it was: the draft is on the phone.
    await reporter.reload();
    await onScreen(reporter, '#draft-notice').waitFor();
    expect(await onScreen(reporter, '#description textarea').inputValue()).toBe(DESCRIPTION);
    await expect.poll(() => onScreen(reporter, '#call-police').isVisible()).toBe(true);
    await expect.poll(() => reporter.locator('.form-error:visible').count()).toBe(0);
    await shoot(reporter, 'public-filled');

    // A double tap sends one report: the button is inert while it is on its way, and the key is the form's.
    const sent: Request[] = [];
    reporter.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/v1/public/concerns')) sent.push(request);
    });
    await onScreen(reporter, '#report-submit').dblclick();
    const code = onScreen(reporter, '#tracking-code');
    await code.waitFor();
    trackingCode = (await code.innerText()).replace(/\s/g, '');
    expect(trackingCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$/);
    // Large, and never broken inside a group of four (copied by hand, a split group is easily miswritten).
    const groups = await reporter.locator('.tracking__group:visible').evaluateAll((spans) =>
      spans.map((span) => ({
        oneLine: span.getBoundingClientRect().height < 1.5 * parseFloat(getComputedStyle(span).lineHeight),
        text: span.textContent,
      })),
    );
    expect(groups.map((group) => group.text).join('')).toBe(trackingCode);
    expect(groups.every((group) => group.oneLine)).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0].headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[0].headers().authorization).toBeUndefined();

    // After sending, from the top of the page: sent, 110 again, the code with a copy button and the advice to keep it.
    const resultPage = reporter.locator('.taro_page', { has: reporter.locator('#report-result') });
    await expect.poll(() => resultPage.evaluate((page) => page.scrollTop)).toBe(0);
    expect(await onScreen(reporter, '#call-police-after-dial').getAttribute('href')).toBe('tel:110');
    expect(await onScreen(reporter, '#report-result').innerText()).toContain('查询码只显示这一次');
    await onScreen(reporter, '#copy-code').click();
    await onScreen(reporter, '#code-copied').waitFor();
    expect(await reporter.evaluate(() => navigator.clipboard.readText())).toBe(trackingCode);
    // The code stays off the phone's storage (Taro's own copy would have written it there).
    expect(await reporter.evaluate(() => JSON.stringify(localStorage))).not.toContain(trackingCode);
    await shoot(reporter, 'public-sent');
  });

  it('a wrong code on the status page is said to be wrong', async () => {
    await onScreen(reporter, '#go-status').click();
    await onScreen(reporter, '#status-page').waitFor();
    await onScreen(reporter, '#tracking-input input').fill('K7QM-2XHD');
    await onScreen(reporter, '#status-submit').click();
    await expect.poll(() => onScreen(reporter, '#status-problem').innerText()).toContain('24 位');
    await onScreen(reporter, '#tracking-input input').fill('K7QM-2XHD-ABCD-EFGH-JKMN-PQRS');
    await onScreen(reporter, '#status-submit').click();
    await expect.poll(() => onScreen(reporter, '#status-problem').innerText()).toBe('没有找到这个查询码的报告，请核对后重新输入');
    expect(await reporter.locator('#status-found:visible').count()).toBe(0);
    await shoot(reporter, 'status-wrong');
  });

  it("the village's director sees it first with the count on the home page, reads the markup as text, and acknowledges it", async () => {
    const director = await newPhone();
    await director.goto(`${url}#/pages/login/index`);
    await onScreen(director, `#demo-user-${DIRECTOR}`).click();
    await onScreen(director, '#home-greeting').waitFor();
    const token = await director.evaluate(() => JSON.parse(localStorage.getItem('shouhu.session') ?? '{}').data?.token as string);
    const { json: lists } = await apiAs<ConcernListsJson>(token, 'GET', '/concerns');
    expect(lists.counts.urgent).toBeGreaterThanOrEqual(1);

    // The home says how many are open and how many urgent, as the API counts them.
    await expect.poll(() => onScreen(director, '#home-concern-open').innerText()).toBe(String(lists.counts.open));
    expect(await onScreen(director, '#home-concern-urgent').innerText()).toBe(String(lists.counts.urgent));
    expect(await onScreen(director, '#urgent-concerns').innerText()).toContain('紧急报告');
    await shoot(director, 'director-home');

    // Urgent first, and ours at the top: what, where, how long, its status, in words.
    await onScreen(director, '#entry-concern-queue').click();
    const first = onScreen(director, '.concern-row');
    await expect.poll(() => first.innerText()).toContain(KINDS_TEXT);
    const line = await first.innerText();
    expect(line).toContain('井凌桥村');
    expect(line).toContain('紧急');
    expect(line).toContain('已收到');
    expect(line).toMatch(/刚刚收到|等了 \d+ 分钟/);
    expect(lists.queue?.[0]).toMatchObject({ urgent: true, status: 'received', kinds: ['trafficking', 'forcedBegging'] });
    await shoot(director, 'director-queue');

    await first.click();
    const description = onScreen(director, '#concern-description');
    await expect.poll(() => description.innerText()).toContain(MARKUP);
    expect(await description.locator('img, b').count()).toBe(0);
    expect(await director.evaluate(() => (window as { __injected?: number }).__injected)).toBeUndefined();
    expect(await onScreen(director, '#concern-trail').innerText()).toContain('匿名报告人');
    await shoot(director, 'director-concern');

    await onScreen(director, '#step-acknowledged').click();
    await onScreen(director, '#step-note textarea').fill('已联系派出所，今晚一起去车站附近找');
    await onScreen(director, '#step-confirm').click();
    await expect.poll(() => onScreen(director, '.concern-status').innerText()).toBe('已受理');
    const trail = await onScreen(director, '#concern-trail').innerText();
    expect(trail).toContain('张桂英');
    expect(trail).toContain('已联系派出所，今晚一起去车站附近找');
    await shoot(director, 'director-acknowledged');
    handler = { page: director, token, concernId: lists.queue![0].id };

  });

  it('the reporter, with the tracking code, sees that it was taken in, and nothing of the child or the handler', async () => {
    await onScreen(reporter, '#tracking-input input').fill(trackingCode.toLowerCase());
    await onScreen(reporter, '#status-submit').click();
    await expect.poll(() => onScreen(reporter, '#status-word').innerText()).toBe('已受理');
    const found = await onScreen(reporter, '#status-found').innerText();
    expect(found).not.toContain('粉色外套');
    expect(found).not.toContain('张桂英');
    expect(found).not.toContain('派出所');
    await shoot(reporter, 'status-found');
  });

  it('a step on a page left open after someone else moved the report on is explained, and the page reloads', async () => {
    const { page: director, token, concernId } = handler;
    const { json: now } = await apiAs<{ version: number }>(token, 'GET', `/concerns/${concernId}`);
    const taken = await apiAs(token, 'POST', `/concerns/${concernId}/steps`, { to: 'investigating', note: '', version: now.version });
    expect(taken.status).toBe(200);

    await onScreen(director, '#step-investigating').click();
    await onScreen(director, '#step-confirm').click();
    const dialog = director.locator('.taro-modal__content').filter({ visible: true });
    await expect.poll(() => dialog.innerText()).toContain('这份报告已有变化');
    await shoot(director, 'director-conflict');
    await director.locator('.taro-model__confirm').filter({ visible: true }).click();
    await expect.poll(() => onScreen(director, '.concern-status').innerText()).toBe('核查中');
    // The next steps are the supervisor's or the district's, and the director's page says so.
    await expect.poll(() => onScreen(director, '.step-none').innerText()).toContain('督导员');
  });
});
