import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumLaunch, onScreen, phoneAddress, phoneContext } from '../support/chromium.js';
import { logInAsDemoUser } from '../support/demo-login.js';

/**
 * Issue 8, R6 in Chromium against `npm start`, at 390×844: the child's social worker raises a difficult case from the
 * child's page with the handling form; the town's supervisor finds it from the home page's count, acknowledges it and
 * raises it to the district; the district's officer does the same to the city; the city's officer acknowledges and
 * resolves it. Each officer works on their own phone, from their own home page, and the whole trail is on the child's
 * page afterwards. Each phone logs in once, from an address of its own (the login allows 6 a minute per address).
 */
const url = inject('shouhuUrl');
const apiBase = `${new URL(url).origin}/api/v1`;
const SHOTS = tmpdir();
const WORKER = 'demo-social-worker-1';
const VILLAGE = 'demo-village-jinglingqiao';
const PROBLEM = '奶奶上月摔伤住院，孩子白天独自在家，晚上借住邻居家。';
const TRIED = '联系了在外地打工的姑姑，无法回来；社工每周上门两次。';
const HELP = '需要临时监护安排和生活补助。';

let browser: Browser;
const phones: BrowserContext[] = [];
/** What went wrong inside the pages (uncaught errors, console errors): a walk that works must leave none. */
const pageErrors: string[] = [];
let child: { id: string; name: string };
let caseId = '';

async function phoneOf(userId: string, address: number): Promise<{ page: Page; token: string }> {
  const context = await browser.newContext({ ...phoneContext, ...phoneAddress(address), viewport: { width: 390, height: 844 } });
  phones.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${userId}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`${userId}: ${message.text()} (${message.location().url})`);
  });
  return { page, token: await logInAsDemoUser(page, url, userId) };
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `shouhu-case-${name}.png`) });
}

async function apiGet<T>(token: string, path: string, address: number): Promise<T> {
  const response = await fetch(`${apiBase}${path}`, { headers: { Authorization: `Bearer ${token}`, ...phoneAddress(address).extraHTTPHeaders } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

interface CaseJson {
  level: string;
  status: string;
  version: number;
  trail: { action: string; level: string; byName: string | null; note: string }[];
}

/** An officer's walk: home count → the queue → the case → 受理 → the next step with its note. */
async function takeUp(page: Page, who: string): Promise<void> {
  await expect.poll(() => onScreen(page, '#home-case-open').innerText()).not.toBe('0');
  await shoot(page, `${who}-home`);
  await onScreen(page, '#entry-case-queue').click();
  const line = onScreen(page, `#case-row-${caseId}`);
  await line.waitFor();
  expect(await line.innerText()).toContain('井凌桥村');
  expect(await line.innerText()).toContain('紧急');
  await shoot(page, `${who}-queue`);
  await line.click();
  await expect.poll(() => onScreen(page, '#case-child').innerText()).toContain(child.name);
  expect(await onScreen(page, '#case-problem').innerText()).toContain(PROBLEM);
  await onScreen(page, '#step-acknowledge').click();
  await expect.poll(() => onScreen(page, '#case-where').innerText()).toContain('已受理');
}

/** Writes the step's note and confirms it; the page then shows where the case stands. */
async function stepWithNote(page: Page, step: 'raise' | 'resolve', note: string, standing: string): Promise<void> {
  await onScreen(page, `#step-${step}`).click();
  await onScreen(page, '#step-note textarea').fill(note);
  await onScreen(page, '#step-confirm').click();
  await expect.poll(() => onScreen(page, '#case-where').innerText()).toContain(standing);
}

beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunch);
});

afterAll(async () => {
  for (const phone of phones) await phone.close();
  await browser?.close();
});

