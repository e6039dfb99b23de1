import type { BrowserContext } from 'playwright-core';

/**
 * Collects every Content-Security-Policy violation the pages of a browser context report, both as DOM
 * `securitypolicyviolation` events and as console messages, so a test can assert that the policy the server sends
 * lets the app run untouched.
 */
export async function collectCspViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding('__shouhuReportCspViolation', (_source, report: string) => {
    violations.push(report);
  });
  await context.addInitScript(() => {
    const report = (window as unknown as { __shouhuReportCspViolation: (text: string) => void }).__shouhuReportCspViolation;
    document.addEventListener('securitypolicyviolation', (event) => {
      report(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}: ${event.sample}`);
    });
  });
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}
