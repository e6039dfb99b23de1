import { decideChildAccess, forbiddenPatchFields } from '../domain/access-policy.js';
import type { UpdateChildInput } from '../domain/child.js';
import { applyChildPatch } from '../domain/child-lifecycle.js';
import { assertGuardianAccounts, assertOrganizationExists, assertRegionPathExists, regionIdsOf } from '../domain/child-references.js';
import { guardianUserIdsOf } from '../domain/child.js';
import { ForbiddenError, ForbiddenFieldsError, LegalBasisRequiredError, RuleViolationError } from '../domain/errors.js';
import { shanghaiDate } from '../domain/time.js';
import type { Principal } from '../domain/user.js';
import { actorFrom } from './actor.js';
import { assertMayAct, readableChild } from './child-guards.js';
import { staleChildVersion, storeChildChange } from './child-writes.js';
import type { ChildChangePorts } from './ports.js';
import type { ChildWritten } from './register-child.js';

const RISK_LEVEL_BY_ASSESSMENT = '风险等级只能通过监护评估（新建评估）或督导员调整风险等级改变（R18）';

/** Rule errors of a patch name the body path the client sent (`changes.legalBasis`), like validation errors do. */
function namedInChanges(error: unknown): unknown {
  if (error instanceof LegalBasisRequiredError) return new LegalBasisRequiredError(error.message, `changes.${error.field}`);
  if (error instanceof RuleViolationError && error.field) return new RuleViolationError(error.message, `changes.${error.field}`);
  return error;
}

/**
 * Changes a child's record (API3: a patch touching a field the role may not set is refused whole). The records
 * the patch names are read with the user, the child and its obligation state; the policy of its district (known
 * once the child is) in a second batch; then one transaction.
 */
export async function updateChild(ports: ChildChangePorts, principal: Principal, childId: string, input: UpdateChildInput): Promise<ChildWritten> {
  const { version, changes } = input;
  const found = await ports.records.read({
    users: [principal.userId, ...(changes.guardians ? guardianUserIdsOf({ guardians: changes.guardians }) : [])],
    child: childId,
    obligationState: childId,
    regions: changes.region ? regionIdsOf(changes.region) : [],
    organizations: changes.organizationId ? [changes.organizationId] : [],
  });
  const actor = actorFrom(principal, found.users.get(principal.userId));
  const child = readableChild(actor, found.child, 'child.update');
  assertMayAct(actor, 'update', child, 'child.update');
  // Issue 12 (R18): no role may type in the risk level (it changes through an assessment or a supervisor's
  // override); it is named first, with a message that says so.
  const forbidden = forbiddenPatchFields(actor, changes).sort((a, b) => Number(b === 'riskLevel') - Number(a === 'riskLevel'));
  if (forbidden.length > 0) {
    throw new ForbiddenFieldsError(forbidden.map((field) => `changes.${field}`), { 'changes.riskLevel': RISK_LEVEL_BY_ASSESSMENT }).refusing({
      action: 'child.update',
      childId: child.id,
      reason: `forbiddenField:${forbidden.join(',')}`,
    });
  }
  if (version !== child.version) throw staleChildVersion();
  if (changes.region !== undefined) {
    assertRegionPathExists(found.regions, changes.region, 'changes.region');
    if (!decideChildAccess(actor, 'update', { ...child, region: changes.region }).allowed) {
      throw new ForbiddenError('不能将儿童转到您负责的地区以外', 'changes.region').refusing({
        action: 'child.update',
        childId: child.id,
        reason: 'regionOutOfScope',
      });
    }
  }
  if (changes.organizationId !== undefined) assertOrganizationExists(found.organizations, changes.organizationId);
  if (changes.guardians !== undefined) assertGuardianAccounts(found.users, changes.guardians, 'changes.guardians');
  const now = ports.clock();
  let next;
  try {
    next = applyChildPatch(child, changes, now, shanghaiDate(now));
  } catch (error) {
    throw namedInChanges(error);
  }
  const { policy } = await ports.records.read({ policy: next.region.districtId });
  await storeChildChange(ports, actor, 'child.update', child, next, { policy, obligationState: found.obligationState });
  return { actor, child: next };
}
