import type { WorkerPlace } from '../domain/access/inspection-access.js';
import { gradedRoles, type GradedRole } from '../domain/worker-evaluation.js';
import type { User } from '../domain/user.js';
import type { OrganizationRepository, RegionRepository, ReminderReads, UserRepository } from '../store/ports.js';

export interface WorkerPlacePorts {
  regions: Pick<RegionRepository, 'get' | 'listChildrenOf'>;
  organizations: Pick<OrganizationRepository, 'get' | 'listInDistrict'>;
  users: Pick<UserRepository, 'listByOrganization'>;
  reminderReads: Pick<ReminderReads, 'listUsersInRegion'>;
}

const isGraded = (role: string): role is GradedRole => (gradedRoles as readonly string[]).includes(role);

/**
 * The district a worker serves, from their post: a supervisor's town, a director's village, a social worker's
 * contracting organization. Null for any other role or a post outside any district.
 */
export async function workerPlaceOf(ports: WorkerPlacePorts, worker: User): Promise<WorkerPlace | null> {
  if (!isGraded(worker.role)) return null;
  if (worker.role === 'socialWorker') {
    const organization = worker.organizationId ? await ports.organizations.get(worker.organizationId) : null;
    return organization ? { role: worker.role, districtId: organization.districtId } : null;
  }
  let region = worker.scope ? await ports.regions.get(worker.scope.regionId) : null;
  while (region !== null && region.level !== 'district') region = region.parentId ? await ports.regions.get(region.parentId) : null;
  return region ? { role: worker.role, districtId: region.id } : null;
}

/** The workers a district grades (R23): its towns' supervisors, its villages' directors, its organizations' social workers. */
export async function workersOfDistrict(ports: WorkerPlacePorts, districtId: string): Promise<(User & { role: GradedRole })[]> {
  const towns = (await ports.regions.listChildrenOf(districtId)).filter((region) => region.level === 'town');
  const villages = (await Promise.all(towns.map((town) => ports.regions.listChildrenOf(town.id)))).flat();
  const organizations = await ports.organizations.listInDistrict(districtId);
  const groups = await Promise.all([
    ...towns.map((town) => ports.reminderReads.listUsersInRegion(town.id, 'supervisor')),
    ...villages.map((village) => ports.reminderReads.listUsersInRegion(village.id, 'director')),
    ...organizations.map(async (organization) => (await ports.users.listByOrganization(organization.id)).filter((user) => user.role === 'socialWorker')),
  ]);
  const unique = new Map(groups.flat().map((user) => [user.id, user]));
  return [...unique.values()].filter((user): user is User & { role: GradedRole } => isGraded(user.role));
}
