import { NotFoundError, RuleViolationError } from '../domain/errors.js';
import type { VolunteerApplicationFields } from '../domain/volunteer-application.js';
import { newEvent } from '../events/domain-events.js';
import type { OrganizationRepository, UserRepository, VolunteerApplications } from '../store/ports.js';
import type { Basics } from './ports.js';
import { ownApplicationViewOf, type OwnApplicationView } from './volunteer-application-views.js';

export interface ApplyPorts extends Basics {
  organizations: Pick<OrganizationRepository, 'get'>;
  users: Pick<UserRepository, 'findByWechatOpenId'>;
  volunteerApplications: Pick<VolunteerApplications, 'create' | 'findByOpenId'>;
}

export interface Applied {
  application: OwnApplicationView;
  /** False when this WeChat user had applied before: their application is answered again, nothing is written. */
  created: boolean;
}

async function organizationNameOf(ports: Pick<ApplyPorts, 'organizations'>, organizationId: string): Promise<string> {
  return (await ports.organizations.get(organizationId))?.name ?? '';
}

/**
 * A WeChat user with no account applies to be a volunteer of an organization (issue 11 part 2). The openid comes from
 * a registration ticket the API opened; the application is pending until the organization's admin reviews it, and
 * `VolunteerApplied` is written with it. One application per WeChat user: a retry answers the first one.
 */
export async function applyAsVolunteer(ports: ApplyPorts, openId: string, fields: VolunteerApplicationFields): Promise<Applied> {
  const [organization, account, previous] = await Promise.all([
    ports.organizations.get(fields.organizationId),
    ports.users.findByWechatOpenId(openId),
    ports.volunteerApplications.findByOpenId(openId),
  ]);
  if (previous !== null) return { application: ownApplicationViewOf(previous, await organizationNameOf(ports, previous.organizationId)), created: false };
  if (account !== null) throw new RuleViolationError('该微信已有账号，请直接登录');
  if (organization === null) throw new RuleViolationError('请选择列表中的社会组织', 'organizationId');

  const now = ports.clock();
  const id = ports.newId();
  const application = {
    id,
    wechatOpenId: openId,
    ...fields,
    status: 'pending' as const,
    appliedAt: now.toISOString(),
    reviewedAt: null,
    reviewedBy: null,
    refusalReason: null,
    userId: null,
    version: 1,
  };
  // The applicant has no account yet: the event names the application as what caused it.
  const event = newEvent('VolunteerApplied', { applicationId: id, organizationId: organization.id }, { id: ports.newId(), occurredAt: now, actorId: id });
  const outcome = await ports.volunteerApplications.create(application, [event]);
  if (outcome === 'created') return { application: ownApplicationViewOf(application, organization.name), created: true };
  // Two first tries at once: the other one stored its application.
  const stored = await ports.volunteerApplications.findByOpenId(openId);
  if (stored === null) throw new NotFoundError('申请未找到，请重试');
  return { application: ownApplicationViewOf(stored, await organizationNameOf(ports, stored.organizationId)), created: false };
}

/** The applicant's own application, by the openid of their ticket; 404 when they have not applied. */
export async function readOwnApplication(ports: Pick<ApplyPorts, 'organizations' | 'volunteerApplications'>, openId: string): Promise<OwnApplicationView> {
  const application = await ports.volunteerApplications.findByOpenId(openId);
  if (application === null) throw new NotFoundError('尚未提交志愿者申请');
  return ownApplicationViewOf(application, await organizationNameOf(ports, application.organizationId));
}
