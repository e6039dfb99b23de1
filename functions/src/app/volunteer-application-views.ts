import { maskPhone } from '../domain/masking.js';
import { volunteerApplicationStatusNames, type VolunteerApplication, type VolunteerApplicationStatus } from '../domain/volunteer-application.js';

/** What the applicant sees of their own application: their own name and phone in full, never the openid. */
export interface OwnApplicationView {
  id: string;
  name: string;
  phone: string;
  organizationName: string;
  status: VolunteerApplicationStatus;
  statusName: string;
  appliedAt: string;
  reviewedAt: string | null;
  refusalReason: string | null;
}

/** A row of the admin's list: the phone masked (ARCHITECTURE.md: personal data masked in lists). */
export interface ApplicationRowView {
  id: string;
  name: string;
  phoneMasked: string;
  status: VolunteerApplicationStatus;
  statusName: string;
  appliedAt: string;
  version: number;
}

export function ownApplicationViewOf(application: VolunteerApplication, organizationName: string): OwnApplicationView {
  return {
    id: application.id,
    name: application.name,
    phone: application.phone,
    organizationName,
    status: application.status,
    statusName: volunteerApplicationStatusNames[application.status],
    appliedAt: application.appliedAt,
    reviewedAt: application.reviewedAt,
    refusalReason: application.refusalReason,
  };
}

export function applicationRowViewOf(application: VolunteerApplication): ApplicationRowView {
  return {
    id: application.id,
    name: application.name,
    phoneMasked: maskPhone(application.phone),
    status: application.status,
    statusName: volunteerApplicationStatusNames[application.status],
    appliedAt: application.appliedAt,
    version: application.version,
  };
}
