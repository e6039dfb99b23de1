import type { OrganizationRepository, RegionRepository } from '../store/ports.js';

export interface VolunteerOrganizationChoice {
  id: string;
  name: string;
}

export interface VolunteerOrganizationPorts {
  regions: Pick<RegionRepository, 'listRoots' | 'listChildrenOf'>;
  organizations: Pick<OrganizationRepository, 'listInDistrict'>;
}

/**
 * The organizations an applicant may choose (issue 11 part 2), names only: every city's districts' contracted
 * organizations. A handful of queries (one per city and per district), which the number of districts bounds.
 */
export async function listVolunteerOrganizations(ports: VolunteerOrganizationPorts): Promise<VolunteerOrganizationChoice[]> {
  const cities = await ports.regions.listRoots();
  const districts = (await Promise.all(cities.map((city) => ports.regions.listChildrenOf(city.id)))).flat().filter((r) => r.level === 'district');
  const organizations = (await Promise.all(districts.map((district) => ports.organizations.listInDistrict(district.id)))).flat();
  return organizations.map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}
