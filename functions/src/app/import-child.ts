import type { AuditEntry } from '../domain/audit.js';
import type { Child } from '../domain/child.js';
import { shanghaiDate } from '../domain/time.js';
import { obligationUpdateOf } from './obligation-update.js';
import type { ImportChildPorts } from './ports.js';

/**
 * A child record that arrives whole, written by the system rather than by a person through the API (the demo
 * area; later a roster the district imports): stored with its obligations under its district's policy as of its
 * last change, in one transaction, create-once (AlreadyExistsError on a taken id). The audit entry says who did it.
 */
export async function importChild(ports: ImportChildPorts, child: Child, audit: AuditEntry): Promise<void> {
  const { policy } = await ports.records.read({ policy: child.region.districtId });
  const today = shanghaiDate(new Date(child.updatedAt));
  await ports.children.create({ child, audit, obligations: obligationUpdateOf(child, policy, null, today), events: [] });
}
