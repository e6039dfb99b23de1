import type { AssignTeamInput } from '../domain/child.js';
import { assignTeam as withTeam } from '../domain/child-lifecycle.js';
import { assertTeamMembers } from '../domain/child-references.js';
import { teamMemberIdsOf } from '../domain/child.js';
import type { Principal } from '../domain/user.js';
import { actorFrom } from './actor.js';
import { assertMayAct, readableChild } from './child-guards.js';
import { staleChildVersion, storeChildChange } from './child-writes.js';
import type { ChildChangePorts } from './ports.js';
import type { ChildWritten } from './register-child.js';

/**
 * R1: names the child's team. The user, the child, its obligation state and the three members in one batch; the
 * district's policy in a second; one transaction (obligations move to the new assignees).
 */
export async function assignTeam(ports: ChildChangePorts, principal: Principal, childId: string, input: AssignTeamInput): Promise<ChildWritten> {
  const found = await ports.records.read({
    users: [principal.userId, ...teamMemberIdsOf({ team: input.team })],
    child: childId,
    obligationState: childId,
  });
  const actor = actorFrom(principal, found.users.get(principal.userId));
  const child = readableChild(actor, found.child, 'child.assignTeam');
  assertMayAct(actor, 'assignTeam', child, 'child.assignTeam');
  if (input.version !== child.version) throw staleChildVersion();
  assertTeamMembers(found.users, input.team, child.region);
  const next = withTeam(child, input, actor.id, ports.clock());
  const { policy } = await ports.records.read({ policy: next.region.districtId });
  await storeChildChange(ports, actor, 'child.assignTeam', child, next, { policy, obligationState: found.obligationState });
  return { actor, child: next };
}
