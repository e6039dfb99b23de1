import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumLaunch, onScreen, phoneContext } from '../support/chromium.js';
import { logInOnPhone } from '../support/demo-login.js';
import { endVisitNow, openFormMinutesAgo } from '../support/visit-clock.js';

/**
 * Issue 3 in Chromium against `npm start`: the social worker checks in at a home, the guardian confirms on their
 * own phone, the worker sees it; and a check-in made offline arrives once when the network returns.
 * The API allows 6 logins a minute per address across the browser project: this file logs in twice, once per
 * person, and keeps both sessions (one browser context each, like two phones) for all its tests.
 */
const url = inject('shouhuUrl');
const apiBase = `${new URL(url).origin}/api/v1`;
const WORKER = 'demo-social-worker-1';
// demo-guardian-NNN is the guardian of demo-child-NNN; the first village's children 001, 003, … have worker 1.
const FLOW_CHILD = 'demo-child-001';
const FLOW_GUARDIAN = 'demo-guardian-001';
const OFFLINE_CHILD = 'demo-child-003';
const DIRECTOR_OF_BOTH = 'demo-director-jinglingqiao';

let browser: Browser;
const phones: BrowserContext[] = [];
let worker: { page: Page; token: string; phone: BrowserContext };
let guardian: { page: Page; token: string; phone: BrowserContext };

async function logInOnNewPhone(userId: string, permissions: string[] = []) {
  const phone = await browser.newContext({
    ...phoneContext,
    permissions,
    // A point in 叶榭镇 (GCJ-02 and WGS-84 differ by a few hundred metres; any valid point will do here).
    geolocation: { latitude: 30.9502, longitude: 121.3206, accuracy: 25 },
  });
  phones.push(phone);
  // The check-in form leaves the end of a visit to the worker: tests set the phone's clock to say when it began.
  await phone.clock.install();
  return { ...(await logInOnPhone(phone, url, userId)), phone };
}

/** The API as the test sees it, outside the browser (so the browser's offline switch does not touch it). */
async function apiGet<T>(token: string, path: string): Promise<T> {
  const response = await fetch(`${apiBase}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

interface VisitJson {
  id: string;
  recordedBy: string;
  notes: string;
  confirmation: { state: string };
}

async function allVisitsOf(token: string, childId: string): Promise<VisitJson[]> {
  const visits: VisitJson[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: { items: VisitJson[]; nextCursor: string | null } = await apiGet(token, `/children/${childId}/visits?limit=100${query}`);
    visits.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return visits;
}

async function openCheckInForm(page: Page, childId: string) {
  await page.goto(`${url}#/children/pages/detail/index?id=${childId}`);
  await page.locator('#child-name').waitFor();
  await page.locator('#check-in-button').click();
  // Until the page has slid in, taps can land on the page underneath.
  await expect.poll(async () => (await page.locator('#check-in-form').boundingBox())?.x).toBe(0);
}

beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunch);
  worker = await logInOnNewPhone(WORKER, ['geolocation']);
  guardian = await logInOnNewPhone(FLOW_GUARDIAN);
});

afterAll(async () => {
  for (const phone of phones) await phone.close();
  await browser?.close();
});

