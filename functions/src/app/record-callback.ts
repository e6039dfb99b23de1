import { callbackOf, sameCallback, type RecordCallbackInput } from '../domain/callback-inspection.js';
import { AlreadyExistsError, NotFoundError } from '../domain/errors.js';
import type { Actor } from '../domain/user.js';
import { newEvent } from '../events/domain-events.js';
import { loadSample, readCallbackSample, type InspectionPorts } from './callback-inspection.js';
import type { SampleView } from './callback-inspection-views.js';

/**
 * One family's callback, recorded once: a retry of the same record (a lost answer, a second tap) answers as the
 * first did and writes nothing more; another outcome over a recorded one is refused (409), the first stands.
 */
export async function recordCallback(
  ports: InspectionPorts,
  actor: Actor & { name: string },
  sampleId: string,
  childId: string,
  input: RecordCallbackInput,
): Promise<SampleView> {
  const sample = await loadSample(ports, actor, sampleId);
  if (!sample.childIds.includes(childId)) throw new NotFoundError('该家庭不在本批抽查名单中').refusing({ action: 'request', reason: 'notRelated' });
  const now = ports.clock();
  const callback = callbackOf(input, { sampleId, childId, recordedAt: now.toISOString(), recordedBy: { id: actor.id, name: actor.name } });
  const event = newEvent('CallbackRecorded', { sampleId, childId, outcome: callback.outcome }, { id: ports.newId(), occurredAt: now, actorId: actor.id });
  const outcome = await ports.callbackInspections.recordCallback(callback, [event]);
  if (outcome !== 'recorded' && !sameCallback(outcome.stored, input)) {
    throw new AlreadyExistsError('该家庭的回访结果已记录', 'outcome');
  }
  return readCallbackSample(ports, actor, sampleId);
}
