import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../functions/src/domain/time.js';
import { runJobByHand } from '../../functions/src/local/run-job-by-hand.js';
import { chromiumLaunch, phoneAddress, phoneContext } from '../support/chromium.js';
import { logInAsDemoUser } from '../support/demo-login.js';
import { findFreePort, makeDataDir, startShouhu, type StartedShouhu } from '../support/start-shouhu.js';

/**
 * Issue 9 in Chromium at 390×844, against an `npm start` of its own (the reminders job writes to every inbox of the
 * demo area, which the shared server's other tests count): the day's reminders run by hand as `npm run job` runs
 * them, through that server's DynamoDB Local; a children's director then finds the digest in the inbox, marked
 * unread, and tapping it opens their due list on the home page; the town's supervisor's digest opens the list it
 * counts first.
 */
const DIRECTOR = 'demo-director-jinglingqiao';
const SUPERVISOR = 'demo-supervisor-yexie';

let server: StartedShouhu;
let dataDir: string;
let browser: Browser;

beforeAll(async () => {
  dataDir = await makeDataDir();
  server = await startShouhu({
    port: await findFreePort(),
    dataDir,
    env: { SHOUHU_SKIP_H5_BUILD: '1', SHOUHU_TRUSTED_PROXY_HOPS: '1' },
  });
  const done = await runJobByHand({ job: 'reminders', date: shanghaiDate(new Date()), dataDir });
  expect(done.engine).toBe('npm start');
  if (done.result.status !== 'ran') throw new Error('the day’s reminders had run already');
  expect(done.result.outcome.people).toBeGreaterThan(0);
  expect(done.result.outcome.supervisors).toBeGreaterThan(0);
  browser = await chromium.launch(chromiumLaunch);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function phoneOf(userId: string, address: number): Promise<{ page: Page; kinds: string[] }> {
  const phone = await browser.newContext({ ...phoneContext, ...phoneAddress(address), viewport: { width: 390, height: 844 } });
  const page = await phone.newPage();
  const token = await logInAsDemoUser(page, server.url, userId);
  const response = await fetch(`${new URL(server.url).origin}/api/v1/inbox`, {
    headers: { ...phoneAddress(address).extraHTTPHeaders, Authorization: `Bearer ${token}` },
  });
  const inbox = (await response.json()) as { items: { kind: string }[] };
  return { page, kinds: inbox.items.map((item) => item.kind) };
}

/** From the home page's entry to the inbox, then the one digest there, unread. */
async function openDigest(page: Page, title: string) {
  await expect.poll(() => page.locator('#inbox-unread').textContent(), { timeout: 10_000 }).toMatch(/\d+ 条未读/);
  await page.locator('#inbox-entry').click();
  await page.locator('#inbox-list').waitFor();
  const digest = page.locator('.inbox-message', { hasText: title });
  await expect.poll(() => digest.count(), { timeout: 10_000 }).toBe(1);
  expect(await digest.textContent()).toContain('未读');
  return digest;
}

describe('the morning digest in the inbox (H5, 390×844)', () => {
  it('opens the director’s due list on the home page when tapped, and is read afterwards', async () => {
    const { page, kinds } = await phoneOf(DIRECTOR, 55);
    expect(kinds.filter((kind) => kind === 'dueDigest')).toHaveLength(1);
    const digest = await openDigest(page, '今日待办走访提醒');
    const counted = (await digest.textContent()) ?? '';
    expect(counted).toMatch(/\d+ 项/);

    await digest.click();

    await page.locator('#due-list .due-item').first().waitFor();
    expect(page.url()).toContain('pages/home/index');
    await page.screenshot({ path: join(tmpdir(), 'shouhu-digest-director.png') });
    await page.locator('#inbox-entry').click();
    await expect.poll(() => page.locator('.inbox-message', { hasText: '今日待办走访提醒' }).getAttribute('class')).toContain('inbox-message--read');
    await page.context().close();
  });

  it('opens the list the supervisor’s digest counts first', async () => {
    const { page, kinds } = await phoneOf(SUPERVISOR, 56);
    expect(kinds.filter((kind) => kind === 'supervisorDigest')).toHaveLength(1);
    const digest = await openDigest(page, '今日督导提醒');
    const words = (await digest.textContent()) ?? '';

    await digest.click();

    const attention = words.includes('有异议') ? 'disputed' : words.includes('超期未确认') ? 'unconfirmed' : null;
    if (attention !== null) {
      // The tab of that list, and the list itself, as many as counted or more (a visit may have come since).
      await page.locator(`#tab-${attention}.tabs__item--on`).waitFor();
      await page.locator(`#attention-${attention}-list`).waitFor();
      await expect.poll(async () => (await page.locator('.page.attention').boundingBox())?.x).toBe(0);
    } else if (words.includes('线索未受理')) {
      await expect.poll(() => page.url()).toContain('concerns/pages/queue/index');
    } else {
      await page.locator('#home-greeting').waitFor();
    }
    await page.screenshot({ path: join(tmpdir(), 'shouhu-digest-supervisor.png') });
    await page.context().close();
  });
});
