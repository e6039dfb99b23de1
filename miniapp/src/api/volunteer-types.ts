/** Issue 11 part 2: volunteers' applications as the API answers them. */
export type VolunteerApplicationStatus = 'pending' | 'approved' | 'refused';

export interface VolunteerOrganization {
  id: string;
  name: string;
}

export interface VolunteerApplyInput {
  ticket: string;
  name: string;
  phone: string;
  organizationId: string;
}

/** The applicant's own application. */
export interface OwnVolunteerApplication {
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

/** A row of the organization admin's list, the phone masked. */
export interface VolunteerApplicationRow {
  id: string;
  name: string;
  phoneMasked: string;
  status: VolunteerApplicationStatus;
  statusName: string;
  appliedAt: string;
  version: number;
}

/** The local server's stand-in for a new WeChat user (H5 has no wx.login). */
export interface DevWechatIdentity {
  openId: string;
  registrationTicket: string;
}
