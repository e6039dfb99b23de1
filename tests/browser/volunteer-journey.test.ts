import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumLaunch, onScreen, phoneAddress, phoneContext } from '../support/chromium.js';
import { logInAsDemoUser } from '../support/demo-login.js';
import { readAndSignPledge } from '../support/pledge-signing.js';
import { shanghaiDate } from '../../functions/src/domain/time.js';
import { dateAfterDays } from '../../miniapp/src/lib/beijing-time.js';

/**
 * Issue 11's done-when in Chromium against `npm start`, at 390×844. A new volunteer registers from the H5 login page (a
 * made-up WeChat user kept on the phone), is told what is missing, finds their typing kept across a reload, and sees
 * 审核中; 吴敏, the organization's admin, approves from her home's 机构管理 → 志愿者申请; the volunteer comes back to the
 * login page, taps the same entry and lands on the volunteer's home. Then (R8, R5) the volunteer tries to join the
 * admin's new activity, is led to the pledge, reads it to its end, draws a signature and signs, and joins. (The
 * guardian's next safety session, R12, is walked in safety-education.test.ts.) Phones on addresses 83 and 84.
 */
const url = inject('shouhuUrl');
/** Browser tests share one server: a name of this run's own. */
const NAME = `林小雨${String(Date.now()).slice(-4)}`;
const ACTIVITY = `寒假手工课${String(Date.now()).slice(-4)}`;
const apiBase = `${new URL(url).origin}/api/v1`;

let browser: Browser;
/** The new volunteer's phone and the admin's session, carried from one step of the journey to the next. */
let volunteer: Page;
let adminToken: string;
const phones: BrowserContext[] = [];
const pageErrors: string[] = [];

