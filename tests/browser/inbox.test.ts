import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumLaunch, phoneAddress, phoneContext } from '../support/chromium.js';
import { logInAsDemoUser } from '../support/demo-login.js';

/**
 * Issue 7, B7–B8 in Chromium against `npm start`, at 390×844: a guardian disputes a visit and the town's supervisor
 * settles it (through the API, as their phones would); then the worker who recorded it and the guardian each open
 * their inbox from home, see the outcome in words, marked unread, and tap it (it is read, and the visit's page
 * opens); the village's director has the inbox on their home too; the guardian's child page names the team with a
 * call button for each. Four logins from this file's own address (6 a minute are allowed).
 */
const url = inject('shouhuUrl');
const apiBase = `${new URL(url).origin}/api/v1`;
const ADDRESS = phoneAddress(9);
const WORKER = 'demo-social-worker-1';
const GUARDIAN = 'demo-guardian-001';
const DIRECTOR = 'demo-director-jinglingqiao';
const SUPERVISOR = 'demo-supervisor-yexie';
// demo-guardian-001's child, in 井凌桥村 of 叶榭镇: social worker 1, director 张桂英, supervisor 沈志强.
const CHILD = 'demo-child-001';
const SETTLEMENT_NOTE = '已与社工和监护人核实，安排周六重新上门';
const SHOTS = tmpdir();

let browser: Browser;
const phones: BrowserContext[] = [];
let worker: { page: Page; token: string };
let guardian: { page: Page; token: string };
let director: { page: Page; token: string };
let visitId: string;
let childName: string;

async function logInOnNewPhone(userId: string, address = ADDRESS) {
  const phone = await browser.newContext({ ...phoneContext, ...address, viewport: { width: 390, height: 844 } });
  phones.push(phone);
  const page = await phone.newPage();
  const token = await logInAsDemoUser(page, url, userId);
  return { page, token };
}

async function api<T>(token: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(`${apiBase}${path}`, {
    method,
    headers: {
      ...ADDRESS.extraHTTPHeaders,
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status, `${method} ${path}: ${response.status}`).toBeLessThan(300);
  return (await response.json()) as T;
}

interface InboxJson {
  items: { id: string; kind: string; visitId: string; readAt: string | null }[];
  unread: number;
}

const messageOf = async (token: string, kind: string) =>
  (await api<InboxJson>(token, 'GET', '/inbox')).items.find((item) => item.visitId === visitId && item.kind === kind);

/** The worker's phone call to the family yesterday, disputed by the guardian, settled by the town's supervisor. */
async function settleADispute(): Promise<void> {
  const started = new Date(Date.now() - 24 * 3_600_000);
  const visit = await api<{ id: string }>(
    worker.token,
    'POST',
    `/children/${CHILD}/visits`,
    {
      kind: 'contact',
      startedAt: started.toISOString(),
      endedAt: new Date(started.getTime() + 15 * 60_000).toISOString(),
      location: null,
      participantIds: [WORKER],
      contactChannel: 'phone',
      notes: '电话了解孩子期中考试情况。',
    },
    { 'Idempotency-Key': randomUUID() },
  );
  visitId = visit.id;
  const disputed = await api<{ version: number }>(guardian.token, 'POST', `/children/${CHILD}/visits/${visitId}/confirmation`, {
    decision: 'dispute',
    reasons: ['notVisited'],
    note: '那天没有人打电话来',
    version: 1,
  });
  const supervisor = await api<{ token: string }>(null, 'POST', '/auth/dev', { userId: SUPERVISOR });
  await api(supervisor.token, 'POST', `/children/${CHILD}/visits/${visitId}/resolution`, {
    outcome: 'revisitArranged',
    note: SETTLEMENT_NOTE,
    version: disputed.version,
  });
  // The local server relays the event to the inboxes moments after the write.
  await expect.poll(() => messageOf(worker.token, 'disputeResolved'), { timeout: 15_000 }).toBeTruthy();
}

/** From the home's entry to the inbox page; the home as it showed, in `homeShot`. */
async function openInboxFromHome(page: Page, homeShot: string) {
  await page.goto(`${url}#/pages/home/index`);
  await page.locator('#home-greeting').waitFor();
  await expect.poll(() => page.locator('#inbox-unread').innerText()).toMatch(/^\d+ 条未读$/);
  await page.screenshot({ path: join(SHOTS, homeShot) });
  await page.locator('#inbox-entry').click();
  await page.locator('#inbox-list').waitFor();
  await expect.poll(async () => (await page.locator('.inbox-page').boundingBox())?.x).toBe(0);
}

/** Taps the message; it is marked read and the visit's page is where the phone goes. */
async function tapAndExpectVisitPage(page: Page, token: string, messageId: string) {
  await page.locator(`#message-${messageId}`).click();
  await expect.poll(() => page.url()).toContain(`#/children/pages/visit/index?childId=${CHILD}&visitId=${visitId}`);
  await expect.poll(async () => (await messageOf(token, 'disputeResolved'))?.readAt).toBeTruthy();
  await page.goto(`${url}#/pages/inbox/index`);
  await expect.poll(() => page.locator(`#message-${messageId}`).getAttribute('class')).toContain('inbox-message--read');
}

beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunch);
  worker = await logInOnNewPhone(WORKER);
  guardian = await logInOnNewPhone(GUARDIAN);
  director = await logInOnNewPhone(DIRECTOR);
  childName = (await api<{ name: string }>(guardian.token, 'GET', `/children/${CHILD}`)).name;
});

