import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumLaunch, phoneAddress, phoneContext } from '../support/chromium.js';
import { logInAsDemoUser } from '../support/demo-login.js';

/**
 * Issue 9, part 2 in Chromium against `npm start`, at 390×844: 周丽华 saves a change of 松江区's rules, and the policy
 * page shows the recomputation of the district's children as a progress bar until the job that `npm start`'s relay
 * hands PolicyChanged to is done. The district's rules are put back afterwards for the files after this one.
 */
const url = inject('shouhuUrl');
const apiBase = `${new URL(url).origin}/api/v1`;
const OFFICER = 'demo-district-officer';
const DISTRICT = 'demo-district';
const PHONE = phoneAddress(51);
const SHOTS = tmpdir();

interface PolicyJson {
  ruleIds: string[];
  unconfirmedAfterDays: number;
  version: number;
  refresh: { policyVersion: number; status: 'running' | 'done'; done: number; total: number; finishedAt: string | null } | null;
}

let browser: Browser;
let page: Page;
let token: string;
let before: PolicyJson;
const pageErrors: string[] = [];

async function policyNow(): Promise<PolicyJson> {
  const response = await fetch(`${apiBase}/districts/${DISTRICT}/policy`, { headers: { Authorization: `Bearer ${token}`, ...PHONE.extraHTTPHeaders } });
  expect(response.status).toBe(200);
  return (await response.json()) as PolicyJson;
}

const onScreen = (selector: string) => page.locator(selector).filter({ visible: true }).first();

beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunch);
  const phone = await browser.newContext({ ...phoneContext, ...PHONE, viewport: { width: 390, height: 844 } });
  page = await phone.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  token = await logInAsDemoUser(page, url, OFFICER);
  before = await policyNow();
});

afterAll(async () => {
  if (token && before) {
    const current = await policyNow();
    await fetch(`${apiBase}/districts/${DISTRICT}/policy`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...PHONE.extraHTTPHeaders },
      body: JSON.stringify({ ruleIds: before.ruleIds, unconfirmedAfterDays: before.unconfirmedAfterDays, version: current.version }),
    });
  }
  await browser?.close();
});

describe('the policy page follows the recomputation a save starts (issue 9, part 2)', () => {
  it('shows the children recomputed so far on a bar after saving, and when all were done', async () => {
    // Prepare: the demo district does not take the ministry's preventive visits (R20). The seed's own refresh is
    // done soon after the start; one that ended before the page opened is no news, so the page shows no bar.
    expect(before.ruleIds).not.toContain('R20');
    await expect.poll(async () => (await policyNow()).refresh?.status, { timeout: 30_000 }).toBe('done');
    await page.locator('#entry-policy').click();
    await onScreen('#rule-R20').waitFor();
    expect(await page.locator('#refresh-progress').count()).toBe(0);

    // Act: tick R20, save, confirm.
    await onScreen('#rule-R20').click();
    await onScreen('#preview-added').waitFor();
    await onScreen('#policy-save').click();
    await page.locator('.taro-model__confirm').filter({ visible: true }).click();

    // Assess: the save answers at once and the bar counts the district's children, then says when all were done.
    const progress = onScreen('#refresh-progress-text');
    await expect.poll(() => progress.innerText()).toMatch(/^正在按新规则重算儿童的走访要求：已完成 \d+ \/ \d+ 名$/);
    await page.screenshot({ path: join(SHOTS, 'shouhu-policy-refresh-running.png') });
    await expect.poll(() => progress.innerText(), { timeout: 30_000 }).toContain('已按新规则更新全部');
    const after = await policyNow();
    expect(after.ruleIds).toContain('R20');
    expect(after.refresh).toMatchObject({ policyVersion: after.version, status: 'done' });
    expect(after.refresh!.total).toBeGreaterThanOrEqual(40);
    const finishedAt = new Date(new Date(after.refresh!.finishedAt!).getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
    expect(await progress.innerText()).toBe(`✓ 已按新规则更新全部 ${after.refresh!.total} 名儿童（${finishedAt} 完成）`);
    expect(await page.locator('.refresh-progress__bar .weui-progress__inner-bar').first().getAttribute('style')).toContain('width: 100%');
    await page.screenshot({ path: join(SHOTS, 'shouhu-policy-refresh-done.png') });
    // The bar and its words fit the phone's width.
    const box = await onScreen('#refresh-progress').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(pageErrors).toEqual([]);
  });
});
