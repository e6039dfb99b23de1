import { afterAll, describe, expect, inject, it } from 'vitest';
import { onScreen } from '../support/chromium.js';
import { demoPhones } from '../support/demo-phones.js';
import { readAndSignPledge } from '../support/pledge-signing.js';

/**
 * Issue 11, R8 in Chromium against `npm start`, at 390×844: the demo volunteer 马骏 (not signed) opens the pledge
 * from his home, cannot sign before scrolling the text to its end, types his name, draws a signature with the mouse,
 * ticks consent, signs and sees 已签署; the organization's admin 吴敏 sees him signed in 承诺书签署情况. Each phone logs
 * in once from an address of its own (81, 82).
 */
const url = inject('shouhuUrl');

const phones = demoPhones(url);
const { pageErrors } = phones;
const phoneOf = (userId: string, address: number) => phones.open(userId, address);

afterAll(() => phones.closeAll());

describe('the child-protection pledge (R8), on a phone', () => {
  it('the volunteer reads the pledge to its end, types his name, draws his signature, ticks and signs', async () => {
    const page = await phoneOf('demo-volunteer-2', 81);
    await expect.poll(() => onScreen(page, '#pledge-status').textContent()).toContain('未签署');

    // Act: open the pledge from the home.
    await onScreen(page, '#pledge-status').click();
    await onScreen(page, '#pledge-text').waitFor();

    // The form stays locked until the text was scrolled to its end.
    expect(await onScreen(page, '#pledge-locked').textContent()).toContain('滑动阅读至末尾');
    expect(await page.locator('#pledge-form').count()).toBe(0);
    await readAndSignPledge(page, '马骏');

    // Assess
    expect(await onScreen(page, '#pledge-signed-status').textContent()).toBe('已签署');
    expect(await onScreen(page, '#pledge-signed-name').textContent()).toContain('马骏');
    expect(pageErrors).toEqual([]);
  });

  it("the organization's admin sees him signed in 承诺书签署情况", async () => {
    const page = await phoneOf('demo-org-admin', 82);

    await onScreen(page, '#entry-pledge-roster').click();
    await onScreen(page, '#pledge-roster-summary').waitFor();

    const row = onScreen(page, '#pledge-roster-demo-volunteer-2');
    expect(await row.textContent()).toContain('马骏');
    expect(await row.textContent()).toContain('已签署');
    expect(await row.textContent()).toContain('下载 PDF');
    expect(pageErrors).toEqual([]);
  });
});