afterAll(async () => {
  for (const phone of phones) await phone.close();
  await browser?.close();
});

describe('the outcome of a dispute in the inboxes (issue 7, B8)', () => {
  it('a dispute settled by the supervisor reaches the worker’s inbox through the local relay', async () => {
    await settleADispute();
  });

  it('the worker who recorded the visit: from home, in words, unread; a tap reads it and opens the visit', async () => {
    const { page, token } = worker;
    const message = (await messageOf(token, 'disputeResolved'))!;

    await openInboxFromHome(page, 'shouhu-inbox-worker-home.png');

    const row = page.locator(`#message-${message.id}`);
    expect(await row.getAttribute('class')).toContain('inbox-message--unread');
    const text = await row.innerText();
    expect(text).toContain('监护人异议已处理：已安排重新走访');
    expect(text).toContain(`${childName} · `);
    expect(text).toMatch(/\d+月\d+日 \d{2}:\d{2} 联系（电话）/);
    expect(text).toContain('未读');
    await page.screenshot({ path: join(SHOTS, 'shouhu-inbox-worker.png') });

    await tapAndExpectVisitPage(page, token, message.id);
    expect(await row.innerText()).not.toContain('未读');
  });

  it('the guardian: the outcome of their own dispute, with nobody’s notes or names', async () => {
    const { page, token } = guardian;
    const message = (await messageOf(token, 'disputeResolved'))!;

    await openInboxFromHome(page, 'shouhu-inbox-guardian-home.png');

    const row = page.locator(`#message-${message.id}`);
    expect(await row.getAttribute('class')).toContain('inbox-message--unread');
    expect(await row.innerText()).toContain('您提出的异议已处理：已安排重新走访');
    const body = await page.locator('body').innerText();
    for (const secret of [SETTLEMENT_NOTE, '电话了解孩子期中考试情况', '王晓静', '沈志强', 'demo-', visitId]) expect(body).not.toContain(secret);
    await page.screenshot({ path: join(SHOTS, 'shouhu-inbox-guardian.png') });

    await tapAndExpectVisitPage(page, token, message.id);
  });

  it('the village’s director: the inbox on the home, with the dispute and its outcome', async () => {
    const { page, token } = director;
    const disputed = (await messageOf(token, 'visitDisputed'))!;
    const settled = (await messageOf(token, 'disputeResolved'))!;

    await openInboxFromHome(page, 'shouhu-inbox-director-home.png');

    expect(await page.locator(`#message-${disputed.id}`).innerText()).toContain('监护人有异议：没有来访');
    expect(await page.locator(`#message-${disputed.id}`).innerText()).toContain('那天没有人打电话来');
    expect(await page.locator(`#message-${settled.id}`).innerText()).toContain('监护人异议已处理：已安排重新走访');
    await page.screenshot({ path: join(SHOTS, 'shouhu-inbox-director.png') });
  });
});

