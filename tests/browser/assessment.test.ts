import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumLaunch, onScreen, phoneAddress, phoneContext } from '../support/chromium.js';
import { readFile } from 'node:fs/promises';
import { logInAsDemoUser } from '../support/demo-login.js';
import { pdfPageTexts } from '../support/pdf-text.js';

/**
 * Issue 12, part 1 in Chromium against `npm start`, at 390×844: the social worker of a demo child in guardianship
 * difficulty (R21) whose team is complete and who was never assessed opens the child's page (level 待评估), records
 * the first assessment with all three of the team present (R2, preselected by name), and back on the child's page the
 * level says it came from that assessment and the reassessment in 下次应访 moved six months on (R21). The town's
 * supervisor then exports the child's file (R7) and finds the assessment in it (issue 12's done-when flow).
 */
const url = inject('shouhuUrl');
const apiBase = `${new URL(url).origin}/api/v1`;
const ADDRESS = 91;
const SOCIAL_WORKER = 'demo-social-worker-1';

let browser: Browser;
let phone: BrowserContext;
let supervisorPhone: BrowserContext | undefined;
/** The child the team assessed, which the supervisor then exports. */
let assessed: ChildItem | undefined;
const pageErrors: string[] = [];

async function api<T>(token: string, path: string): Promise<T> {
  const response = await fetch(`${apiBase}${path}`, { headers: { Authorization: `Bearer ${token}`, ...phoneAddress(ADDRESS).extraHTTPHeaders } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

interface ChildItem { id: string; name: string; categories?: string[]; hasTeam: boolean }

/** A child of this social worker that R21 reassesses and that nobody assessed yet: found, not assumed. */
async function unassessedChildInDifficulty(token: string): Promise<ChildItem> {
  const { items } = await api<{ items: ChildItem[] }>(token, '/children?limit=100');
  for (const child of items) {
    if (!child.hasTeam || !child.categories?.some((c) => c === 'orphan' || c === 'deFactoUnsupported')) continue;
    const assessments = await api<{ items: unknown[] }>(token, `/children/${child.id}/assessments`);
    if (assessments.items.length === 0) return child;
  }
  throw new Error('no unassessed child in guardianship difficulty in the demo data');
}

async function reassessmentText(page: Page): Promise<string> {
  const cell = onScreen(page, '#next-due .next-due-item:has-text("复评")');
  await cell.waitFor();
  return (await cell.textContent()) ?? '';
}

/** Days until due from "N 天后到期", negative for "逾期 N 天", 0 for today. */
function daysOf(text: string): number {
  const later = /(\d+) 天后到期/.exec(text);
  if (later) return Number(later[1]);
  const overdue = /逾期 (\d+) 天/.exec(text);
  return overdue ? -Number(overdue[1]) : 0;
}

beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunch);
  phone = await browser.newContext({ ...phoneContext, ...phoneAddress(ADDRESS), viewport: { width: 390, height: 844 } });
});

afterAll(async () => {
  await phone?.close();
  await supervisorPhone?.close();
  await browser?.close();
});

describe('the guardianship assessment (R18) on a phone', () => {
  it('the team records the first assessment with all three present; the risk level and the visit schedule follow', async () => {
    const page = await phone.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const token = await logInAsDemoUser(page, url, SOCIAL_WORKER);
    const child = await unassessedChildInDifficulty(token);
    assessed = child;

    await page.goto(`${url}#/children/pages/detail/index?id=${child.id}`);
    await onScreen(page, '#child-assessment').waitFor();
    await expect.poll(async () => onScreen(page, '#risk-basis').textContent()).toContain('待评估');
    await expect.poll(async () => onScreen(page, '#last-assessment').textContent()).toContain('尚未评估');
    const before = daysOf(await reassessmentText(page));

    await onScreen(page, '#new-assessment').click();
    await onScreen(page, '#assessment-form').waitFor();
    // R2: the whole team is preselected, by name and role.
    await expect.poll(async () => page.locator('#assessment-form [id^="present-"].chip--on').filter({ visible: true }).count()).toBe(3);
    expect(await onScreen(page, '#present').textContent()).toMatch(/社工.*儿童主任.*督导员|儿童主任|督导员/);
    for (const [dimension, score] of [['economic', 2], ['care', 2], ['skills', 3], ['responsibility', 3], ['relationship', 4], ['development', 2]] as const) {
      await onScreen(page, `#score-${dimension}-${score}`).click();
    }
    for (const source of ['child', 'guardian', 'neighbours', 'school'] as const) {
      await onScreen(page, `#heard-${source}-yes`).click();
      await onScreen(page, `#learned-${source} input`).fill('孩子常独自在家，晚饭自己解决');
    }
    await onScreen(page, '#heard-police-no').click();
    await onScreen(page, '#conclusion textarea').fill('监护缺位明显，需重点关注');
    await onScreen(page, '#level-red').click();
    await onScreen(page, '#recommendations textarea').fill('每月入户；联系学校关注出勤；申请临时生活救助');
    await page.screenshot({ path: join(tmpdir(), 'shouhu-assessment-form.png'), fullPage: false });
    await onScreen(page, '#assessment-submit').click();
    await onScreen(page, '#assessment-saved').waitFor();

    await onScreen(page, '#assessment-back').click();
    await expect.poll(async () => onScreen(page, '#risk-basis').textContent(), { timeout: 10_000 }).toMatch(/红色.*依据.*首次评估/);
    await expect.poll(async () => onScreen(page, '#last-assessment').textContent()).toContain('首次评估');
    // R21: the reassessment is due six months after this one, later than before.
    await expect.poll(async () => daysOf(await reassessmentText(page)), { timeout: 10_000 }).toBeGreaterThan(Math.max(before, 170));
    await onScreen(page, '#child-assessment').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(tmpdir(), 'shouhu-assessment-child.png') });
    expect(pageErrors).toEqual([]);
  });

  it('the town supervisor exports the child’s file (R7): the assessment is in it, and so is her name in the watermark', async () => {
    expect(assessed).toBeDefined();
    supervisorPhone = await browser.newContext({ ...phoneContext, ...phoneAddress(96), viewport: { width: 390, height: 844 }, acceptDownloads: true });
    const page = await supervisorPhone.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await logInAsDemoUser(page, url, 'demo-supervisor-yexie');

    await page.goto(`${url}#/children/pages/detail/index?id=${assessed!.id}`);
    await expect.poll(async () => onScreen(page, '#risk-basis').textContent()).toMatch(/红色.*依据.*首次评估/);
    await onScreen(page, '#case-file-pdf').scrollIntoViewIfNeeded();
    const [download] = await Promise.all([page.waitForEvent('download'), onScreen(page, '#case-file-pdf').click()]);
    const text = (await pdfPageTexts(new Uint8Array(await readFile(await download.path())))).join('\n');

    expect(text).toContain('沈志强（儿童督导员）导出于');
    expect(text).toContain('评估类型：首次评估');
    expect(text).toContain('评估结论：监护缺位明显，需重点关注');
    expect(text).toContain('风险等级：红色（评估前：');
    expect(text).not.toContain('暂无评估记录');
    expect(pageErrors).toEqual([]);
  });
});
