import type { BrowserContextOptions, LaunchOptions, Locator, Page } from 'playwright-core';

/** The launch that works on these machines (TARO-NOTES.md): Debian's Chromium, no outside connections. */
export const chromiumLaunch: LaunchOptions = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/** A phone in mainland China, as guardians and workers see the app. */
export const phoneContext: BrowserContextOptions = {
  viewport: { width: 375, height: 667 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
};

/**
 * The headers of phones on their own network address (the browser project's server trusts one proxy hop), so the
 * logins of one test file do not use up another's allowance of 6 a minute. `n` tells the files apart.
 */
export function phoneAddress(n: number): { extraHTTPHeaders: Record<string, string> } {
  return { extraHTTPHeaders: { 'X-Forwarded-For': `198.51.100.${n}` } };
}

/**
 * What is on screen: Taro's H5 router keeps the pages under the one on top in the document, hidden, so a selector can
 * match a hidden copy from an earlier visit to the same page.
 */
export function onScreen(page: Page, selector: string): Locator {
  return page.locator(selector).filter({ visible: true }).first();
}
