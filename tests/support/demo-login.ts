import type { BrowserContext, Page } from 'playwright-core';

/**
 * Logs a phone in as a demo user through the login page, as a person would, and hands back the page (on the home
 * page) and the session's token for the test's own API calls. Each call is one login against the address's allowance.
 */
export async function logInOnPhone(phone: BrowserContext, url: string, userId: string): Promise<{ page: Page; token: string }> {
  const page = await phone.newPage();
  await page.goto(`${url}#/pages/login/index`);
  await page.locator(`#demo-user-${userId}`).click();
  await page.locator('#home-greeting').waitFor();
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('shouhu.session') ?? '{}').data?.token as string | undefined);
  if (!token) throw new Error(`no session after logging in as ${userId}`);
  return { page, token };
}
