import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumLaunch, phoneAddress, phoneContext } from './chromium.js';
import { logInAsDemoUser } from './demo-login.js';

/**
 * The phones of one browser test file, each a demo user logged in from its own network address (the login limit
 * counts per address) at 390×844; the errors any of their pages throws are collected, for the test to assert none.
 */
export interface DemoPhones {
  open(userId: string, address: number): Promise<Page>;
  readonly pageErrors: string[];
  closeAll(): Promise<void>;
}

export function demoPhones(url: string): DemoPhones {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  return {
    pageErrors,
    async open(userId, address) {
      browser ??= await chromium.launch(chromiumLaunch);
      const context = await browser.newContext({ ...phoneContext, ...phoneAddress(address), viewport: { width: 390, height: 844 } });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(`${userId}: ${error.message}`));
      await logInAsDemoUser(page, url, userId);
      return page;
    },
    async closeAll() {
      for (const context of contexts) await context.close();
      await browser?.close();
    },
  };
}
