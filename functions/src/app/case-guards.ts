import { decideCasePlanRead, decideCasePlanWrite, type CasePlanView } from '../domain/access-policy.js';
import { noCaseDeadlines, type CaseDeadlines } from '../domain/case-deadlines.js';
import type { Child } from '../domain/child.js';
import { ForbiddenError, StaleStateError, VersionConflictError } from '../domain/errors.js';
import { shanghaiDate } from '../domain/time.js';
import type { Actor, Principal } from '../domain/user.js';
import type { CaseChange } from '../store/ports.js';
import { actorFrom } from './actor.js';
import { auditEntryOf } from './audit-entry.js';
import { readableChild } from './child-guards.js';
import { MAX_STATE_ATTEMPTS } from './child-writes.js';
import type { CasePlanPorts } from './case-plan-ports.js';
import { obligationUpdateOf } from './obligation-update.js';

export interface CaseActor {
  actor: Actor;
  name: string;
  child: Child;
  view: CasePlanView;
}

/**
 * The actor and the child whose case they open, as the access policy decides (case-plan-access.ts): a child the
 * actor may not read is not found (R8's pledge first); a reader who may not write is refused with 403.
 */
export async function loadCaseActor(ports: CasePlanPorts, principal: Principal, childId: string, mode: 'read' | 'write'): Promise<CaseActor> {
  const found = await ports.records.read({ users: [principal.userId], child: childId });
  const user = found.users.get(principal.userId);
  const actor = actorFrom(principal, user);
  const action = mode === 'read' ? 'casePlan.read' : 'casePlan.write';
  const child = readableChild(actor, found.child, action);
  const decision = mode === 'read' ? decideCasePlanRead(actor, child) : decideCasePlanWrite(actor, child);
  if (!decision.allowed) {
    throw new ForbiddenError(mode === 'read' ? '当前角色无权查看服务计划' : '服务计划由执行团队和镇（街道）督导员填写').refusing({
      action,
      childId: child.id,
      reason: decision.denial,
    });
  }
  const view: CasePlanView = (decision as { view?: CasePlanView }).view ?? 'full';
  return { actor, name: user!.name, child, view };
}

/** How a step moves the child's case deadlines (and, for R22's collection, its R19 follow-ups). */
export type ChildMove = (child: Child) => { caseDeadlines: Partial<CaseDeadlines>; followUpTriggers?: Child['followUpTriggers'] };

/**
 * Writes one step of the case. When it moves the child's deadlines, the child and its obligations go in the same
 * transaction; a child or obligations that moved meanwhile (a visit, a profile edit) are read again and the step
 * retried: that is nobody's conflict.
 */
export async function commitCaseStep(
  ports: CasePlanPorts,
  who: CaseActor,
  change: Omit<CaseChange, 'child' | 'audit' | 'childId'>,
  move: ChildMove | null,
): Promise<void> {
  const audit = auditEntryOf(ports, who.actor, 'casePlan.write', who.child.id, 'allowed');
  if (move === null) {
    await ports.casePlans.write({ ...change, childId: who.child.id, audit });
    return;
  }
  let child = who.child;
  for (let attempt = 1; ; attempt += 1) {
    const { policy, obligationState } = await ports.records.read({ policy: child.region.districtId, obligationState: child.id });
    const now = ports.clock();
    const moved = move(child);
    const next: Child = {
      ...child,
      caseDeadlines: { ...(child.caseDeadlines ?? noCaseDeadlines), ...moved.caseDeadlines },
      ...(moved.followUpTriggers ? { followUpTriggers: moved.followUpTriggers } : {}),
      updatedAt: now.toISOString(),
      version: child.version + 1,
    };
    const obligations = obligationUpdateOf(next, policy, obligationState, shanghaiDate(now));
    try {
      await ports.casePlans.write({ ...change, childId: child.id, audit, child: { previous: child, next, obligations } });
      return;
    } catch (error) {
      if (!(error instanceof StaleStateError)) throw error;
      if (attempt >= MAX_STATE_ATTEMPTS) throw new VersionConflictError('该儿童的记录正在被同时更新，请稍后重试', 'version');
      const reread = await ports.records.read({ child: child.id });
      if (reread.child === null) throw error;
      child = reread.child;
    }
  }
}
