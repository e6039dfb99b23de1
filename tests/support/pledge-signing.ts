import type { Page } from 'playwright-core';
import { onScreen } from './chromium.js';

/**
 * R8 on the pledge page, as a person does it: scroll the text to its end (the form is locked until then), type the
 * name, draw a signature with the mouse, tick consent and sign. Waits for the signed view.
 */
export async function readAndSignPledge(page: Page, typedName: string): Promise<void> {
  await onScreen(page, '#pledge-text').hover();
  for (let i = 0; i < 30 && (await page.locator('#pledge-form').count()) === 0; i++) await page.mouse.wheel(0, 400);
  await onScreen(page, '#pledge-form').waitFor();

  await onScreen(page, '#pledge-name input').fill(typedName);
  const pad = await onScreen(page, '#pledge-pad').boundingBox();
  if (pad === null) throw new Error('the signature pad is not on screen');
  await page.mouse.move(pad.x + 30, pad.y + 100);
  await page.mouse.down();
  for (let x = 30; x <= 260; x += 10) await page.mouse.move(pad.x + x, pad.y + 80 + 40 * Math.sin(x / 25));
  await page.mouse.up();
  await onScreen(page, '#pledge-consent').click();
  await onScreen(page, '#pledge-submit').click();
  await onScreen(page, '#pledge-signed').waitFor();
}
