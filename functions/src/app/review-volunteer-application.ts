import { decideVolunteerReview, reviewedOrganizationOf } from '../domain/access/volunteer-access.js';
import { ForbiddenError, NotFoundError, RuleViolationError, VersionConflictError } from '../domain/errors.js';
import type { Actor, User } from '../domain/user.js';
import type { ApproveApplicationInput, RefuseApplicationInput, VolunteerApplication } from '../domain/volunteer-application.js';
import { newEvent } from '../events/domain-events.js';
import type { RegionRepository, VolunteerApplications } from '../store/ports.js';
import type { Basics } from './ports.js';
import { applicationRowViewOf, type ApplicationRowView } from './volunteer-application-views.js';

export interface ReviewPorts extends Basics {
  regions: Pick<RegionRepository, 'get'>;
  volunteerApplications: Pick<VolunteerApplications, 'get' | 'review' | 'listOfOrganization'>;
}

type Reviewer = Actor & { name: string };

/** The most pending applications one list shows; an organization reviews them as they come. */
export const PENDING_LIST_LIMIT = 100;

const roleCannot = () =>
  new ForbiddenError('只有社会组织管理员可以审核志愿者申请').refusing({ action: 'request', reason: 'roleCannot' });

/** The organization admin's pending applications (phones masked); any other role is refused. */
export async function listPendingApplications(ports: Pick<ReviewPorts, 'volunteerApplications'>, actor: Actor): Promise<ApplicationRowView[]> {
  const organizationId = reviewedOrganizationOf(actor);
  if (organizationId === null) throw roleCannot();
  const pending = await ports.volunteerApplications.listOfOrganization(organizationId, 'pending', PENDING_LIST_LIMIT);
  return pending.map(applicationRowViewOf);
}

/**
 * The application as its reviewer may act on it: another organization's admin learns nothing of it (404), another
 * role may not review (403), and a decision over a version since changed is a 409.
 */
async function loadForReview(ports: ReviewPorts, actor: Actor, applicationId: string, version: number): Promise<VolunteerApplication> {
  if (reviewedOrganizationOf(actor) === null) throw roleCannot();
  const application = await ports.volunteerApplications.get(applicationId);
  if (application === null || !decideVolunteerReview(actor, application).allowed) {
    throw new NotFoundError('申请不存在').refusing({ action: 'request', reason: 'notRelated' });
  }
  if (application.version !== version) throw new VersionConflictError('该申请已被他人处理，请刷新后查看', 'version');
  return application;
}

function reviewed(application: VolunteerApplication, reviewer: Reviewer, now: Date): VolunteerApplication {
  return { ...application, reviewedAt: now.toISOString(), reviewedBy: { id: reviewer.id, name: reviewer.name }, version: application.version + 1 };
}

/** The town the admin placed the volunteer in must be a town of the admin's district. */
async function townScopeOf(ports: ReviewPorts, reviewer: Reviewer, townId: string | null | undefined): Promise<User['scope']> {
  if (townId === undefined || townId === null) return null;
  const town = await ports.regions.get(townId);
  if (town === null || town.level !== 'town' || reviewer.scope?.level !== 'district' || town.parentId !== reviewer.scope.regionId) {
    throw new RuleViolationError('请选择本区的镇（街道）', 'townId');
  }
  return { level: 'town', regionId: town.id };
}

/**
 * Approval: in one transaction the application becomes approved, the volunteer's account is created (role volunteer,
 * the organization, name and phone from the application, the openid bound so WeChat login finds it; the pledge not
 * yet signed, R8) and `VolunteerApproved` is written.
 */
export async function approveApplication(ports: ReviewPorts, reviewer: Reviewer, applicationId: string, input: ApproveApplicationInput): Promise<ApplicationRowView> {
  const application = await loadForReview(ports, reviewer, applicationId, input.version);
  const scope = await townScopeOf(ports, reviewer, input.townId);
  const now = ports.clock();
  const account: User = {
    id: ports.newId(),
    name: application.name,
    role: 'volunteer',
    scope,
    organizationId: application.organizationId,
    phone: application.phone,
    wechatOpenId: application.wechatOpenId,
    pledgeVersion: null,
    pledgeSignedAt: null,
    version: 1,
  };
  const next: VolunteerApplication = { ...reviewed(application, reviewer, now), status: 'approved', userId: account.id };
  const event = newEvent(
    'VolunteerApproved',
    { applicationId: application.id, organizationId: application.organizationId, userId: account.id },
    { id: ports.newId(), occurredAt: now, actorId: reviewer.id },
  );
  await ports.volunteerApplications.review({ previousVersion: application.version, next, account, events: [event] });
  return applicationRowViewOf(next);
}

/** Refusal, with the reason the applicant will read; `VolunteerRefused` is written with it. */
export async function refuseApplication(ports: ReviewPorts, reviewer: Reviewer, applicationId: string, input: RefuseApplicationInput): Promise<ApplicationRowView> {
  const application = await loadForReview(ports, reviewer, applicationId, input.version);
  const now = ports.clock();
  const next: VolunteerApplication = { ...reviewed(application, reviewer, now), status: 'refused', refusalReason: input.reason };
  const event = newEvent(
    'VolunteerRefused',
    { applicationId: application.id, organizationId: application.organizationId },
    { id: ports.newId(), occurredAt: now, actorId: reviewer.id },
  );
  await ports.volunteerApplications.review({ previousVersion: application.version, next, account: null, events: [event] });
  return applicationRowViewOf(next);
}
