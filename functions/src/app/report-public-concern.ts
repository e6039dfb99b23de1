import { receiveConcern, type Concern, type PublicConcernInput } from '../domain/concern.js';
import type { ReportPublicConcernPorts } from './concern-ports.js';
import { storeReport } from './concern-reported.js';
import { villagePathOf } from './village-path.js';

export interface PublicReportReceived {
  concern: Concern;
  /** Shown once to the reporter, to follow the report with; the same for the same report sent again. */
  trackingCode: string;
}

/**
 * A report from anyone, without an account (R17): about a child described at a village; name and phone optional.
 * It never names a known child, so the answer reveals nothing about any child. The public route rate-limits it.
 */
export async function reportPublicConcern(
  ports: ReportPublicConcernPorts,
  input: PublicConcernInput,
  idempotencyKey: string,
): Promise<PublicReportReceived> {
  const path = await villagePathOf(ports, input.villageId);
  const id = ports.concernKeys.concernIdFor('public', idempotencyKey);
  const trackingCode = ports.concernKeys.codeFor(id);
  const concern = receiveConcern(
    {
      id,
      channel: 'public',
      child: { kind: 'unknown', description: input.childDescription },
      path,
      location: input.location,
      kinds: input.kinds,
      urgent: input.urgent,
      description: input.description,
      reporter: { userId: null, name: input.reporterName, phone: input.reporterPhone },
    },
    ports.clock(),
  );
  const stored = await storeReport(ports, concern, ports.concernKeys.hashOf(trackingCode), null);
  return { concern: stored, trackingCode };
}
