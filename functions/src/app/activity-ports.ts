import type { Actor } from '../domain/user.js';
import type { ActivityRepository, ChildRepository, OrganizationRepository, RecordReader, RegionRepository } from '../store/ports.js';

/** What R5's use cases read and write through. */
export interface ActivityPorts {
  activities: ActivityRepository;
  children: Pick<ChildRepository, 'list'>;
  organizations: Pick<OrganizationRepository, 'get' | 'listInDistrict'>;
  records: RecordReader;
  regions: Pick<RegionRepository, 'listChildrenOf'>;
  clock: () => Date;
  newId: () => string;
}

/** The actor with the name a sign-up or an organizer is shown by. */
export type Reader = Actor & { name: string };
