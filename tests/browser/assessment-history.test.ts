import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { shanghaiDate } from '../../functions/src/domain/time.js';
import { onScreen, phoneAddress } from '../support/chromium.js';
import { sessionTokenOf } from '../support/demo-login.js';
import { demoPhones } from '../support/demo-phones.js';

/**
 * Issue 12 (R18, R2) in Chromium against `npm start`, at 390×844, on a child of 王晓静's that no other browser file names
 * and that assessment.test.ts (after this one) cannot pick, as it takes the first never-assessed orphan or de facto
 * unsupported child: this child gets its first assessment (unless the seed made one) (held in January) and a 复评 today,
 * recorded through the API as the team would. The town's
 * supervisor overrides the risk level with a reason; the child's page says the new level and its basis in words, and
 * the visit schedule is worked out again; the history lists both assessments newest first, by name; the team's
 * social worker sees no override; and her plan form offers the assessments, the newest chosen, its findings prefilled.
 */
const url = inject('shouhuUrl');
const apiBase = `${new URL(url).origin}/api/v1`;
const SUPERVISOR = 'demo-supervisor-yexie';
const SOCIAL_WORKER = 'demo-social-worker-1';
// Children other browser files name: their records must stay as those files expect. Read from the files themselves,
// so a file added later (and the order vitest runs them in) cannot make this one pick its child.
const here = dirname(fileURLToPath(import.meta.url));
const NAMED_ELSEWHERE = readdirSync(here)
  .filter((file) => file.endsWith('.test.ts') && file !== basename(fileURLToPath(import.meta.url)))
  .flatMap((file) => readFileSync(join(here, file), 'utf8').match(/demo-child-\d+/g) ?? []);
const SUPERVISOR_ADDRESS = 109;
const WORKER_ADDRESS = 110;
const REASON = '监护人近期住院，孩子无人照料';
const shot = (name: string) => join(tmpdir(), `shouhu-assessment-history-${name}.png`);

const phones = demoPhones(url);
const { pageErrors } = phones;

interface ChildItem { id: string; name: string; hasTeam: boolean; riskLevel?: string; categories?: string[] }
interface ChildRecord extends ChildItem { version: number; team: { socialWorkerId: string; directorId: string; supervisorId: string } | null }
interface AssessmentItem { id: string; kind: string; heldOn: string }

