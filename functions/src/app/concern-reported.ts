import type { AuditEntry } from '../domain/audit.js';
import type { Concern } from '../domain/concern.js';
import { AlreadyExistsError } from '../domain/errors.js';
import { newEvent } from '../events/domain-events.js';
import type { ReportConcernPorts } from './concern-ports.js';

/**
 * Stores a new report with its ConcernReported event (the consumer tells the village's director and the town's
 * supervisor). Sent again with the same id (a retry after a lost answer), it is not stored twice: the first one is
 * answered. `trackingHash` only for a public report.
 */
export async function storeReport(
  ports: ReportConcernPorts,
  concern: Concern,
  trackingHash: string | null,
  audit: AuditEntry | null,
): Promise<Concern> {
  const event = newEvent(
    'ConcernReported',
    {
      concernId: concern.id,
      childId: concern.child.kind === 'known' ? concern.child.childId : null,
      villageId: concern.path.villageId,
      townId: concern.path.townId,
      districtId: concern.path.districtId,
      urgent: concern.urgent,
      channel: concern.channel,
    },
    { id: ports.newId(), occurredAt: new Date(concern.createdAt), actorId: concern.reporter.userId ?? 'system' },
  );
  try {
    await ports.concerns.create({ concern, trackingHash, audit, events: [event] });
    return concern;
  } catch (error) {
    if (!(error instanceof AlreadyExistsError)) throw error;
    const first = await ports.concerns.get(concern.id);
    // The key reused for another report (a careless client) must not swallow it: that is refused, not merged.
    if (first === null || !sameReport(first, concern)) throw new AlreadyExistsError('该 Idempotency-Key 已用于另一份报告', 'Idempotency-Key');
    return first;
  }
}

function sameReport(a: Concern, b: Concern): boolean {
  const content = (concern: Concern) =>
    JSON.stringify([concern.reporter, concern.child, concern.path, concern.kinds, concern.urgent, concern.description]);
  return content(a) === content(b);
}
