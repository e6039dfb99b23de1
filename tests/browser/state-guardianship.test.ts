import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { collectionDueOn, stateEvaluationDueOn } from '../../functions/src/domain/case-deadlines.js';
import { shanghaiDate } from '../../functions/src/domain/time.js';
import { onScreen } from '../support/chromium.js';
import { demoPhones } from '../support/demo-phones.js';

/**
 * Issue 12 part 3, R22 in Chromium against `npm start`, at 390×844: the social worker places the child in temporary
 * state guardianship (what she typed survives leaving the page), and the child's due list shows the evaluation due
 * within six months; she records an evaluation that clears the return home; the guardian's inbox tells him to collect
 * the child by a date three days on; she records the collection, and the R22 obligations are gone. The demo offers one
 * guardian's login, demo-guardian-001's, so the child is demo-child-001; the story ends with the child home, its R22
 * duties gone (R19's follow-ups, 跟踪回访, are what later files' due lists may see). Then the district officer reads it (no form) and the guardian's child page has no entry. Phones at addresses 105–108.
 */
const url = inject('shouhuUrl');
const CHILD = 'demo-child-001';
const SOCIAL_WORKER = 'demo-social-worker-1';
const GUARDIAN = 'demo-guardian-001';
const OFFICER = 'demo-district-officer';
const SHOTS = tmpdir();
const stamp = Date.now().toString(36);
const INSTITUTION = `松江区儿童福利院（${stamp}）`;

const phones = demoPhones(url);
const { pageErrors } = phones;
afterAll(() => phones.closeAll());

