import { messageIdOf, type OrganizationIdle } from '../domain/inbox.js';
import type { Month } from '../domain/monthly-report.js';
import { idleOrganizations, idleWindow, organizationIdleText } from '../domain/organization-service.js';
import type { Organization } from '../domain/organization.js';
import type { InboxDelivery, OrganizationRepository } from '../store/ports.js';

export interface FlagIdleOrganizationsPorts {
  organizations: Pick<OrganizationRepository, 'listInDistrict' | 'servicesIn'>;
  inboxDelivery: Pick<InboxDelivery, 'deliverNew'>;
}

/** A district's organizations without service in `month` and the month before (R9), from their service counters. */
export async function idleOrganizationsOf(ports: Pick<FlagIdleOrganizationsPorts, 'organizations'>, districtId: string, month: Month): Promise<Organization[]> {
  const organizations = await ports.organizations.listInDistrict(districtId);
  if (organizations.length === 0) return [];
  const served = await ports.organizations.servicesIn(
    organizations.map((organization) => organization.id),
    idleWindow(month),
  );
  return idleOrganizations(organizations, month, (id, inMonth) => served.get(id)?.get(inMonth) ?? 0);
}

/** The instant the month ends (Beijing): the flag's time, the same on every run, so its id is too. */
function monthEnd(month: Month): Date {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, number, 1) - 8 * 3600_000);
}

/**
 * R9 at the monthly roll-up: each organization of the districts without service for the two months is flagged in its
 * district's inbox. The message's id is the organization's and the month's, so a rerun adds nothing; returns how many
 * flags were new.
 */
export async function flagIdleOrganizations(ports: FlagIdleOrganizationsPorts, districtIds: readonly string[], month: Month, at: Date): Promise<number> {
  const idle = await Promise.all(districtIds.map(async (districtId) => ({ districtId, organizations: await idleOrganizationsOf(ports, districtId, month) })));
  return ports.inboxDelivery.deliverNew(
    idle.flatMap(({ districtId, organizations }) =>
      organizations.map((organization) => {
        const flag: OrganizationIdle = { organizationId: organization.id, organizationName: organization.name, districtId, month };
        return {
          owner: { kind: 'district' as const, districtId },
          message: {
            // 18 characters of time and '-' leave 46 of an id's 64 for the organization's part.
            id: messageIdOf(monthEnd(month), `idle-${organization.id}`.slice(0, 46)),
            at: at.toISOString(),
            kind: 'organizationIdle' as const,
            childId: null,
            visitId: null,
            escalationId: null,
            digest: null,
            organization: flag,
            text: organizationIdleText(organization.name),
            readAt: null,
          },
        };
      }),
    ),
  );
}
