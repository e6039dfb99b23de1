import { entry, sectionOf, type CaseFileEntry, type CaseFileSection } from './case-file.js';
import type { CaseClosing, CasePlan, HandbookRecord, PlanReview, StateGuardianship } from './case-plan.js';
import { closingReasonNames, goalOutcomeNames, noticeChannelNames, performerNames } from './labels.js';

/** A child's case as R7's file reads it (the records `app/read-child-case-plan.ts` hands the export). */
export interface CaseFilePlanRecords {
  plan: CasePlan | null;
  reviews: readonly PlanReview[];
  closing: CaseClosing | null;
  handbook: HandbookRecord | null;
  stateGuardianship: StateGuardianship | null;
}

const list = (items: readonly string[]) => items.map((item, index) => `${index + 1}. ${item}`).join('；') || '无';

function planEntry(plan: CasePlan, names: ReadonlyMap<string, string>): CaseFileEntry {
  return entry([
    ['计划版本', `第${plan.version}版（${plan.recordedBy.name}，${plan.recordedAt.slice(0, 10)}）`],
    ['服务目标', list(plan.goals.map((g) => `${g.goal}（成效：${g.success}）`))],
    ['服务内容', list(plan.services.map((s) => (s.provider ? `${s.service}（${s.provider}）` : s.service)))],
    ['分工', list(plan.tasks.map((t) => `${names.get(t.assigneeId) ?? '（账号已注销）'}：${t.task}，${t.dueOn}前`))],
    ['告知家庭', plan.family.told],
    ['家庭承诺', plan.family.familyAgrees || '无'],
    ['内部备注', plan.internalNotes || '无'],
    ['下次评估', plan.nextReviewOn],
  ]);
}

function reviewEntry(review: PlanReview): CaseFileEntry {
  return entry([
    ['计划评估（R15）', `${review.reviewedOn}（${review.recordedBy.name}，第${review.planVersion}版计划）`],
    ['儿童变化', review.childChange],
    ['目标达成', list(review.goals.map((g) => `${goalOutcomeNames[g.outcome]}${g.note ? `：${g.note}` : ''}`))],
    ['资源使用', review.resourcesUsed],
    ['下次评估', review.nextReviewOn],
  ]);
}

function handbookEntry(handbook: HandbookRecord): CaseFileEntry {
  return entry([['关爱手册', `${handbook.handedOverOn}由${handbook.handedOverByName}交给${handbook.guardianName}`]]);
}

function stateGuardianshipEntry(record: StateGuardianship): CaseFileEntry {
  const evaluations = record.evaluations.map((e) => `${e.on}${e.cleared ? '评估可以回归家庭' : '评估暂不宜回归'}${e.note ? `：${e.note}` : ''}`);
  return entry([
    ['临时监护（R22）', `${record.placedOn}起由${record.institution}临时监护`],
    ['回归评估', list(evaluations)],
    ['领回', record.collected ? `${record.collected.on}由${record.collected.guardianName}领回` : record.collectBy ? `应于${record.collectBy}前领回` : '无'],
  ]);
}

/** R2 / R15 / R22: the plan, its reviews, the handbook handed over and any temporary state guardianship. */
export function plansSectionOf(records: CaseFilePlanRecords, names: ReadonlyMap<string, string>): CaseFileSection {
  const entries: CaseFileEntry[] = [];
  if (records.plan) entries.push(planEntry(records.plan, names));
  entries.push(...[...records.reviews].sort((a, b) => a.reviewedOn.localeCompare(b.reviewedOn)).map(reviewEntry));
  if (records.handbook) entries.push(handbookEntry(records.handbook));
  if (records.stateGuardianship) entries.push(stateGuardianshipEntry(records.stateGuardianship));
  return sectionOf('plans', entries);
}

/** R15: the family told in advance, the closing report (个案结案报告) and the follow-up agreed. */
export function closingSectionOf(closing: CaseClosing | null): CaseFileSection {
  if (!closing) return sectionOf('closing', []);
  const { announcement, report } = closing;
  const told = entry([['结案告知', `${announcement.toldOn}${noticeChannelNames[announcement.how]}${announcement.toldWhom}，最早${announcement.earliestClosingOn}结案`]]);
  if (!report) return sectionOf('closing', [told]);
  const { followUp } = report;
  return sectionOf('closing', [
    told,
    entry([
      ['结案日期', report.closedOn],
      ['结案原因', closingReasonNames[report.reason]],
      ['服务总结', report.summary],
      ['结案时儿童情况', report.situationAtClosing],
      ['告知家庭', report.familyMessage],
      ['结案后跟踪', `${performerNames[followUp.performer]}自${followUp.startsOn}至${followUp.endsOn}跟踪回访`],
      ['记录人', report.recordedBy.name],
    ]),
  ]);
}
