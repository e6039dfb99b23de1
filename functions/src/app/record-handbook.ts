import { teamMemberIdsOf } from '../domain/child.js';
import type { HandbookInput, HandbookRecord } from '../domain/case-plan.js';
import { AlreadyExistsError, InvalidFieldError } from '../domain/errors.js';
import { shanghaiDate } from '../domain/time.js';
import type { Principal } from '../domain/user.js';
import { newEvent } from '../events/domain-events.js';
import { commitCaseStep, loadCaseActor } from './case-guards.js';
import type { CasePlanPorts } from './case-plan-ports.js';
import type { CaseView } from './case-plan-views.js';
import { caseViewFor } from './read-child-case-plan.js';

/**
 * R2: the care handbook (关爱手册) handed over at the first visit: when, by which team member, to which of the
 * child's guardians. Recorded once; the same record sent again is answered with what was stored.
 */
export async function recordHandbook(ports: CasePlanPorts, principal: Principal, childId: string, input: HandbookInput): Promise<CaseView> {
  const who = await loadCaseActor(ports, principal, childId, 'write');
  const records = await ports.casePlans.read(who.child.id);
  const now = ports.clock();
  if (input.handedOverOn > shanghaiDate(now)) throw new InvalidFieldError('发放日期不能晚于今天', 'handedOverOn');
  if (!teamMemberIdsOf(who.child).includes(input.handedOverById)) throw new InvalidFieldError('发放人须为该儿童执行团队成员', 'handedOverById');
  if (!who.child.guardians.some((guardian) => guardian.name === input.guardianName)) throw new InvalidFieldError('领取人须为该儿童的监护人', 'guardianName');
  const { users } = await ports.records.read({ users: [input.handedOverById] });
  const handbook: HandbookRecord = {
    ...input,
    childId: who.child.id,
    handedOverByName: users.get(input.handedOverById)?.name ?? '',
    recordedBy: { id: who.actor.id, name: who.name },
  };
  const sameAsStored = (stored: HandbookRecord | null) =>
    stored !== null && stored.handedOverOn === input.handedOverOn && stored.handedOverById === input.handedOverById && stored.guardianName === input.guardianName;
  if (sameAsStored(records.handbook)) return caseViewFor(ports, who, who.child, records);
  if (records.handbook) throw new AlreadyExistsError('关爱手册发放已登记', 'handedOverOn');
  const event = newEvent(
    'HandbookHandedOver',
    { childId: who.child.id, districtId: who.child.region.districtId, townId: who.child.region.townId, on: input.handedOverOn },
    { id: ports.newId(), occurredAt: now, actorId: who.actor.id },
  );
  try {
    await commitCaseStep(ports, who, { handbook, events: [event] }, null);
  } catch (error) {
    if (!(error instanceof AlreadyExistsError) || !sameAsStored((await ports.casePlans.read(who.child.id)).handbook)) throw error;
  }
  return caseViewFor(ports, who, who.child, await ports.casePlans.read(who.child.id));
}
