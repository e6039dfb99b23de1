import { decideChildAccess } from '../domain/access-policy.js';
import { guardianUserIdsOf, type Child, type CreateChildInput } from '../domain/child.js';
import { registerChild as newChildRecord } from '../domain/child-lifecycle.js';
import { assertGuardianAccounts, assertOrganizationExists, assertRegionPathExists, regionIdsOf } from '../domain/child-references.js';
import { ForbiddenError } from '../domain/errors.js';
import { shanghaiDate } from '../domain/time.js';
import type { Actor, Principal } from '../domain/user.js';
import { actorFrom } from './actor.js';
import { auditEntryOf } from './audit-entry.js';
import { obligationUpdateOf } from './obligation-update.js';
import type { RegisterChildPorts } from './ports.js';

export interface ChildWritten {
  actor: Actor;
  child: Child;
}

/**
 * Registers a child in the actor's area. Everything the checks need is named by the input, so the user, the region
 * path, the organization, the guardian accounts and the district's policy are one batch; then one transaction
 * stores the child, its links, its obligations and the audit entry.
 */
export async function registerChild(ports: RegisterChildPorts, principal: Principal, input: CreateChildInput): Promise<ChildWritten> {
  const found = await ports.records.read({
    users: [principal.userId, ...guardianUserIdsOf(input)],
    regions: regionIdsOf(input.region),
    organizations: input.organizationId === null ? [] : [input.organizationId],
    policy: input.region.districtId,
  });
  const actor = actorFrom(principal, found.users.get(principal.userId));
  const decision = decideChildAccess(actor, 'create', { ...input, team: null });
  if (!decision.allowed) {
    throw new ForbiddenError('当前账号无权在该地区登记儿童', 'region').refusing({ action: 'child.create', reason: decision.denial });
  }
  assertRegionPathExists(found.regions, input.region);
  assertOrganizationExists(found.organizations, input.organizationId);
  assertGuardianAccounts(found.users, input.guardians);
  const now = ports.clock();
  const today = shanghaiDate(now);
  const child = newChildRecord(input, ports.newId(), now, today);
  await ports.children.create({
    child,
    audit: auditEntryOf(ports, actor, 'child.create', child.id, 'allowed'),
    obligations: obligationUpdateOf(child, found.policy, null, today),
    events: [],
  });
  return { actor, child };
}
