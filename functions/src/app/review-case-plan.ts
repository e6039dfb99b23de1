import type { PlanReview, ReviewInput } from '../domain/case-plan.js';
import { checkReview } from '../domain/case-lifecycle.js';
import { AlreadyExistsError, RuleViolationError } from '../domain/errors.js';
import { shanghaiDate } from '../domain/time.js';
import type { Principal } from '../domain/user.js';
import { newEvent } from '../events/domain-events.js';
import { commitCaseStep, loadCaseActor } from './case-guards.js';
import type { CasePlanPorts } from './case-plan-ports.js';
import type { CaseView } from './case-plan-views.js';
import { caseViewFor } from './read-child-case-plan.js';

/**
 * R15: a periodic review of the plan (the change in the child, each goal reached or not, the resources used) sets
 * the next review, which replaces the child's R15 obligation. The review's id is its Idempotency-Key: sent twice,
 * stored once.
 */
export async function reviewCasePlan(ports: CasePlanPorts, principal: Principal, childId: string, input: ReviewInput, requestKey: string): Promise<CaseView> {
  const who = await loadCaseActor(ports, principal, childId, 'write');
  const records = await ports.casePlans.read(who.child.id);
  if (records.reviews.some((review) => review.id === requestKey)) return caseViewFor(ports, who, who.child, records);
  const plan = records.plan;
  if (plan === null) throw new RuleViolationError('该儿童尚无服务计划', 'goals');
  const now = ports.clock();
  const nextReviewOn = checkReview(plan, input, shanghaiDate(now));
  const review: PlanReview = {
    ...input,
    id: requestKey,
    childId: who.child.id,
    planVersion: plan.version,
    nextReviewOn,
    recordedAt: now.toISOString(),
    recordedBy: { id: who.actor.id, name: who.name },
  };
  const event = newEvent(
    'CasePlanReviewed',
    { childId: who.child.id, districtId: who.child.region.districtId, townId: who.child.region.townId, reviewId: review.id, nextReviewOn },
    { id: ports.newId(), occurredAt: now, actorId: who.actor.id },
  );
  try {
    await commitCaseStep(ports, who, { review, events: [event] }, () => ({ caseDeadlines: { planReviewOn: nextReviewOn } }));
  } catch (error) {
    if (!(error instanceof AlreadyExistsError)) throw error;
  }
  return caseViewFor(ports, who, who.child, await ports.casePlans.read(who.child.id));
}