async function phone(address: number, who: string): Promise<Page> {
  const context = await browser.newContext({ ...phoneContext, ...phoneAddress(address), viewport: { width: 390, height: 844 } });
  phones.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${who}: ${error.message}`));
  return page;
}

beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunch);
});

afterAll(async () => {
  for (const context of phones) await context.close();
  await browser?.close();
});

describe('a volunteer registers and is approved, on a phone', () => {
  it('registers, waits, is approved by the organization admin and comes back to the volunteer home', async () => {
    volunteer = await phone(83, 'volunteer');
    await volunteer.goto(`${url}#/pages/login/index`);
    await onScreen(volunteer, '#entry-volunteer-register').click();
    await onScreen(volunteer, '#volunteer-register').waitFor();

    // Sent empty: each field says what it needs; nothing is sent.
    await onScreen(volunteer, '#volunteer-submit').click();
    await expect.poll(() => onScreen(volunteer, '#field-name').textContent()).toContain('请填写姓名');
    expect(await onScreen(volunteer, '#field-phone').textContent()).toContain('请填写11位手机号');
    expect(await onScreen(volunteer, '#field-organization').textContent()).toContain('请选择要加入的社会组织');

    // Typing survives a reload of the page (the draft), and the organizations are offered by name.
    await onScreen(volunteer, '#volunteer-name input').fill(NAME);
    await onScreen(volunteer, '#volunteer-phone input').fill('13912345678');
    await volunteer.reload();
    await onScreen(volunteer, '#draft-notice').waitFor();
    expect(await onScreen(volunteer, '#volunteer-name input').inputValue()).toBe(NAME);
    await onScreen(volunteer, '#volunteer-org-demo-org').waitFor();
    expect(await onScreen(volunteer, '#field-organization').textContent()).toContain('松江区阳光社工服务中心');
    expect(await onScreen(volunteer, '#field-organization').textContent()).not.toContain('demo-org');
    await onScreen(volunteer, '#volunteer-org-demo-org').click();
    await onScreen(volunteer, '#volunteer-submit').click();

    await onScreen(volunteer, '#application-status').waitFor();
    expect(await onScreen(volunteer, '#application-status-word').textContent()).toBe('审核中');
    expect(await onScreen(volunteer, '#application-status').textContent()).toContain('松江区阳光社工服务中心');

    // 吴敏 sees the application on her home's entry, the phone masked in the list, and approves it.
    const admin = await phone(84, 'admin');
    adminToken = await logInAsDemoUser(admin, url, 'demo-org-admin');
    await expect.poll(() => onScreen(admin, '#entry-volunteer-review').textContent()).toMatch(/[1-9]\d* 条待审核/);
    await onScreen(admin, '#entry-volunteer-review').click();
    const row = admin.locator('.review-row').filter({ visible: true, hasText: NAME }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('139****5678');
    // She places the volunteer in 叶榭镇 (their account's scope) and approves.
    await row.getByText('叶榭镇', { exact: true }).click();
    await row.getByText('✓ 叶榭镇', { exact: true }).waitFor();
    await row.getByText('通过', { exact: true }).click();
    await row.waitFor({ state: 'detached' });

    // The volunteer's status says so; from the login page the same entry now logs them in to the volunteer home.
    await volunteer.reload();
    await expect.poll(() => onScreen(volunteer, '#application-status-word').textContent()).toBe('已通过');
    await volunteer.goto(`${url}#/pages/login/index`);
    await onScreen(volunteer, '#entry-volunteer-register').click();
    await onScreen(volunteer, '#home-greeting').waitFor();
    expect(await onScreen(volunteer, '#home-greeting').textContent()).toContain(NAME);
    expect(await onScreen(volunteer, '.home__role').textContent()).toBe('志愿者');
    const account = await volunteer.evaluate(() => JSON.parse(localStorage.getItem('shouhu.session') ?? '{}').data?.user);
    expect(account).toMatchObject({ role: 'volunteer', organizationId: 'demo-org', scope: { level: 'town', regionId: 'demo-town-yexie' } });
    await onScreen(volunteer, '#pledge-status').waitFor();
    // Volunteers never see children's records: no list entry on their home.
    expect(await volunteer.locator('#entry-children').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('the new volunteer is led from an activity to the pledge, signs it with a drawn signature, and joins (R8, R5)', async () => {
    // The admin plans an activity for the volunteer's town, a week ahead.
    const inAWeek = dateAfterDays(shanghaiDate(new Date()), 7);
    const planned = await fetch(`${apiBase}/activities`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json', ...phoneAddress(84).extraHTTPHeaders },
      body: JSON.stringify({ title: ACTIVITY, date: inAWeek, time: '14:00', place: '叶榭镇社区文化活动中心', capacity: 10, areaId: 'demo-town-yexie' }),
    });
    expect(planned.status).toBe(201);

    // From the volunteer's home: the activity, and a sign-up refused until the pledge is signed.
    await onScreen(volunteer, '#entry-activities').click();
    await onScreen(volunteer, '#activity-list').waitFor();
    await onScreen(volunteer, `.activity-row:has-text("${ACTIVITY}")`).click();
    await onScreen(volunteer, '#activity-title').waitFor();
    const userId = await volunteer.evaluate(() => JSON.parse(localStorage.getItem('shouhu.session') ?? '{}').data?.user?.id as string);
    await onScreen(volunteer, `#sign-up-u-${userId}`).click();
    await volunteer.getByText('请先签署承诺书').waitFor();
    await volunteer.getByText('去签署', { exact: true }).click();

    // The pledge: read to its end, the name typed, a signature drawn, consent ticked.
    await onScreen(volunteer, '#pledge-text').waitFor();
    await readAndSignPledge(volunteer, NAME);
    expect(await onScreen(volunteer, '#pledge-signed-status').textContent()).toBe('已签署');

    // Back on the activity, the same tap now takes a place.
    await volunteer.goBack();
    await onScreen(volunteer, '#activity-title').waitFor();
    await onScreen(volunteer, `#sign-up-u-${userId}`).click();
    await onScreen(volunteer, `#cancel-u-${userId}`).waitFor();
    expect(await onScreen(volunteer, '#activity-places').textContent()).toBe('剩余 9 / 10 个名额');
    expect(pageErrors).toEqual([]);
  });
});
