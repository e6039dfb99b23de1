import { VersionConflictError } from '../domain/errors.js';
import type { UpdateDistrictPolicyInput } from '../domain/obligation.js';
import type { Region } from '../domain/region.js';
import type { Actor, Principal } from '../domain/user.js';
import type { EffectivePolicy, RecordReader } from '../store/ports.js';
import { actorFrom } from './actor.js';
import { loadPolicyDistrict } from './area-guards.js';

export interface PolicyChange {
  districtId: string;
  input: UpdateDistrictPolicyInput;
}

export interface PolicyChangeStart {
  actor: Actor;
  district: Region;
  /** The policy in force, as read (the national rules, version 0, when the district never chose). */
  current: EffectivePolicy;
}

/**
 * Where a change of a district's rules, or its preview, starts: one batch reads the user, the district and its
 * policy; the access policy decides (the district's own officer only); the version the officer saw must still be
 * the stored one, so a preview made from a stale page says so before anything is computed.
 */
export async function startPolicyChange(
  ports: { records: RecordReader },
  principal: Principal,
  { districtId, input }: PolicyChange,
  action: 'preview' | 'update',
): Promise<PolicyChangeStart> {
  const found = await ports.records.read({ users: [principal.userId], regions: [districtId], policy: districtId });
  const actor = actorFrom(principal, found.users.get(principal.userId));
  const district = await loadPolicyDistrict(ports, actor, districtId, action, found.regions.get(districtId) ?? null);
  if (input.version !== found.policy.version) throw new VersionConflictError('该区的走访政策已被他人修改，请刷新后重试', 'version');
  return { actor, district, current: found.policy };
}
