import type { BrowserContext, Page } from 'playwright-core';

/** The session token the H5 app stored after a login, for calling the API as that person outside the browser. */
export async function sessionTokenOf(page: Page): Promise<string> {
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('shouhu.session') ?? '{}').data?.token as string | undefined);
  if (!token) throw new Error('no session stored after the login');
  return token;
}

/** Logs in as a demo account from the login page of `url`, as a person would, and waits for their home. */
export async function logInAsDemoUser(page: Page, url: string, userId: string): Promise<string> {
  await page.goto(`${url}#/pages/login/index`);
  await page.locator(`#demo-user-${userId}`).click();
  await page.locator('#home-greeting').waitFor();
  return sessionTokenOf(page);
}

/**
 * Logs a phone in as a demo user through the login page and hands back the page (on the home page) and the session's
 * token for the test's own API calls. Each call is one login against the address's allowance.
 */
export async function logInOnPhone(phone: BrowserContext, url: string, userId: string): Promise<{ page: Page; token: string }> {
  const page = await phone.newPage();
  return { page, token: await logInAsDemoUser(page, url, userId) };
}
