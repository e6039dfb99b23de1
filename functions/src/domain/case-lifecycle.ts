import { collectionDueOn, earliestClosingOn, nextPlanReviewOn, stateEvaluationDueOn } from './case-deadlines.js';
import type { AnnounceClosingInput, CasePlan, CloseCaseInput, ReviewInput, SavePlanInput, StateGuardianship, StateGuardianshipInput } from './case-plan.js';
import { InvalidFieldError, RuleViolationError } from './errors.js';

/**
 * The steps of a child's case (R2, R15, R22) as pure checks over what is stored and `today` (Beijing): each refuses
 * what breaks a rule, naming the field, before anything is written.
 */

/** R2: each task is someone of the child's team by name; the plan of a closed case is read-only (R15). */
export function checkPlanSave(current: CasePlan | null, input: SavePlanInput, teamIds: readonly string[], today: string): void {
  if (current?.status === 'closed') throw new RuleViolationError('该个案已结案，服务计划只读', 'version');
  input.tasks.forEach((task, index) => {
    if (!teamIds.includes(task.assigneeId)) throw new InvalidFieldError('任务负责人须为该儿童执行团队成员', `tasks.${index}.assigneeId`);
  });
  if (input.nextReviewOn !== null && input.nextReviewOn <= today) throw new InvalidFieldError('下次评估日期须晚于今天', 'nextReviewOn');
}

/** R15: the first review three months after the plan unless the plan set one. */
export function planReviewDateOf(input: Pick<SavePlanInput, 'nextReviewOn'>, current: CasePlan | null, today: string): string {
  return input.nextReviewOn ?? current?.nextReviewOn ?? nextPlanReviewOn(today);
}

/** R15: one outcome per goal of the plan, on a day not in the future; the next review after it. */
export function checkReview(plan: CasePlan, input: ReviewInput, today: string): string {
  if (plan.status === 'closed') throw new RuleViolationError('该个案已结案，不能再评估', 'reviewedOn');
  if (input.reviewedOn > today) throw new InvalidFieldError('评估日期不能晚于今天', 'reviewedOn');
  if (input.goals.length !== plan.goals.length) throw new InvalidFieldError(`须对计划的 ${plan.goals.length} 个目标逐一评估`, 'goals');
  const next = input.nextReviewOn ?? nextPlanReviewOn(input.reviewedOn);
  if (next <= input.reviewedOn) throw new InvalidFieldError('下次评估日期须晚于本次评估日期', 'nextReviewOn');
  return next;
}

/** R15: closing is announced while the case is open, on a day not in the future. */
export function checkAnnouncement(plan: CasePlan, input: AnnounceClosingInput, today: string): string {
  if (plan.status === 'closed') throw new RuleViolationError('该个案已结案', 'toldOn');
  if (input.toldOn > today) throw new InvalidFieldError('告知日期不能晚于今天', 'toldOn');
  return earliestClosingOn(input.toldOn);
}

/** R15: closed no earlier than told + the notice period, not in the future; the follow-up starts after closing. */
export function checkClosing(plan: CasePlan, announcedOn: string | null, input: CloseCaseInput, today: string): void {
  if (plan.status === 'closed') throw new RuleViolationError('该个案已结案', 'closedOn');
  if (announcedOn === null) throw new RuleViolationError('结案前须提前告知家庭', 'closedOn');
  if (input.closedOn > today) throw new InvalidFieldError('结案日期不能晚于今天', 'closedOn');
  const earliest = earliestClosingOn(announcedOn);
  if (input.closedOn < earliest) throw new RuleViolationError(`告知家庭后须满七天方可结案（最早 ${earliest}）`, 'closedOn');
  if (input.followUp.startsOn < input.closedOn) throw new InvalidFieldError('结案后跟踪须从结案之日起', 'followUp.startsOn');
}

/**
 * R22: placed → evaluated within six months (not cleared: evaluated again within six months of that evaluation) →
 * once cleared, collected within three days. Returns the record after the step.
 */
export function nextStateGuardianship(current: StateGuardianship | null, input: StateGuardianshipInput, childId: string, today: string): StateGuardianship {
  if (input.on > today) throw new InvalidFieldError('日期不能晚于今天', 'on');
  const version = (current?.version ?? 0) + 1;
  if (input.step === 'placed') {
    if (current && current.collected === null) throw new RuleViolationError('该儿童已在临时监护中', 'step');
    return {
      childId,
      placedOn: input.on,
      institution: input.institution,
      evaluateBy: stateEvaluationDueOn(input.on),
      evaluations: [],
      collectBy: null,
      collected: null,
      version,
    };
  }
  if (!current || current.collected !== null) throw new RuleViolationError('该儿童不在临时监护中', 'step');
  if (input.on < current.placedOn) throw new InvalidFieldError('日期不能早于临时监护开始日期', 'on');
  if (input.step === 'evaluated') {
    if (current.collectBy !== null) throw new RuleViolationError('已评估准予回归，待监护人领回', 'step');
    return {
      ...current,
      evaluations: [...current.evaluations, { on: input.on, cleared: input.cleared, note: input.note }],
      evaluateBy: input.cleared ? null : stateEvaluationDueOn(input.on),
      collectBy: input.cleared ? collectionDueOn(input.on) : null,
      version,
    };
  }
  if (current.collectBy === null) throw new RuleViolationError('尚未评估准予回归，不能登记领回', 'step');
  return { ...current, collectBy: null, collected: { on: input.on, guardianName: input.guardianName }, version };
}
