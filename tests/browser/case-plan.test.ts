import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { onScreen } from '../support/chromium.js';
import { demoPhones } from '../support/demo-phones.js';

/**
 * Issue 12, R2 in Chromium against `npm start`, at 390×844: the social worker of 井凌桥村's first child revises its
 * service plan on her phone (goals as add-a-row lists, what the family is told and agrees, internal notes); the
 * child's guardian sees the family-facing part on his home, never the internal notes. Each phone logs in once from an
 * address of its own (92, 97).
 */
const url = inject('shouhuUrl');
// The demo child whose plan the seed wrote (demo-case-plan.ts): its social worker revises it.
const CHILD = 'demo-child-001';
const SOCIAL_WORKER = 'demo-social-worker-1';
const GUARDIAN = 'demo-guardian-001';
const stamp = Date.now().toString(36);
const GOAL = `每天按时到校（${stamp}）`;
const INTERNAL = `内部：父亲外出务工，需关注（${stamp}）`;

const phones = demoPhones(url);
const { pageErrors } = phones;
const phoneOf = (userId: string, address: number) => phones.open(userId, address);

afterAll(() => phones.closeAll());

describe('one child, one plan (R2), on two phones', () => {
  it('the social worker writes the plan; the guardian sees its family-facing part only', async () => {
    const worker = await phoneOf(SOCIAL_WORKER, 92);
    await worker.goto(`${url}#/children/pages/detail/index?id=${CHILD}`);
    await onScreen(worker, '#case-plan-status').click();
    await onScreen(worker, '#case-plan-edit').click();
    await onScreen(worker, '#plan-goal-0 input').fill(GOAL);
    await onScreen(worker, '#plan-success-0 input').fill('一个月内不迟到');
    // A row added at the end of each list (the seeded plan already has some).
    const goals = await worker.locator('.plan-edit [id^="plan-goal-"]').filter({ visible: true }).count();
    await onScreen(worker, '#plan-add-goal').click();
    await onScreen(worker, `#plan-goal-${goals} input`).fill('奶奶学会用电安全');
    await onScreen(worker, `#plan-success-${goals} input`).fill('家中插线板全部更换');
    const services = await worker.locator('.plan-edit [id^="plan-service-"]').filter({ visible: true }).count();
    await onScreen(worker, '#plan-add-service').click();
    await onScreen(worker, `#plan-service-${services} input`).fill('课后作业辅导');
    await onScreen(worker, `#plan-provider-${services} input`).fill('村儿童之家');
    await onScreen(worker, '#plan-told textarea').fill('社工每月上门一次，儿童之家每周辅导三次。');
    await onScreen(worker, '#plan-family-agrees textarea').fill('奶奶每天早上送孩子上学。');
    await onScreen(worker, '#plan-internal textarea').fill(INTERNAL);
    await worker.screenshot({ path: join(tmpdir(), 'shouhu-case-plan-form.png'), fullPage: true });
    await onScreen(worker, '#plan-save').click();
    await expect.poll(() => onScreen(worker, '#case-plan-title').innerText()).toContain('执行中');
    expect(await onScreen(worker, '#plan-goal-0').innerText()).toContain(GOAL);
    expect(await onScreen(worker, '.case-plan-page').innerText()).toContain(INTERNAL);
    await worker.screenshot({ path: join(tmpdir(), 'shouhu-case-plan-worker.png'), fullPage: true });

    const guardian = await phoneOf(GUARDIAN, 97);
    const plan = onScreen(guardian, `#guardian-plan-${CHILD}`);
    await plan.waitFor();
    const text = await plan.innerText();
    expect(text).toContain(GOAL);
    expect(text).toContain('社工每月上门一次');
    expect(text).toContain('奶奶每天早上送孩子上学');
    expect(text).not.toContain(INTERNAL);
    // Dates as people write them (2027年3月1日), never as ISO text.
    expect(text).toMatch(/下次评估\s*\d{4}年\d{1,2}月\d{1,2}日/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await plan.scrollIntoViewIfNeeded();
    await guardian.screenshot({ path: join(tmpdir(), 'shouhu-case-plan-guardian.png') });
    expect(await guardian.locator('body').innerText()).not.toContain(INTERNAL);
    expect(pageErrors).toEqual([]);
  }, 150_000);
});
