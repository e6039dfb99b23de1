import type { ApiCall } from './client';
import type { LoginResult } from './types';
import type { DevWechatIdentity, OwnVolunteerApplication, VolunteerApplicationRow, VolunteerApplyInput, VolunteerOrganization } from './volunteer-types';

/** Issue 11 part 2: applying as a volunteer (no account: the ticket stands for the WeChat user) and the admin's review. */
export interface VolunteersApi {
  volunteerOrganizations(): Promise<VolunteerOrganization[]>;
  /** Sent again by the same WeChat user, the first application comes back. */
  applyAsVolunteer(input: VolunteerApplyInput): Promise<OwnVolunteerApplication>;
  /** 404 when this WeChat user has not applied. */
  myVolunteerApplication(ticket: string): Promise<OwnVolunteerApplication>;
  pendingVolunteerApplications(): Promise<VolunteerApplicationRow[]>;
  /** 409 when someone reviewed it since `version` was read; `townId` places the volunteer in a town of the admin's district. */
  approveVolunteerApplication(id: string, version: number, townId?: string | null): Promise<VolunteerApplicationRow>;
  refuseVolunteerApplication(id: string, version: number, reason: string): Promise<VolunteerApplicationRow>;
  /** Local server only: a new made-up WeChat user and its ticket. */
  devWechatIdentity(): Promise<DevWechatIdentity>;
  /** Local server only: logs that made-up WeChat user in as /auth/wechat would (not-registered with a ticket until approved). */
  devWechatLogin(openId: string): Promise<LoginResult>;
}

const base = '/volunteer-applications';
const applicationPath = (id: string, rest: string) => `${base}/${encodeURIComponent(id)}${rest}`;

export function volunteerCalls(send: ApiCall): VolunteersApi {
  return {
    volunteerOrganizations: () =>
      send<{ items: VolunteerOrganization[] }>({ method: 'GET', path: `${base}/organizations`, anonymous: true }).then(({ items }) => items),
    applyAsVolunteer: (input) => send({ method: 'POST', path: base, body: input, anonymous: true }),
    myVolunteerApplication: (ticket) => send({ method: 'POST', path: `${base}/status`, body: { ticket }, anonymous: true }),
    pendingVolunteerApplications: () => send<{ items: VolunteerApplicationRow[] }>({ method: 'GET', path: `${base}/pending` }).then(({ items }) => items),
    approveVolunteerApplication: (id, version, townId = null) => send({ method: 'POST', path: applicationPath(id, '/approval'), body: { version, townId } }),
    refuseVolunteerApplication: (id, version, reason) => send({ method: 'POST', path: applicationPath(id, '/refusal'), body: { version, reason } }),
    devWechatIdentity: () => send({ method: 'POST', path: '/auth/dev/wechat-identity', anonymous: true }),
    devWechatLogin: (openId) => send({ method: 'POST', path: '/auth/dev/wechat', body: { openId }, anonymous: true }),
  };
}
