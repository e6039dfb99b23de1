import type { Guardian, Team } from '../domain/child.js';
import { RuleViolationError } from '../domain/errors.js';
import { isWithinScope, type RegionLevel, type RegionPath } from '../domain/region.js';
import type { Role } from '../domain/user.js';
import type { Repositories } from '../store/ports.js';

/**
 * Ids a client sends must name real records of the right kind: a region path whose levels really nest (otherwise a
 * director could file a child under their own village but another town, and the other town's supervisor would see
 * it), an existing organization, guardian accounts that are guardians, and a team of the roles R1 names.
 */
const pathLevels: [keyof RegionPath, RegionLevel][] = [
  ['villageId', 'village'],
  ['townId', 'town'],
  ['districtId', 'district'],
  ['cityId', 'city'],
];

export async function assertRegionPathExists(regions: Repositories['regions'], path: RegionPath, field = 'region'): Promise<void> {
  const found = await Promise.all(pathLevels.map(([key]) => regions.get(path[key])));
  for (const [index, [key, level]] of pathLevels.entries()) {
    const region = found[index];
    const parentKey = pathLevels[index + 1]?.[0];
    const expectedParent = parentKey === undefined ? null : path[parentKey];
    if (region === null || region.level !== level || region.parentId !== expectedParent) {
      throw new RuleViolationError('所选地区不存在或上下级不一致', `${field}.${key}`);
    }
  }
}

export async function assertOrganizationExists(
  organizations: Repositories['organizations'],
  organizationId: string | null,
): Promise<void> {
  if (organizationId !== null && (await organizations.get(organizationId)) === null) {
    throw new RuleViolationError('社会组织不存在', 'organizationId');
  }
}

/** A guardian's `userId` is what gives an account sight of the child, so it must be a guardian's account. */
export async function assertGuardianAccounts(users: Repositories['users'], guardians: Guardian[], field = 'guardians'): Promise<void> {
  for (const [index, guardian] of guardians.entries()) {
    if (guardian.userId === null) continue;
    const user = await users.get(guardian.userId);
    if (user === null || user.role !== 'guardian') {
      throw new RuleViolationError('监护人账号不存在', `${field}.${index}.userId`);
    }
  }
}

const teamRoles: [keyof Team, Role, string][] = [
  ['supervisorId', 'supervisor', '儿童督导员'],
  ['directorId', 'director', '儿童主任'],
  ['socialWorkerId', 'socialWorker', '儿童福利社工'],
];

/** R1: supervisor, director and social worker, each in that role; the first two responsible for the child's area. */
export async function assertTeamMembers(users: Repositories['users'], team: Team, region: RegionPath): Promise<void> {
  const members = await Promise.all(teamRoles.map(([key]) => users.get(team[key])));
  for (const [index, [key, role, roleName]] of teamRoles.entries()) {
    const member = members[index];
    if (member === null || member.role !== role) {
      throw new RuleViolationError(`所选人员不是${roleName}`, `team.${key}`);
    }
    if (role !== 'socialWorker' && (member.scope === null || !isWithinScope(region, member.scope))) {
      throw new RuleViolationError(`该${roleName}不负责此儿童所在地区`, `team.${key}`);
    }
  }
}