async function call<T>(token: string, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const response = await fetch(`${apiBase}${path}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...phoneAddress(SUPERVISOR_ADDRESS).extraHTTPHeaders, ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  expect(response.status, `${init.method ?? 'GET'} ${path}`).toBeLessThan(300);
  return (await response.json()) as T;
}

const IN_DIFFICULTY = ['orphan', 'deFactoUnsupported'];

/**
 * A child of 王晓静's, not red, that no other file uses or picks, with at most the demo's first assessment (the seed
 * assesses most children on registration, R2): found, not assumed.
 */
async function unusedChildOfWorker(token: string): Promise<ChildRecord> {
  const { items } = await call<{ items: ChildItem[] }>(token, '/children?limit=100');
  for (const item of items) {
    if (!item.hasTeam || item.riskLevel === 'red' || NAMED_ELSEWHERE.includes(item.id)) continue;
    if (item.categories?.some((c) => IN_DIFFICULTY.includes(c))) continue;
    const record = await call<ChildRecord>(token, `/children/${item.id}`);
    if (record.team?.socialWorkerId !== SOCIAL_WORKER) continue;
    const assessments = await call<{ items: AssessmentItem[] }>(token, `/children/${item.id}/assessments`);
    if (assessments.items.every((a) => a.kind === 'first') && assessments.items.length <= 1) return record;
  }
  throw new Error('no unused child of 王晓静 with at most a first assessment in the demo data');
}

/**
 * The first assessment (R2: the whole team, in January; the seed's when it made one) and today's 复评 (weak on economy and care, two
 * recommendations: what the plan form prefills from). Each under its own key: a retry records once.
 */
async function recordTwoAssessments(token: string, child: ChildRecord): Promise<void> {
  const team = child.team!;
  const { items } = await call<{ items: AssessmentItem[] }>(token, `/children/${child.id}/assessments`);
  const score = (value: number) => ({ score: value, notes: '' });
  const heard = { heard: true, learned: '孩子表示晚饭常常自己解决' };
  const common = {
    sources: { child: heard, guardian: heard, police: { heard: false, learned: '' }, neighbours: heard, school: heard },
  };
  // The demo's own first assessment stands in for the test's when the seed made one.
  const first = items.length > 0 ? { child: { version: child.version } } : await call<{ child: { version: number } }>(token, `/children/${child.id}/assessments`, {
    method: 'POST',
    headers: { 'Idempotency-Key': `assessment-history-first-${child.id}` },
    body: {
      ...common,
      version: child.version,
      kind: 'first',
      heldOn: '2026-01-10',
      presentUserIds: [team.socialWorkerId, team.directorId, team.supervisorId],
      dimensions: { economic: score(3), care: score(3), skills: score(4), responsibility: score(4), relationship: score(4), development: score(4) },
      conclusion: '监护状况良好',
      riskLevel: 'green',
      recommendations: '按风险等级定期走访',
    },
  });
  await call(token, `/children/${child.id}/assessments`, {
    method: 'POST',
    headers: { 'Idempotency-Key': `assessment-history-reassessment-${child.id}` },
    body: {
      ...common,
      version: first.child.version,
      kind: 'reassessment',
      heldOn: shanghaiDate(new Date()),
      presentUserIds: [team.socialWorkerId, team.directorId],
      dimensions: { economic: score(2), care: score(2), skills: score(3), responsibility: score(3), relationship: score(4), development: score(3) },
      conclusion: '监护基本到位，经济和照料存在困难',
      riskLevel: 'yellow',
      recommendations: '每月入户走访一次；联系学校关注出勤',
    },
  });
}

async function dueListText(page: Page): Promise<string> {
  const list = onScreen(page, '#next-due');
  await expect.poll(async () => list.locator('.next-due-item').count(), { timeout: 10_000 }).toBeGreaterThan(0);
  return list.innerText();
}

let child: ChildRecord;
let supervisor: Page;
let worker: Page;

beforeAll(async () => {
  supervisor = await phones.open(SUPERVISOR, SUPERVISOR_ADDRESS);
  const token = await sessionTokenOf(supervisor);
  child = await unusedChildOfWorker(token);
  await recordTwoAssessments(token, child);
}, 60_000);

afterAll(() => phones.closeAll());

describe('a child’s assessments and its risk level (R18) on the phones of the town', () => {
  it('the town supervisor overrides the level with a reason: the page says the new level, its basis, and the schedule', async () => {
    await supervisor.goto(`${url}#/children/pages/detail/index?id=${child.id}`);
    await expect.poll(async () => onScreen(supervisor, '#risk-basis').innerText()).toMatch(/黄色风险.*依据\d+月\d+日复评/s);
    const scheduleBefore = await dueListText(supervisor);
    await onScreen(supervisor, '#child-assessment').scrollIntoViewIfNeeded();
    await supervisor.screenshot({ path: shot('1-before') });

    await onScreen(supervisor, '#risk-override').click();
    await onScreen(supervisor, '#override-level-red').click();
    await onScreen(supervisor, '#override-reason input').fill(REASON);
    await supervisor.screenshot({ path: shot('2-override-form') });
    await onScreen(supervisor, '#override-submit').click();
    const dialog = supervisor.locator('.taro-modal__content').filter({ visible: true });
    await expect.poll(() => dialog.innerText()).toContain('改为红色');
    await supervisor.locator('.taro-model__confirm').filter({ visible: true }).click();

    // R18: the level changed by a supervisor's recorded override, its reason in words.
    await expect.poll(async () => onScreen(supervisor, '#risk-basis').innerText(), { timeout: 10_000 }).toContain(`红色风险 · 督导员调整：${REASON}`);
    expect(await onScreen(supervisor, '.child-detail__header').innerText()).toContain('红色风险');
    await expect.poll(async () => supervisor.locator('#risk-override-form').filter({ visible: true }).count()).toBe(0);
    // The schedule is worked out again under the district's rules (R3, R11, R14, R19, R21): R14's monthly visit for a
    // red child ties R3's monthly one, which already bound this child, so the list reads as before; the API says R14
    // now demands it as often (a yellow child's R14 visit is half-yearly).
    const obligations = await call<{ items: { kind: string; performer: string; interval: unknown; alsoRequiredBy: string[]; ruleId: string }[] }>(
      await sessionTokenOf(supervisor), `/children/${child.id}/obligations`);
    const homeVisit = obligations.items.find((o) => o.kind === 'homeVisit' && o.performer === 'socialWorker');
    expect([homeVisit?.ruleId, ...(homeVisit?.alsoRequiredBy ?? [])]).toEqual(expect.arrayContaining(['R3', 'R14']));
    expect(await dueListText(supervisor)).toBe(scheduleBefore);
    await onScreen(supervisor, '#child-assessment').scrollIntoViewIfNeeded();
    await supervisor.screenshot({ path: shot('3-after-override') });
    expect(pageErrors).toEqual([]);
  }, 150_000);

  it('the history lists the child’s assessments newest first, by name, without ids or raw dates', async () => {
    await onScreen(supervisor, '#assessment-history').click();
    const rows = supervisor.locator('.assessment-history [id^="history-"]').filter({ visible: true });
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    // The H5 router slides the page in: measured and photographed once it stands still.
    await expect.poll(async () => (await onScreen(supervisor, '.assessment-history').boundingBox())?.x).toBe(0);
    const [newest, first] = [await rows.nth(0).innerText(), await rows.nth(1).innerText()];
    expect(newest).toContain('复评');
    expect(newest).toContain('黄色');
    expect(first).toContain('首次评估');
    const page = await onScreen(supervisor, '.assessment-history').innerText();
    expect(page).toContain(`${child.name}的评估记录`);
    expect(page).toContain('沈志强');
    expect(page).toContain('王晓静');
    expect(page).not.toMatch(/demo-|\d{4}-\d{2}-\d{2}|reassessment|yellow/);
    await supervisor.screenshot({ path: shot('4-history') });

    // A row opens that assessment.
    await rows.nth(0).click();
    await expect.poll(async () => supervisor.locator('body').innerText(), { timeout: 10_000 }).toContain('每月入户走访一次');
    await expect.poll(async () => (await onScreen(supervisor, '.assessment-detail').boundingBox())?.x).toBe(0);
    await supervisor.screenshot({ path: shot('5-detail'), fullPage: true });
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('the team’s social worker sees the level and its basis, and no override', async () => {
    worker = await phones.open(SOCIAL_WORKER, WORKER_ADDRESS);
    await worker.goto(`${url}#/children/pages/detail/index?id=${child.id}`);
    await expect.poll(async () => onScreen(worker, '#risk-basis').innerText(), { timeout: 10_000 }).toContain(`督导员调整：${REASON}`);
    await onScreen(worker, '#new-assessment').waitFor();
    await onScreen(worker, '#last-assessment').waitFor();
    await dueListText(worker);
    expect(await worker.locator('#risk-override').filter({ visible: true }).count()).toBe(0);
    await onScreen(worker, '#child-assessment').scrollIntoViewIfNeeded();
    await worker.screenshot({ path: shot('6-worker-child') });
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('R2: her new plan names the assessment it is built from, the newest chosen and its findings prefilled', async () => {
    await onScreen(worker, '#case-plan-status').click();
    await onScreen(worker, '#case-plan-edit').click();
    const chips = worker.locator('#plan-assessment .chip').filter({ visible: true });
    await expect.poll(() => chips.count(), { timeout: 10_000 }).toBe(2);
    expect(await chips.nth(0).innerText()).toMatch(/^✓ \d{4}年\d{1,2}月\d{1,2}日 复评 · 黄色风险$/);
    expect(await chips.nth(1).innerText()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 首次评估 · /);
    await expect.poll(async () => onScreen(worker, '#plan-prefill-notice').innerText()).toMatch(/已按\d{4}年\d{1,2}月\d{1,2}日复评预填帮扶目标/);
    expect(await onScreen(worker, '#plan-goal-0 input').inputValue()).toBe('改善经济能力');
    expect(await onScreen(worker, '#plan-goal-1 input').inputValue()).toBe('改善照料能力');
    expect(await onScreen(worker, '#plan-service-0 input').inputValue()).toBe('每月入户走访一次');
    expect(await onScreen(worker, '#plan-service-1 input').inputValue()).toBe('联系学校关注出勤');
    await worker.screenshot({ path: shot('7-plan-form') });

    // Choosing the older assessment keeps what is already there (never overwritten).
    await chips.nth(1).click();
    await expect.poll(() => chips.nth(1).innerText()).toMatch(/^✓ /);
    expect(await onScreen(worker, '#plan-goal-0 input').inputValue()).toBe('改善经济能力');
    expect(await worker.locator('.plan-edit').innerText()).not.toMatch(/demo-|\d{4}-\d{2}-\d{2}|reassessment/);

    // Saved, the plan records the assessment chosen (the older one now), with what the team completed.
    await onScreen(worker, '#plan-success-0 input').fill('半年内申请到临时救助');
    await onScreen(worker, '#plan-success-1 input').fill('放学后有人照看');
    await onScreen(worker, '#plan-told textarea').fill('社工每月上门一次，帮家里申请救助。');
    await onScreen(worker, '#plan-save').click();
    await expect.poll(() => onScreen(worker, '#case-plan-title').innerText(), { timeout: 10_000 }).toContain('执行中');
    const token = await sessionTokenOf(worker);
    const { items } = await call<{ items: AssessmentItem[] }>(token, `/children/${child.id}/assessments`);
    const saved = await call<{ plan: { assessmentId: string | null; services: { service: string }[] } }>(token, `/children/${child.id}/plan`);
    expect(saved.plan.assessmentId).toBe(items.find((a) => a.kind === 'first')?.id);
    expect(saved.plan.services.map((x) => x.service)).toEqual(['每月入户走访一次', '联系学校关注出勤']);
    expect(pageErrors).toEqual([]);
  }, 150_000);
});
