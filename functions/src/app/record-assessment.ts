import { assertAssessmentFits, type Assessment, type AssessmentInput } from '../domain/guardianship-assessment.js';
import type { Child } from '../domain/child.js';
import { AlreadyExistsError, RuleViolationError } from '../domain/errors.js';
import { obligationKeyOf } from '../domain/obligation.js';
import { shanghaiDate } from '../domain/time.js';
import type { Actor, Principal } from '../domain/user.js';
import { reassessmentPerformer } from '../domain/visit-rules.js';
import { YEARLY_ASSESSMENT_KEY } from '../domain/yearly-assessment.js';
import { newEvent } from '../events/domain-events.js';
import { actorFrom } from './actor.js';
import { assertAssessmentAccess } from './assessment-guards.js';
import type { RecordAssessmentPorts } from './assessment-ports.js';
import { readableChild } from './child-guards.js';
import { staleChildVersion, storeChildChange } from './child-writes.js';

export interface AssessmentRecorded {
  actor: Actor;
  child: Child;
  assessment: Assessment;
}

/**
 * Any recorded assessment completes both assessment obligations: R21's six-monthly reassessment ("uses the same
 * form", 003 §81) and R2's yearly one. One form, one completion date for each key, so neither is done or counted twice.
 */
const REASSESSMENT_KEY = obligationKeyOf({ kind: 'reassessment', performer: reassessmentPerformer });

const keyReused = () => new AlreadyExistsError('该 Idempotency-Key 已用于另一份评估', 'Idempotency-Key');

/**
 * Records a guardianship assessment (R18) and with it the child's risk level: the assessment, the child (new level
 * and its basis, one version on), the obligations that follow (R14 visits by level, R21's reassessment and R2's
 * yearly assessment completed), the audit entry and AssessmentRecorded, in one transaction. R2: the first is held by the whole team. Sent again
 * with the same Idempotency-Key, the first assessment is answered and nothing is written twice.
 */
export async function recordAssessment(
  ports: RecordAssessmentPorts,
  principal: Principal,
  childId: string,
  input: AssessmentInput,
  idempotencyKey: string,
): Promise<AssessmentRecorded> {
  const found = await ports.records.read({ users: [principal.userId], child: childId, obligationState: childId });
  const actor = actorFrom(principal, found.users.get(principal.userId));
  const child = readableChild(actor, found.child, 'assessment.record');
  assertAssessmentAccess(actor, 'record', child, 'assessment.record');
  const id = ports.assessmentKeys.assessmentIdFor(actor.id, idempotencyKey);
  const replayed = await replayOf(ports, child.id, id, input);
  if (replayed) return { actor, child, assessment: replayed };
  if (child.status === 'closed') throw new RuleViolationError('该儿童已结案，不能评估', 'id');
  if (input.version !== child.version) throw staleChildVersion();

  const now = ports.clock();
  const today = shanghaiDate(now);
  const history = await ports.assessments.listOfChild(child.id);
  assertAssessmentFits(child, input, history[0]?.heldOn ?? null, today);
  const { version: _version, ...body } = input;
  const assessment: Assessment = { id, childId: child.id, ...body, previousRiskLevel: child.riskLevel, recordedBy: actor.id, recordedAt: now.toISOString() };
  const next: Child = {
    ...child,
    riskLevel: input.riskLevel,
    riskBasis: { kind: 'assessment', assessmentId: id, heldOn: input.heldOn, assessmentKind: input.kind },
    updatedAt: now.toISOString(),
    version: child.version + 1,
  };
  const event = newEvent(
    'AssessmentRecorded',
    {
      childId: child.id,
      assessmentId: id,
      townId: child.region.townId,
      districtId: child.region.districtId,
      kind: input.kind,
      riskLevel: input.riskLevel,
      previousRiskLevel: child.riskLevel,
    },
    { id: ports.newId(), occurredAt: now, actorId: actor.id },
  );
  const { policy } = await ports.records.read({ policy: child.region.districtId });
  try {
    await storeChildChange(ports, actor, 'assessment.record', child, next, { policy, obligationState: found.obligationState }, {
      events: [event],
      completions: { [REASSESSMENT_KEY]: input.heldOn, [YEARLY_ASSESSMENT_KEY]: input.heldOn },
      assessment,
    });
  } catch (error) {
    // A concurrent retry with the same key stored it first: answer that one.
    if (!(error instanceof AlreadyExistsError)) throw error;
    const winner = await replayOf(ports, child.id, id, input);
    if (winner === null) throw error;
    return { actor, child, assessment: winner };
  }
  return { actor, child: next, assessment };
}

/** The assessment already stored under this id: the same content is a retry; other content reuses the key. */
async function replayOf(ports: RecordAssessmentPorts, childId: string, id: string, input: AssessmentInput): Promise<Assessment | null> {
  const stored = await ports.assessments.get(childId, id);
  if (stored === null) return null;
  const content = (a: Omit<AssessmentInput, 'version'>) =>
    canonical([a.kind, a.heldOn, a.presentUserIds, a.dimensions, a.sources, a.conclusion, a.riskLevel, a.recommendations]);
  if (content(stored) !== content(input)) throw keyReused();
  return stored;
}

/** JSON with object keys sorted: a stored map does not keep the order its keys were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}
