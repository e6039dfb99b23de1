import { decideChildAccess } from '../domain/access-policy.js';
import { receiveConcern, type Concern, type StaffConcernInput } from '../domain/concern.js';
import { RuleViolationError } from '../domain/errors.js';
import type { RegionPath } from '../domain/region.js';
import type { Principal } from '../domain/user.js';
import { actorFrom } from './actor.js';
import { auditEntryOf } from './audit-entry.js';
import { childNotFound } from './child-guards.js';
import type { ReportConcernPorts } from './concern-ports.js';
import { storeReport } from './concern-reported.js';
import { villagePathOf } from './village-path.js';

/**
 * A signed-in user's report (R17): about one of the children they may read (its village is where it goes) or a child
 * described, at a village they name. Anyone signed in may report; the account is the reporter's contact.
 */
export async function reportConcern(
  ports: ReportConcernPorts,
  principal: Principal,
  input: StaffConcernInput,
  idempotencyKey: string,
): Promise<Concern> {
  const known = input.child.kind === 'known' ? input.child.childId : null;
  const found = await ports.records.read({ users: [principal.userId], ...(known ? { child: known } : {}) });
  const actor = actorFrom(principal, found.users.get(principal.userId));
  let path: RegionPath;
  if (known !== null) {
    const child = found.child;
    if (child === null) throw childNotFound();
    const decision = decideChildAccess(actor, 'read', child);
    if (!decision.allowed) throw childNotFound().refusing({ action: 'concern.report', childId: child.id, reason: decision.denial });
    path = child.region;
  } else {
    if (input.villageId === null) throw new RuleViolationError('请选择孩子所在的村（社区）', 'villageId');
    path = await villagePathOf(ports, input.villageId);
  }
  const concern = receiveConcern(
    {
      id: ports.concernKeys.concernIdFor(`user:${actor.id}`, idempotencyKey),
      channel: 'staff',
      child: input.child,
      path,
      location: input.location,
      kinds: input.kinds,
      urgent: input.urgent,
      description: input.description,
      reporter: { userId: actor.id, name: null, phone: null },
    },
    ports.clock(),
  );
  return storeReport(ports, concern, null, auditEntryOf(ports, actor, 'concern.report', known, 'allowed'));
}