/** 2027-05-31 → 2027年5月31日, as the pages write dates. */
const chinese = (isoDate: string) => {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

async function openGuardianship(worker: Page) {
  await worker.goto(`${url}#/children/pages/detail/index?id=${CHILD}`);
  await onScreen(worker, '#guardianship-entry').click();
  await onScreen(worker, '#guardianship-title').waitFor();
}

async function backToChild(worker: Page) {
  await worker.goBack();
  await onScreen(worker, '#next-due').waitFor();
}

const statusOf = (worker: Page) => onScreen(worker, '#guardianship-status').innerText();

describe('temporary state guardianship (R22), on two phones', () => {
  it('placement, a cleared evaluation the guardian hears of, the collection: the R22 obligations come and go', async () => {
    const today = shanghaiDate(new Date());
    const worker = await phones.open(SOCIAL_WORKER, 105);

    // Typing survives leaving the page.
    await openGuardianship(worker);
    await onScreen(worker, '#guardianship-form-placed').waitFor();
    await onScreen(worker, '#guardianship-institution input').fill(INSTITUTION);
    await backToChild(worker);
    await onScreen(worker, '#guardianship-entry').click();
    await onScreen(worker, '#draft-notice').waitFor();
    expect(await onScreen(worker, '#guardianship-institution input').inputValue()).toBe(INSTITUTION);
    await worker.screenshot({ path: join(SHOTS, 'shouhu-guardianship-place.png'), fullPage: true });

    await onScreen(worker, '#guardianship-submit').click();
    await expect.poll(() => statusOf(worker)).toContain(`须在${chinese(stateEvaluationDueOn(today))}前评估能否回归家庭`);
    expect(await statusOf(worker)).toMatch(/^临时监护中/);
    expect(await onScreen(worker, '#guardianship-institution-shown').innerText()).toContain(INSTITUTION);
    await onScreen(worker, '#guardianship-form-evaluated').waitFor();
    await worker.screenshot({ path: join(SHOTS, 'shouhu-guardianship-placed.png'), fullPage: true });

    await backToChild(worker);
    await expect.poll(() => onScreen(worker, '#next-due').innerText()).toContain('回归评估');
    await expect.poll(() => onScreen(worker, '#guardianship-entry').innerText()).toContain('前评估能否回归家庭');
    await onScreen(worker, '#guardianship-entry').scrollIntoViewIfNeeded();
    await worker.screenshot({ path: join(SHOTS, 'shouhu-guardianship-child.png') });

    // An evaluation without its answer is refused by the field, in words.
    await onScreen(worker, '#guardianship-entry').click();
    await onScreen(worker, '#guardianship-form-evaluated').waitFor();
    await onScreen(worker, '#guardianship-submit').click();
    await expect.poll(() => onScreen(worker, '.form-error').innerText()).toBe('请选择是否准予回归家庭');
    await onScreen(worker, '#guardianship-cleared-yes').click();
    await onScreen(worker, '#guardianship-note textarea').fill('父亲已返乡照料，家庭评估通过。');
    await worker.screenshot({ path: join(SHOTS, 'shouhu-guardianship-evaluate.png'), fullPage: true });
    await onScreen(worker, '#guardianship-submit').click();
    const collectBy = chinese(collectionDueOn(today));
    await expect.poll(() => statusOf(worker)).toContain('已准予回归');
    expect(await statusOf(worker)).toContain(`须在${collectBy}前由监护人领回孩子`);
    expect(await onScreen(worker, '#guardianship-evaluation-0').innerText()).toContain('准予回归');

    const guardian = await phones.open(GUARDIAN, 106);
    await guardian.goto(`${url}#/pages/inbox/index`);
    const notice = onScreen(guardian, '.inbox-message').filter({ hasText: '请按时领回孩子' });
    // The local server relays the event to the inbox moments after the write.
    await expect.poll(async () => {
      await guardian.reload();
      await onScreen(guardian, '#inbox-list').waitFor();
      return notice.count();
    }, { timeout: 20_000 }).toBe(1);
    expect(await notice.innerText()).toContain(`请在${collectBy}前领回`);
    expect(await guardian.locator('body').innerText()).not.toContain('父亲已返乡照料');
    await guardian.screenshot({ path: join(SHOTS, 'shouhu-guardianship-guardian-inbox.png') });

    await onScreen(worker, '#guardianship-form-collected').waitFor();
    await onScreen(worker, '#guardianship-guardian input').fill('张德明');
    await onScreen(worker, '#guardianship-submit').click();
    await expect.poll(() => statusOf(worker)).toContain(`已于${chinese(today)}由张德明领回`);
    // The child is home: a new placement is asked for with a tap, not offered as a form.
    await onScreen(worker, '#guardianship-place-again').waitFor();
    expect(await worker.locator('#guardianship-form-placed').filter({ visible: true }).count()).toBe(0);
    await worker.screenshot({ path: join(SHOTS, 'shouhu-guardianship-collected.png'), fullPage: true });

    await backToChild(worker);
    await expect.poll(() => onScreen(worker, '#guardianship-entry').innerText()).toContain('领回');
    // The R19 follow-up after a return home names 被监护人领回家庭 as its reason: the titles say which duty each row is.
    // The list reloads on the way back: wait until it shows rows again, then none may be an R22 duty.
    const dueTitles = () => worker.locator('#next-due .next-due-item .cell__title').filter({ visible: true }).allInnerTexts();
    await expect.poll(async () => (await dueTitles()).length, { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(async () => (await dueTitles()).filter((title) => title.startsWith('回归评估') || title.startsWith('监护人领回'))).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('the district officer reads it without a form; the guardian’s child page has no entry to it', async () => {
    const officer = await phones.open(OFFICER, 107);
    await officer.goto(`${url}#/caseplan/pages/guardianship/index?id=${CHILD}`);
    await expect.poll(() => onScreen(officer, '#guardianship-status').innerText()).toContain('领回');
    await onScreen(officer, '#guardianship-read-only').waitFor();
    expect(await officer.locator('#guardianship-submit, #guardianship-place-again').count()).toBe(0);
    await officer.screenshot({ path: join(SHOTS, 'shouhu-guardianship-officer.png'), fullPage: true });

    const guardian = await phones.open(GUARDIAN, 108);
    await guardian.goto(`${url}#/children/pages/detail/index?id=${CHILD}`);
    // The family's 服务计划 row shows once the page has loaded its case sections.
    await onScreen(guardian, '#case-plan-status').waitFor();
    expect(await guardian.locator('#guardianship-entry').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