describe('a difficult case raised from a village and taken up to the city (issue 8, R6)', () => {
  let worker: { page: Page; token: string };

  it("the child's social worker raises it from the child's page with the handling form, once however often she taps", async () => {
    worker = await phoneOf(WORKER, 31);
    const list = await apiGet<{ items: { id: string; name: string; region: { villageId: string } }[] }>(worker.token, '/children?limit=50', 31);
    const mine = list.items.find((item) => item.region.villageId === VILLAGE);
    expect(mine).toBeDefined();
    child = { id: mine!.id, name: mine!.name };

    const { page } = worker;
    await page.goto(`${url}#/children/pages/detail/index?id=${child.id}`);
    await onScreen(page, '#raise-escalation').click();
    await expect.poll(() => onScreen(page, '#raise-child').innerText()).toContain(child.name);
    await onScreen(page, '#problem textarea').fill(PROBLEM);
    await onScreen(page, '#tried textarea').fill(TRIED);
    await onScreen(page, '#helpNeeded textarea').fill(HELP);
    await onScreen(page, '#urgent-yes').click();
    await shoot(page, 'raise-form');

    const sent: Request[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith(`/children/${child.id}/escalations`)) sent.push(request);
    });
    await onScreen(page, '#raise-submit').dblclick();
    await expect.poll(() => onScreen(page, '#raise-result').innerText()).toContain('已提请');
    expect(await onScreen(page, '#raise-deadline').innerText()).toMatch(/\d+月\d+日 \d{2}:\d{2}/);
    expect(sent).toHaveLength(1);
    await shoot(page, 'raise-result');

    const { items } = await apiGet<{ items: (CaseJson & { id: string })[] }>(worker.token, `/children/${child.id}/escalations`, 31);
    expect(items[0]).toMatchObject({ level: 'town', status: 'raised' });
    caseId = items[0]!.id;
  });

  it("the town's supervisor finds it from the home page, acknowledges it and raises it to the district", async () => {
    const { page } = await phoneOf('demo-supervisor-yexie', 32);
    await takeUp(page, 'town');
    await stepWithNote(page, 'raise', '镇里没有临时监护的安置点，需要区里协调。', '已提请区民政局');
    await shoot(page, 'town-raised');
  });

  it("the district's officer acknowledges it and raises it to the city", async () => {
    const { page } = await phoneOf('demo-district-officer', 33);
    await takeUp(page, 'district');
    await stepWithNote(page, 'raise', '涉及跨区户籍，需要市里协调。', '已提请市民政局');
  });

  it("the city's officer acknowledges and resolves it; no page went wrong on the way", async () => {
    const { page, token } = await phoneOf('demo-city-officer', 34);
    await takeUp(page, 'city');
    await stepWithNote(page, 'resolve', '协调户籍所在区临时监护，每月发放生活补助。', '市民政局已解决');
    expect(await onScreen(page, '#case-resolution').innerText()).toContain('每月发放生活补助');
    await expect.poll(() => onScreen(page, '#step-buttons').count()).toBe(0);
    await shoot(page, 'city-resolved');

    const resolved = await apiGet<CaseJson>(token, `/escalations/${caseId}`, 34);
    expect(resolved.trail.map((step) => `${step.level}:${step.action}:${step.byName}`)).toEqual([
      'town:raised:王晓静',
      'town:acknowledged:沈志强',
      'district:raised:沈志强',
      'district:acknowledged:周丽华',
      'city:raised:周丽华',
      'city:acknowledged:陈建国',
      'city:resolved:陈建国',
    ]);
    expect(pageErrors.join("\n")).toBe("");
  });

  it("the whole trail stays on the child's page", async () => {
    const { page } = worker;
    await page.goto(`${url}#/children/pages/detail/index?id=${child.id}`);
    const card = onScreen(page, `#case-${caseId}`);
    await expect.poll(() => card.innerText()).toContain('已由市民政局解决');
    await onScreen(page, `#case-trail-toggle-${caseId}`).click();
    const trail = await card.innerText();
    for (const step of ['提请镇（街道）督导员', '上报区民政局', '上报市民政局', '市民政局解决']) expect(trail).toContain(step);
    await shoot(page, 'child-trail');
  });
});
