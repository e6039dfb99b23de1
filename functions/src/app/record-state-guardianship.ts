import type { StateGuardianship, StateGuardianshipInput } from '../domain/case-plan.js';
import { nextStateGuardianship } from '../domain/case-lifecycle.js';
import { shanghaiDate } from '../domain/time.js';
import type { Principal } from '../domain/user.js';
import { newEvent } from '../events/domain-events.js';
import { commitCaseStep, loadCaseActor } from './case-guards.js';
import type { CasePlanPorts } from './case-plan-ports.js';
import type { CaseView } from './case-plan-views.js';
import { caseViewFor } from './read-child-case-plan.js';

/** Whether the stored record already holds this very step (a retry): then nothing is written again. */
function alreadyRecorded(current: StateGuardianship | null, input: StateGuardianshipInput): boolean {
  if (current === null) return false;
  switch (input.step) {
    case 'placed':
      return current.placedOn === input.on && current.institution === input.institution && current.collected === null;
    case 'evaluated': {
      const last = current.evaluations.at(-1);
      return last !== undefined && last.on === input.on && last.cleared === input.cleared && last.note === input.note;
    }
    case 'collected':
      return current.collected?.on === input.on && current.collected.guardianName === input.guardianName;
  }
}

/**
 * R22: a child placed in temporary state guardianship is evaluated for return home within six months; once cleared,
 * the guardian collects the child within three days. Each deadline is the child's obligation until the step that
 * completes it is recorded; the collection also starts R19's month of weekly follow-ups after a return home.
 */
export async function recordStateGuardianship(ports: CasePlanPorts, principal: Principal, childId: string, input: StateGuardianshipInput): Promise<CaseView> {
  const who = await loadCaseActor(ports, principal, childId, 'write');
  const records = await ports.casePlans.read(who.child.id);
  if (alreadyRecorded(records.stateGuardianship, input)) return caseViewFor(ports, who, who.child, records);
  const now = ports.clock();
  const next = nextStateGuardianship(records.stateGuardianship, input, who.child.id, shanghaiDate(now));
  const event = newEvent(
    'StateGuardianshipRecorded',
    {
      childId: who.child.id,
      districtId: who.child.region.districtId,
      townId: who.child.region.townId,
      step: input.step,
      cleared: input.step === 'evaluated' ? input.cleared : null,
      on: input.on,
    },
    { id: ports.newId(), occurredAt: now, actorId: who.actor.id },
  );
  await commitCaseStep(ports, who, { stateGuardianship: next, events: [event] }, (child) => ({
    caseDeadlines: { stateEvaluationBy: next.evaluateBy, collectionBy: next.collectBy },
    ...(input.step === 'collected' ? { followUpTriggers: [...child.followUpTriggers, { kind: 'returnedHome' as const, on: input.on }].slice(-20) } : {}),
  }));
  return caseViewFor(ports, who, who.child, await ports.casePlans.read(who.child.id));
}
