import { crc32, deflateSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumLaunch, onScreen, phoneAddress, phoneContext } from '../support/chromium.js';
import { logInAsDemoUser } from '../support/demo-login.js';
import { shanghaiDate } from '../../functions/src/domain/time.js';
import { formatDate } from '../../miniapp/src/lib/format.js';

/**
 * Issue 11 part 3 in Chromium against `npm start`, at 390×844. R12: 叶榭镇's supervisor 沈志强 plans a session on 防溺水
 * and 防欺凌 for 井凌桥村 from his home page, records it held with the attendance and a photo (compressed on the phone
 * through a canvas), and the tracker shows the village's 防溺水 done; the guardian 王德明, whose child lives in 井凌桥村,
 * sees the next planned session of his area on his home page. Each phone logs in once from an address of its own
 * (85, 86).
 */
const url = inject('shouhuUrl');
const apiBase = `${new URL(url).origin}/api/v1`;
const VILLAGE = 'demo-village-jinglingqiao';
const NEXT_PLACE = '叶榭镇文体中心多功能厅';

let browser: Browser;
const phones: BrowserContext[] = [];
const pageErrors: string[] = [];

async function phoneOf(userId: string, address: number): Promise<{ page: Page; token: string }> {
  const context = await browser.newContext({ ...phoneContext, ...phoneAddress(address), viewport: { width: 390, height: 844 } });
  phones.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${userId}: ${error.message}`));
  return { page, token: await logInAsDemoUser(page, url, userId) };
}

/** A real 200×150 PNG (a phone photo stand-in the canvas can draw), made without an image library. */
function photoPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const [width, height] = [200, 150];
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) rows.set([x % 256, y % 256, (x + y) % 256], y * (width * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

const beijingToday = () => shanghaiDate(new Date());

beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunch);
});

afterAll(async () => {
  for (const phone of phones) await phone.close();
  await browser?.close();
});

describe('safety education (R12), on a phone', () => {
  it('the supervisor plans a session for a village, records it held with attendance and a photo, and the tracker shows it done', async () => {
    const { page, token } = await phoneOf('demo-supervisor-yexie', 85);
    await onScreen(page, '#entry-safety-schedule').click();
    await onScreen(page, '#safety-plan').click();
    await onScreen(page, '#safety-plan-form').waitFor();
    await onScreen(page, `[id="safety-audience-village:${VILLAGE}"]`).click();
    await onScreen(page, '#safety-topic-drowning').click();
    await onScreen(page, '#safety-topic-bullying').click();
    await onScreen(page, '#safety-place input').fill('井凌桥村村委会会议室');
    expect(await onScreen(page, '#safety-date').textContent()).toBe(formatDate(beijingToday()));
    await onScreen(page, '#safety-plan-submit').click();

    // Back on the schedule: the session is planned, by name, for today.
    const planned = onScreen(page, '#safety-planned .cell', ).filter({ hasText: '井凌桥村村委会会议室' });
    await planned.waitFor();
    expect(await planned.textContent()).toContain('防溺水、防欺凌');
    expect(await planned.textContent()).toContain('沈志强');
    await planned.click();

    await onScreen(page, '#safety-attendance input').fill('36');
    const chooser = page.waitForEvent('filechooser');
    await onScreen(page, '#safety-add-photo').click();
    await (await chooser).setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: photoPng() });
    await onScreen(page, '#safety-photo-0').waitFor();
    await onScreen(page, '#safety-hold-submit').click();

    const held = onScreen(page, '#safety-past .cell').filter({ hasText: '井凌桥村村委会会议室' });
    await held.waitFor();
    expect(await held.textContent()).toContain('36 人参加');
    expect(await held.textContent()).toContain('已开展');

    await onScreen(page, '#safety-tracker').click();
    const drowning = onScreen(page, `#tracker-${VILLAGE}-villageDrowning`);
    await drowning.waitFor();
    expect(await drowning.textContent()).toContain('已完成');
    expect(await onScreen(page, '.safety-rule').textContent()).toContain('R12');

    // The photo was compressed to a JPEG on the phone and stored as sent.
    const schedule = (await (await fetch(`${apiBase}/safety/schedule`, { headers: { Authorization: `Bearer ${token}`, ...phoneAddress(85).extraHTTPHeaders } })).json()) as {
      sessions: { id: string; place: string; photoCount: number }[];
    };
    const session = schedule.sessions.find((s) => s.place === '井凌桥村村委会会议室')!;
    expect(session.photoCount).toBe(1);
    const photo = await fetch(`${apiBase}/safety/sessions/${session.id}/photos/0`, { headers: { Authorization: `Bearer ${token}`, ...phoneAddress(85).extraHTTPHeaders } });
    expect(photo.headers.get('content-type')).toBe('image/jpeg');

    // The next session of the area, for the guardian's page.
    const next = await fetch(`${apiBase}/safety/sessions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...phoneAddress(85).extraHTTPHeaders },
      body: JSON.stringify({ topics: ['trafficking', 'traffic'], date: beijingToday(), place: NEXT_PLACE, audience: { kind: 'town', id: 'demo-town-yexie' } }),
    });
    expect(next.status).toBe(201);
    expect(pageErrors).toEqual([]);
  });

  it("the guardian sees the next planned session of his area on his home page: date, topics and place", async () => {
    const { page } = await phoneOf('demo-guardian-001', 86);
    const row = onScreen(page, '#guardian-safety .cell').filter({ hasText: NEXT_PLACE });
    await row.waitFor();
    expect(await row.textContent()).toContain(formatDate(beijingToday()));
    expect(await row.textContent()).toContain('防拐卖、交通安全');
    expect(pageErrors).toEqual([]);
  });
});
