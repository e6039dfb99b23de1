import type { BrowserContext, Page } from 'playwright-core';

/**
 * The check-in form starts at the moment it is opened and leaves the end to the worker (issue 7, B4). A test that
 * needs a visit of some length opens the form as if the worker had arrived that long ago (the phone's clock set
 * back), then taps 现在 at the real time, as a worker filling the form in at the home would. The phone's clock must
 * have been installed (`phone.clock.install()`) before its pages loaded.
 */
export async function openFormMinutesAgo(phone: BrowserContext, minutes: number, open: () => Promise<void>): Promise<void> {
  await phone.clock.setSystemTime(Date.now() - minutes * 60_000);
  await open();
  await phone.clock.setSystemTime(Date.now());
}

/** Ends the visit now (the 现在 beside the end time), once the form is open. */
export async function endVisitNow(page: Page): Promise<void> {
  await page.locator('#end-now').click();
}
