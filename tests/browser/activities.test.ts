import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { onScreen } from '../support/chromium.js';
import { demoPhones } from '../support/demo-phones.js';

/**
 * Issue 11 part 4 (R5) in Chromium against `npm start`, at 390×844: the organization's admin 吴敏 plans an activity
 * for 叶榭镇 with two places; the volunteer 徐佳怡 (signed the pledge) signs herself up and sees one place left; the
 * guardian 王德明 signs up his child, whose village is in the town; the activity is then 满员 for everyone. The admin's
 * and the guardian's phones share address 87, the volunteer's is 88 (two logins a minute at most on one).
 */
const url = inject('shouhuUrl');
const TITLE = `冬令营亲子活动${Date.now() % 10_000}`;

const phones = demoPhones(url);
const { pageErrors } = phones;
const phoneOf = (userId: string, address: number) => phones.open(userId, address);

/** From the home page to the activity of this test, through the list. */
async function openActivity(page: Page): Promise<void> {
  await onScreen(page, '#entry-activities').click();
  await onScreen(page, '#activity-list').waitFor();
  await onScreen(page, `.activity-row:has-text("${TITLE}")`).click();
  await onScreen(page, '#activity-title').waitFor();
}

afterAll(() => phones.closeAll());

describe('group activities (R5) on a phone', () => {
  it('the admin plans two places, the volunteer and a guardian take them, and the activity is full', async () => {
    // The org admin plans it from her home page, for the whole of 叶榭镇.
    const admin = await phoneOf('demo-org-admin', 87);
    await onScreen(admin, '#entry-activities').click();
    await onScreen(admin, '#plan-activity').click();
    await onScreen(admin, '#plan-title input').fill(TITLE);
    await onScreen(admin, '#plan-place input').fill('叶榭镇社区文化活动中心');
    await onScreen(admin, '#plan-capacity input').fill('2');
    await onScreen(admin, '#plan-town-demo-town-yexie').click();
    await onScreen(admin, '#plan-submit').click();
    await onScreen(admin, '#activity-title').waitFor();
    expect(await onScreen(admin, '#activity-title').textContent()).toBe(TITLE);
    expect(await onScreen(admin, '#activity-places').textContent()).toBe('剩余 2 / 2 个名额');

    // The volunteer signs herself up and sees the place she took.
    const volunteer = await phoneOf('demo-volunteer-1', 88);
    await openActivity(volunteer);
    await onScreen(volunteer, '#sign-up-u-demo-volunteer-1').click();
    await onScreen(volunteer, '#cancel-u-demo-volunteer-1').waitFor();
    expect(await onScreen(volunteer, '#activity-places').textContent()).toBe('剩余 1 / 2 个名额');
    // No child's data reaches a volunteer: no sign-up list at all.
    expect(await volunteer.locator('#sign-up-list').count()).toBe(0);

    // 王德明 signs up his child, who lives in a village of 叶榭镇.
    const guardian = await phoneOf('demo-guardian-001', 87);
    await openActivity(guardian);
    await onScreen(guardian, '#sign-up-c-demo-child-001').click();
    await onScreen(guardian, '#cancel-c-demo-child-001').waitFor();
    expect(await onScreen(guardian, '#activity-places').textContent()).toBe('满员');

    // The admin's page, shown again, says 满员 and lists both.
    await admin.reload();
    await onScreen(admin, '#sign-up-list').waitFor();
    expect(await onScreen(admin, '#activity-places').textContent()).toBe('满员');
    expect(await onScreen(admin, '#sign-up-list').textContent()).toContain('徐佳怡');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