describe('a visit from check-in to the guardian’s confirmation (issue 3)', () => {
  it('the worker’s home lists what is due, most urgent first, each with its rule', async () => {
    const { page } = worker;
    await page.locator('#due-list .due-item').first().waitFor();
    const rows = await page.locator('#due-list .due-item').allInnerTexts();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/逾期 \d+ 天|今天到期|\d+ 天后到期/);
      expect(row).toMatch(/入户走访|联系|复评|年度评估|跟踪回访/);
      // The rule in words, its code as a small tag beside them (issue 7, B7), not inside the sentence.
      expect(row).not.toMatch(/（R\d+）/);
    }
    const codes = await page.locator('#due-list .due-item .rule-code').allInnerTexts();
    expect(codes).toHaveLength(rows.length);
    for (const code of codes) expect(code).toMatch(/^R\d+$/);
    // Overdue items come before the ones not yet due.
    const overdue = rows.map((row) => /逾期 (\d+) 天/.exec(row)?.[1]).map((days) => (days ? Number(days) : 0));
    expect(overdue).toEqual([...overdue].sort((a, b) => b - a));
    await page.screenshot({ path: join(tmpdir(), 'shouhu-worker-home.png') });
  });

  it('worker checks in at the home → guardian confirms on their phone → worker sees 监护人已确认', async () => {
    const child = await apiGet<{ team: { socialWorkerId: string; directorId: string } }>(worker.token, `/children/${FLOW_CHILD}`);
    expect(child.team).toMatchObject({ socialWorkerId: WORKER, directorId: DIRECTOR_OF_BOTH });
    const before = await allVisitsOf(worker.token, FLOW_CHILD);

    const { page, phone } = worker;
    await openFormMinutesAgo(phone, 150, () => openCheckInForm(page, FLOW_CHILD));
    await endVisitNow(page);
    await expect.poll(() => page.locator('#location-status').innerText()).toContain('已获取定位');
    await page.screenshot({ path: join(tmpdir(), 'shouhu-check-in-form.png') });
    await page.locator(`#participant-${DIRECTOR_OF_BOTH}`).click();
    await page.locator('#service-dailyCare').click();
    await page.locator('#service-educationSupport').click();
    await page.locator('#notes textarea').fill('了解孩子学习和生活情况，外婆身体尚可。');
    await expect.poll(() => page.locator(`#participant-${DIRECTOR_OF_BOTH}`).innerText()).toContain('✓');
    await page.locator('#check-in-submit').click();

    await page.locator('.check-in-result--sent').waitFor();
    // Over two hours, two people with the assigned worker: R3 (in the demo district's policy) is met.
    expect(await page.locator('#r3-result').innerText()).toMatch(/^符合每月入户走访要求\s*R3$/);
    const after = await allVisitsOf(worker.token, FLOW_CHILD);
    expect(after).toHaveLength(before.length + 1);
    const visit = after[0];
    expect(visit).toMatchObject({ recordedBy: WORKER, notes: '了解孩子学习和生活情况，外婆身体尚可。', confirmation: { state: 'pending' } });

    const family = guardian.page;
    await family.reload();
    const card = family.locator(`#pending-confirmation-${visit.id}`);
    await card.waitFor();
    expect(await card.innerText()).toMatch(/来访人员：.*（共2人）/);
    expect(await card.innerText()).toContain('生活照料、教育支持');
    await family.screenshot({ path: join(tmpdir(), 'shouhu-guardian-confirm.png') });
    await family.locator(`#confirm-${visit.id}`).click();
    await card.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await allVisitsOf(guardian.token, FLOW_CHILD)).find((v) => v.id === visit.id)?.confirmation.state)
      .toBe('confirmed');

    await page.goto(`${url}#/children/pages/detail/index?id=${FLOW_CHILD}`);
    await expect.poll(() => page.locator(`#visit-${visit.id} .confirmation-tag`).innerText()).toBe('监护人已确认');
    await page.screenshot({ path: join(tmpdir(), 'shouhu-worker-child-visits.png') });
  });

  it('a check-in made offline waits as 待上传 and arrives once when the network returns', async () => {
    const { page, phone } = worker;
    const before = await allVisitsOf(worker.token, OFFLINE_CHILD);
    await openFormMinutesAgo(phone, 150, () => openCheckInForm(page, OFFLINE_CHILD));
    await endVisitNow(page);
    await page.locator(`#participant-${DIRECTOR_OF_BOTH}`).click();
    await page.locator('#notes textarea').fill('离线登记：山区没有信号。');

    await phone.setOffline(true);
    await page.locator('#check-in-submit').click();
    await page.locator('.check-in-result--queued').waitFor();
    expect(await page.locator('#check-in-result').innerText()).toContain('待上传');

    await page.locator('#check-in-back').click();
    const pending = page.locator('#pending-uploads .pending-upload');
    await expect.poll(() => pending.count()).toBe(1);
    expect(await pending.first().innerText()).toContain('待上传');
    expect(await allVisitsOf(worker.token, OFFLINE_CHILD)).toHaveLength(before.length);

    // Sooner than the queue's first automatic retry (15 s): it is the network coming back that sends it.
    await phone.setOffline(false);
    await expect.poll(() => pending.count(), { timeout: 10_000 }).toBe(0);
    const after = await allVisitsOf(worker.token, OFFLINE_CHILD);
    expect(after).toHaveLength(before.length + 1);
    expect(after.filter((v) => v.notes === '离线登记：山区没有信号。')).toHaveLength(1);

    // Nothing left to send: opening the app afresh, its queue read back from storage, sends nothing twice.
    await page.goto(`${url}#/pages/home/index`);
    await page.reload();
    await onScreen(page, '#home-greeting').waitFor();
    await expect.poll(() => page.locator('#pending-uploads').count()).toBe(0);
    expect(await allVisitsOf(worker.token, OFFLINE_CHILD)).toHaveLength(before.length + 1);
  });
});
