import type { Page } from 'playwright-core';

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
