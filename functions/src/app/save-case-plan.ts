import { teamMemberIdsOf } from '../domain/child.js';
import type { CasePlan, SavePlanInput } from '../domain/case-plan.js';
import { checkPlanSave, planReviewDateOf } from '../domain/case-lifecycle.js';
import { RuleViolationError, VersionConflictError } from '../domain/errors.js';
import { shanghaiDate } from '../domain/time.js';
import type { Principal } from '../domain/user.js';
import { newEvent } from '../events/domain-events.js';
import { commitCaseStep, loadCaseActor } from './case-guards.js';
import type { CasePlanPorts } from './case-plan-ports.js';
import type { CaseView } from './case-plan-views.js';
import { caseViewFor } from './read-child-case-plan.js';

/**
 * R2: the team (or the town's supervisor) records the child's plan over the version it read; each save is a new
 * version, the earlier ones kept. A save over someone else's is a 409 and writes nothing; the same save sent again
 * (same Idempotency-Key) is answered with what it wrote. The plan's review date becomes the child's R15 obligation.
 */
export async function saveCasePlan(ports: CasePlanPorts, principal: Principal, childId: string, input: SavePlanInput, requestKey: string): Promise<CaseView> {
  const who = await loadCaseActor(ports, principal, childId, 'write');
  const records = await ports.casePlans.read(who.child.id);
  const current = records.plan;
  if (current?.requestKey === requestKey) return caseViewFor(ports, who, who.child, records);
  if ((current?.version ?? 0) !== input.version) throw new VersionConflictError('服务计划已被他人修改，请刷新后重试', 'version');
  // R2: a plan is built from an assessment of this child; one named must be on record.
  if (input.assessmentId !== null && input.assessmentId !== current?.assessmentId && (await ports.assessments.get(who.child.id, input.assessmentId)) === null) {
    throw new RuleViolationError('所依据的评估不存在，请从该儿童的评估记录中选择', 'assessmentId');
  }
  const now = ports.clock();
  const today = shanghaiDate(now);
  checkPlanSave(current, input, teamMemberIdsOf(who.child), today);
  const { version, ...content } = input;
  const plan: CasePlan = {
    ...content,
    childId: who.child.id,
    nextReviewOn: planReviewDateOf(input, current, today),
    status: current?.status ?? 'open',
    recordedAt: now.toISOString(),
    recordedBy: { id: who.actor.id, name: who.name },
    requestKey,
    version: version + 1,
  };
  const event = newEvent(
    'CasePlanRecorded',
    { childId: who.child.id, districtId: who.child.region.districtId, townId: who.child.region.townId, planVersion: plan.version, nextReviewOn: plan.nextReviewOn },
    { id: ports.newId(), occurredAt: now, actorId: who.actor.id },
  );
  try {
    await commitCaseStep(ports, who, { plan: { next: plan, keepHistory: true }, events: [event] }, () => ({ caseDeadlines: { planReviewOn: plan.nextReviewOn } }));
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error;
    // A retry that raced its own first attempt finds its save stored.
    const after = await ports.casePlans.read(who.child.id);
    if (after.plan?.requestKey !== requestKey) throw error;
  }
  return caseViewFor(ports, who, who.child, await ports.casePlans.read(who.child.id));
}
