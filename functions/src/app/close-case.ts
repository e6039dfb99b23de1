import type { AnnounceClosingInput, CaseClosing, CloseCaseInput } from '../domain/case-plan.js';
import { checkAnnouncement, checkClosing } from '../domain/case-lifecycle.js';
import { RuleViolationError } from '../domain/errors.js';
import { shanghaiDate } from '../domain/time.js';
import type { Principal } from '../domain/user.js';
import { newEvent } from '../events/domain-events.js';
import { commitCaseStep, loadCaseActor } from './case-guards.js';
import type { CasePlanPorts } from './case-plan-ports.js';
import type { CaseView } from './case-plan-views.js';
import { caseViewFor } from './read-child-case-plan.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** R15: the family is told in advance that the case will close; the earliest closing day is told + seven days. */
export async function announceClosing(ports: CasePlanPorts, principal: Principal, childId: string, input: AnnounceClosingInput): Promise<CaseView> {
  const who = await loadCaseActor(ports, principal, childId, 'write');
  const records = await ports.casePlans.read(who.child.id);
  const plan = records.plan;
  if (plan === null) throw new RuleViolationError('该儿童尚无服务计划', 'toldOn');
  const { earliestClosingOn: _e, recordedBy: _r, ...told } = records.closing?.announcement ?? {};
  if (plan.status === 'closingAnnounced' && same(told, input)) return caseViewFor(ports, who, who.child, records);
  const now = ports.clock();
  const earliestClosingOn = checkAnnouncement(plan, input, shanghaiDate(now));
  const closing: CaseClosing = { childId: who.child.id, announcement: { ...input, earliestClosingOn, recordedBy: { id: who.actor.id, name: who.name } }, report: null };
  const event = newEvent(
    'CaseClosingAnnounced',
    { childId: who.child.id, districtId: who.child.region.districtId, townId: who.child.region.townId, toldOn: input.toldOn, earliestClosingOn },
    { id: ports.newId(), occurredAt: now, actorId: who.actor.id },
  );
  await commitCaseStep(ports, who, { plan: { next: { ...plan, status: 'closingAnnounced', version: plan.version + 1 }, keepHistory: false }, closing, events: [event] }, null);
  return caseViewFor(ports, who, who.child, await ports.casePlans.read(who.child.id));
}

/**
 * R15: the case closes with its report (reason, what was done, the child's situation, what the family is told) and
 * the follow-up agreed, which becomes the child's follow-up obligation; the R15 review is due no more and the plan is
 * read-only from then on. The same closing sent again is answered with what it wrote.
 */
export async function closeCase(ports: CasePlanPorts, principal: Principal, childId: string, input: CloseCaseInput): Promise<CaseView> {
  const who = await loadCaseActor(ports, principal, childId, 'write');
  const records = await ports.casePlans.read(who.child.id);
  const plan = records.plan;
  if (plan === null) throw new RuleViolationError('该儿童尚无服务计划', 'closedOn');
  if (plan.status === 'closed' && records.closing?.report) {
    const { recordedBy: _r, ...stored } = records.closing.report;
    if (same(stored, input)) return caseViewFor(ports, who, who.child, records);
  }
  const now = ports.clock();
  checkClosing(plan, plan.status === 'closingAnnounced' ? (records.closing?.announcement.toldOn ?? null) : null, input, shanghaiDate(now));
  const closing: CaseClosing = { ...records.closing!, report: { ...input, recordedBy: { id: who.actor.id, name: who.name } } };
  const event = newEvent(
    'CaseClosed',
    { childId: who.child.id, districtId: who.child.region.districtId, townId: who.child.region.townId, closedOn: input.closedOn, followUpEndsOn: input.followUp.endsOn },
    { id: ports.newId(), occurredAt: now, actorId: who.actor.id },
  );
  await commitCaseStep(ports, who, { plan: { next: { ...plan, status: 'closed', version: plan.version + 1 }, keepHistory: false }, closing, events: [event] }, () => ({
    caseDeadlines: { planReviewOn: null, closingFollowUp: input.followUp },
  }));
  return caseViewFor(ports, who, who.child, await ports.casePlans.read(who.child.id));
}