describe('every role’s home has the inbox (issue 7, B8)', () => {
  // Three more logins, from a second address so that the file stays within 6 a minute per address.
  it.each([
    ['demo-supervisor-yexie', 'supervisor'],
    ['demo-district-officer', 'district-officer'],
    ['demo-volunteer-1', 'volunteer'],
  ])('%s', async (userId, shot) => {
    const { page } = await logInOnNewPhone(userId, phoneAddress(10));
    await expect.poll(() => page.locator('#inbox-unread').innerText()).toMatch(/^(\d+ 条未读|没有新消息)$/);
    await page.screenshot({ path: join(SHOTS, `shouhu-inbox-${shot}-home.png`) });

    await page.locator('#inbox-entry').click();
    await expect.poll(async () => (await page.locator('.inbox-page').boundingBox())?.x).toBe(0);
    await expect.poll(() => page.locator('.inbox-page .state--empty, #inbox-list').count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, `shouhu-inbox-${shot}.png`) });
  });
});

describe('names on the child’s page (issue 7, B7)', () => {
  it('a guardian sees the team by name and role, each with a call button, and no ids', async () => {
    const { page } = guardian;
    await page.goto(`${url}#/children/pages/detail/index?id=${CHILD}`);
    await page.locator('#child-name').waitFor();

    const team = page.locator('.child-team .team-member');
    await expect.poll(() => team.count()).toBe(3);
    expect(await page.locator('#team-socialWorker').innerText()).toMatch(/王晓静[\s\S]*儿童福利社工/);
    expect(await page.locator('#team-director').innerText()).toMatch(/张桂英[\s\S]*儿童主任/);
    expect(await page.locator('#team-supervisor').innerText()).toMatch(/沈志强[\s\S]*儿童督导员/);
    for (const role of ['socialWorker', 'director', 'supervisor']) {
      expect(await page.locator(`#call-${role}`).getAttribute('href')).toMatch(/^tel:1\d{10}$/);
      expect(await page.locator(`#call-${role}`).innerText()).toBe('打电话');
    }
    expect(await page.locator('body').innerText()).not.toMatch(/demo-|u-\w/);
    await page.screenshot({ path: join(SHOTS, 'shouhu-inbox-child-team-guardian.png') });
    // A short title stays on one line beside a long value (家庭住址 once wrapped to two).
    const address = await page.locator('.child-detail .child-address .cell__title').boundingBox();
    const oneLine = await page.locator('.child-detail .child-address .cell__value').evaluate((value) => parseFloat(getComputedStyle(value).lineHeight));
    expect(address!.height).toBeLessThan(oneLine * 1.5);
    // The settled dispute is not left looking open in the visit history.
    await expect.poll(() => page.locator(`.child-detail #visit-${visitId} .resolution-tag`).innerText()).toBe('督导员已处理：已安排重新走访');
    await page.locator(`.child-detail #visit-${visitId}`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'shouhu-inbox-child-history-guardian.png') });
  });

  it('the worker sees whose duty each due item is, by name, and no ids', async () => {
    const { page } = worker;
    await page.goto(`${url}#/children/pages/detail/index?id=${CHILD}`);
    await page.locator('#next-due .next-due-item').first().waitFor();

    const items = await page.locator('#next-due .next-due-item').allInnerTexts();
    for (const item of items) expect(item).toMatch(/ · (王晓静|张桂英)/);
    expect(await page.locator('body').innerText()).not.toMatch(/demo-/);
    await page.screenshot({ path: join(SHOTS, 'shouhu-inbox-child-worker.png'), fullPage: true });
  });
});
