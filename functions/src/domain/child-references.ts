import type { Guardian, Team } from './child.js';
import { RuleViolationError } from './errors.js';
import type { Organization } from './organization.js';
import { isWithinScope, type Region, type RegionLevel, type RegionPath } from './region.js';
import type { Role, User } from './user.js';

/**
 * Ids a client sends must name real records of the right kind: a region path whose levels really nest (otherwise a
 * director could file a child under their own village but another town, and the other town's supervisor would see
 * it), an existing organization, guardian accounts that are guardians, and a team of the roles R1 names. The
 * records are read by the use case (in its batch); these only judge them.
 */
const pathLevels: [keyof RegionPath, RegionLevel][] = [
  ['villageId', 'village'],
  ['townId', 'town'],
  ['districtId', 'district'],
  ['cityId', 'city'],
];

export function regionIdsOf(path: RegionPath): string[] {
  return pathLevels.map(([key]) => path[key]);
}

export function assertRegionPathExists(regions: ReadonlyMap<string, Region>, path: RegionPath, field = 'region'): void {
  for (const [index, [key, level]] of pathLevels.entries()) {
    const region = regions.get(path[key]);
    const parentKey = pathLevels[index + 1]?.[0];
    const expectedParent = parentKey === undefined ? null : path[parentKey];
    if (region === undefined || region.level !== level || region.parentId !== expectedParent) {
      throw new RuleViolationError('所选地区不存在或上下级不一致', `${field}.${key}`);
    }
  }
}

export function assertOrganizationExists(organizations: ReadonlyMap<string, Organization>, organizationId: string | null): void {
  if (organizationId !== null && !organizations.has(organizationId)) {
    throw new RuleViolationError('社会组织不存在', 'organizationId');
  }
}

/** A guardian's `userId` is what gives an account sight of the child, so it must be a guardian's account. */
export function assertGuardianAccounts(users: ReadonlyMap<string, User>, guardians: readonly Guardian[], field = 'guardians'): void {
  for (const [index, guardian] of guardians.entries()) {
    if (guardian.userId === null) continue;
    if (users.get(guardian.userId)?.role !== 'guardian') {
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
export function assertTeamMembers(users: ReadonlyMap<string, User>, team: Team, region: RegionPath): void {
  for (const [key, role, roleName] of teamRoles) {
    const member = users.get(team[key]);
    if (member === undefined || member.role !== role) {
      throw new RuleViolationError(`所选人员不是${roleName}`, `team.${key}`);
    }
    if (role !== 'socialWorker' && (member.scope === null || !isWithinScope(region, member.scope))) {
      throw new RuleViolationError(`该${roleName}不负责此儿童所在地区`, `team.${key}`);
    }
  }
}
