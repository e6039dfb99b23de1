/**
 * The one key builder (STYLE.md habit 4): every key value of every entity in the single table is made here, prefixed
 * by its entity (ElectroDB style) so entities never collide. Ids match `idSchema` ([A-Za-z0-9_-]), so `#` is a safe
 * separator and a trailing `#` makes a begins_with prefix exact (`t1#` never matches `t10#`).
 *
 * | entity            | pk                          | sk                            | gsi1pk / gsi1sk                                      | gsi2pk / gsi2sk                 |
 * |-------------------|-----------------------------|-------------------------------|------------------------------------------------------|---------------------------------|
 * | child             | CHILD#<id>                  | CHILD                         | DISTRICT#<districtId> / CHILD#<town>#<village>#<id>   | NOTEAM#TOWN#<townId> / <id> (only while it has no team) |
 * | membership        | USER#<userId>               | CHILD#<relation>#<childId>    |                                                      |                                 |
 * | user              | USER#<id>                   | USER                          | USERS#REGION#<scope regionId> / <role>#<id> (scoped users) | USERS#ORG#<organizationId> / <role>#<id> (users of an organization) |
 * | pledge signature  | USER#<userId>               | PLEDGE#<version>              |                                                      |                                 |
 * | openid uniqueness | WECHAT#<openId>             | WECHAT                        |                                                      |                                 |
 * | region            | REGION#<id>                 | REGION                        | REGION_PARENT#<parentId> or REGION_ROOTS / REGION#<id> |                                 |
 * | organization      | ORG#<id>                    | ORG                           | ORGS#DISTRICT#<districtId> / ORG#<id>                |                                 |
 * | organization service | ORG#<id>                 | SERVICE#<YYYY-MM>             |                                                      |                                 |
 * | audit entry       | AUDIT#CHILD#<childId>       | <at>#<id>                     |                                                      | AUDIT#ACTOR#<actorId> / <at>#<id> |
 * |  (no child)       | AUDIT#NO_CHILD#<id>         | <at>#<id>                     |                                                      | AUDIT#ACTOR#<actorId> / <at>#<id> |
 * | rate-limit window | RATE#<key>                  | WINDOW#<window length, s>      |                                                     |                                 |
 * | obligation        | CHILD#<childId>             | OBLIGATION#<kind:performer>   | DUE#TOWN#<townId> / <dueDate>#<childId>#<key>        | DUE#USER#<assigneeId> / <dueDate>#<childId>#<key> (none unassigned) |
 * | obligation state  | CHILD#<childId>             | OBLIGATIONS                   |                                                      |                                 |
 * | visit             | CHILD#<childId>             | VISIT#<visitId (sorts by start)> | VISITS#TOWN#<townId> / <state>#<recordedAt>#<visitId> (pending, disputed) | VISITS#PENDING#<childId> / <recordedAt>#<visitId> (pending) |
 * | chain entry       | CHILD#<childId>             | CHAIN#<sequence, 10 digits>   |                                                      |                                 |
 * | chain head        | CHILD#<childId>             | CHAIN_HEAD                    |                                                      |                                 |
 * | idempotency       | IDEMPOTENCY#<userId>#<key>  | IDEMPOTENCY                   |                                                      |                                 |
 * | district policy   | POLICY#<districtId>         | POLICY                        |                                                      |                                 |
 * | policy refresh    | POLICY#<districtId>         | REFRESH                       |                                                      |                                 |
 * | inbox message     | INBOX#USER#<id> / INBOX#TOWN#<townId> / INBOX#VILLAGE#<villageId> (and #DISTRICT#, #CITY#, #ORG#) | MSG#<messageId (sorts by time)> | |           |
 * | monthly counter   | COUNTER#<villageId>#<YYYY-MM> | COUNTER                     |                                                      |                                 |
 * | standing counter  | COUNTER#<villageId>#STANDING | COUNTER                      |                                                      |                                 |
 * | outbox event      | OUTBOX#<eventId>            | OUTBOX                        | OUTBOX#PENDING / <occurredAt>#<eventId> (until sent) |                                 |
 * | processed event   | PROCESSED#<consumer>#<eventId> | PROCESSED                  |                                                      |                                 |
 * | concern           | CONCERN#<id>                | CONCERN                       | CONCERNS#VILLAGE#<villageId> / <queue order>         | CONCERNS#TOWN#<townId> / <queue order> |
 * | concern of a child| CHILD#<childId>             | CONCERN#<createdAt>#<id>      |                                                      |                                 |
 * | reporter's concern| USER#<userId>               | CONCERN#<createdAt>#<id>      |                                                      |                                 |
 * | tracking code     | CONCERN_TRACKING#<sha256>   | TRACKING                      |                                                      |                                 |
 * | escalation        | ESCALATION#<id>             | ESCALATION                    | ESCALATIONS#<LEVEL>#<regionId> / <queue order> (the level that holds it) | ESCALATIONS#AWAITING#<LEVEL ABOVE>#<regionId> / <acknowledgeBy>#<id> (until acknowledged) |
 * | escalation of a child | CHILD#<childId>         | ESCALATION#<createdAt>#<id>   |                                                      |                                 |
 * | guardianship assessment | CHILD#<childId>       | ASSESSMENT#<id>               |                                                      |                                 |
 * | deadline schedule | SCHEDULE#<deadlineId>       | SCHEDULE                      | SCHEDULES#DUE / <fireAt>#<deadlineId>                |                                 |
 * | channel delivery  | DELIVERY#<deliveryId>       | DELIVERY                      |                                                      |                                 |
 * | message consent   | USER#<userId>               | CONSENT#<templateId>          |                                                      |                                 |
 * | job run           | JOBRUN#<job>#<scheduledTime>| JOBRUN                        |                                                      |                                 |
 * | monthly report    | REPORT#<regionId>           | MONTH#<YYYY-MM>               | REPORTS#<parentId>#<YYYY-MM> / <regionId>            |                                 |
 * | report submission | REPORT#<regionId>           | SUBMISSION#<YYYY-MM>          | SUBMISSIONS#<parentId>#<YYYY-MM> / <regionId>        |                                 |
 * | quarterly dispatch| REPORT#<townId>             | DISPATCH#<YYYY-Qn>            |                                                      |                                 |
 * | chat binding      | CHAT#<platform>#<chatUserId> | BINDING                      |                                                      |                                 |
 * | account's chat    | USER#<userId>               | CHAT_BINDING#<platform>       | CHAT_DIGESTS / <userId>#<platform> (only while the digest goes to the chat) |            |
 * | bind code         | BIND_CODE#<code>            | BIND_CODE                     |                                                      |                                 |
 * | account's code    | USER#<userId>               | BIND_CODE#<platform>          |                                                      |                                 |
 * | conversation      | CHAT#<platform>#<chatUserId> | CONVERSATION                 |                                                      |                                 |
 * | message receipt   | CHAT_MESSAGE#<platform>#<messageKey> | RECEIPT              |                                                      |                                 |
 * | safety session    | SAFETY#<sessionId>          | SESSION                       | SAFETY#TOWN#<townId> / <date>#<sessionId>            |                                 |
 * | its photo         | SAFETY#<sessionId>          | PHOTO#<0 or 1>                |                                                      |                                 |
 * | school            | SCHOOL#<schoolId>           | SCHOOL                        | SCHOOLS#TOWN#<townId> / SCHOOL#<schoolId>            |                                 |
 * | volunteer application | VOLUNTEER_APP#<id>      | VOLUNTEER_APP                 | VOLUNTEER_APPS#ORG#<orgId> / <status>#<appliedAt>#<id> |                               |
 * | openid's application | WECHAT#<openId>          | VOLUNTEER_APP                 |                                                      |                                 |
 * | activity (R5)     | ACTIVITY#<id>               | ACTIVITY                      | ACTIVITIES#ORG#<orgId> / <date>T<time>#<id>          | ACTIVITIES#TOWN#<townId> / <date>T<time>#<id> |
 * | activity sign-up  | ACTIVITY#<id>               | SIGNUP#<signUpId>             |                                                      |                                 |
 * | region's own tally| COUNTER#<townId>#<YYYY-MM>  | COUNTER                       | (a town's own month item: activities for the whole town) |                             |
 * | case-file submission (R7) | CASEFILES#<districtId>#<year> | CHILD#<childId>   |                                                      |                                 |
 * | callback sample   | INSPECTION#<sampleId>       | SAMPLE                        | INSPECTIONS#<area regionId> / <drawnAt>#<sampleId>   |                                 |
 * | its callbacks     | INSPECTION#<sampleId>       | CALLBACK#<childId>            |                                                      |                                 |
 * | worker evaluation (R23) | EVALUATION#<id>       | EVALUATION                    | EVALUATIONS#<districtId>#<year> / <workerId>         | EVALUATIONS#WORKER#<workerId> / <year> |
 * | case plan (R2)    | CASE#<childId>              | PLAN (current), PLAN#V#<version, 6 digits> (history) |                               |                                 |
 * | plan review (R15) | CASE#<childId>              | REVIEW#<reviewedOn>#<id>      |                                                      |                                 |
 * | case closing (R15)| CASE#<childId>              | CLOSING                       |                                                      |                                 |
 * | handbook (R2)     | CASE#<childId>              | HANDBOOK                      |                                                      |                                 |
 * | state guardianship (R22) | CASE#<childId>       | STATE_GUARDIANSHIP            |                                                      |                                 |
 *
 * A child's obligations, visits and chain live in the child's partition, so "everything about this visit history"
 * is read consistently from the table; the indexes serve the lists across children (a worker's due list, a town's
 * day, a town's visits needing attention, a child's visits awaiting the guardian).
 */
import type { AuditEntry } from '../domain/audit.js';
import type { EscalationLevel } from '../domain/escalation-levels.js';
import type { ChatAddress, ChatPlatform } from '../domain/chat.js';
import type { RegionPath } from '../domain/region.js';
import type { InboxOwner } from './ports.js';

export interface PrimaryKey {
  pk: string;
  sk: string;
}

export const GSI1 = 'gsi1';
export const GSI2 = 'gsi2';

/** Attributes that belong to the table, not to the domain object; removed when an item is read. */
export const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'entity', 'expiresAt'] as const;

/** How a user is related to a child: what lets a guardian or a team member list "my children" without a scan. */
export type MembershipRelation = 'guardian' | 'socialWorker' | 'supervisor' | 'director';

export function childKey(childId: string): PrimaryKey {
  return { pk: `CHILD#${childId}`, sk: 'CHILD' };
}

/** Children of a district in one partition, sorted by town then village, so each level is one query. */
export function childRegionIndexKey(region: RegionPath, childId: string) {
  return {
    gsi1pk: childRegionPartition(region.districtId),
    gsi1sk: `${childRegionPrefix(region.townId, region.villageId)}${childId}`,
  };
}

export function childRegionPartition(districtId: string): string {
  return `DISTRICT#${districtId}`;
}

/** `CHILD#` for a whole district, `CHILD#<town>#` for a town, `CHILD#<town>#<village>#` for a village. */
export function childRegionPrefix(townId?: string, villageId?: string): string {
  if (townId === undefined) return 'CHILD#';
  if (villageId === undefined) return `CHILD#${townId}#`;
  return `CHILD#${townId}#${villageId}#`;
}

export function membershipKey(userId: string, relation: MembershipRelation, childId: string): PrimaryKey {
  return { pk: userKey(userId).pk, sk: `${membershipPrefix(relation)}${childId}` };
}

export function membershipPrefix(relation: MembershipRelation): string {
  return `CHILD#${relation}#`;
}

export function userKey(userId: string): PrimaryKey {
  return { pk: `USER#${userId}`, sk: 'USER' };
}

/** Who holds a post in a region (a town's supervisors, say): the reminders job's way to them, one query. */
export function usersInRegionPartition(regionId: string): string {
  return `USERS#REGION#${regionId}`;
}

export function usersInRegionSortPrefix(role: string): string {
  return `${role}#`;
}

/** R8, issue 11: the people of an organization (its social workers, admins, volunteers), for the pledge roster. */
export function usersOfOrganizationPartition(organizationId: string): string {
  return `USERS#ORG#${organizationId}`;
}

/** R8: one signature per user and pledge version, beside the user; written once, never updated. */
export function pledgeSignatureKey(userId: string, version: string): PrimaryKey {
  return { pk: `USER#${userId}`, sk: `PLEDGE#${version}` };
}

/**
 * A sparse index of a town's children while they have no team (R1: nobody holds their visits), so the supervisors'
 * daily count reads those children only. The child's item is put whole on every change, so the attribute goes when a
 * team is assigned.
 */
export function childrenWithoutTeamPartition(townId: string): string {
  return `NOTEAM#TOWN#${townId}`;
}

export function wechatOpenIdKey(openId: string): PrimaryKey {
  return { pk: `WECHAT#${openId}`, sk: 'WECHAT' };
}

export function regionKey(regionId: string): PrimaryKey {
  return { pk: `REGION#${regionId}`, sk: 'REGION' };
}

export function regionParentPartition(parentId: string): string {
  return `REGION_PARENT#${parentId}`;
}

/** Root regions (cities) in a partition of their own, which no parent's partition can be named. */
export const ROOT_REGIONS_PARTITION = 'REGION_ROOTS';

/** A region listed under its parent; a city among the roots, for the public report page's first choice (issue 8). */
export function regionParentIndexKey(parentId: string | null, regionId: string) {
  return { gsi1pk: parentId === null ? ROOT_REGIONS_PARTITION : regionParentPartition(parentId), gsi1sk: `REGION#${regionId}` };
}

export function organizationKey(organizationId: string): PrimaryKey {
  return { pk: `ORG#${organizationId}`, sk: 'ORG' };
}

/** A district's organizations, listed for R9's check by the monthly roll-up. */
export function organizationDistrictIndexKey(districtId: string, organizationId: string) {
  return { gsi1pk: organizationDistrictPartition(districtId), gsi1sk: `ORG#${organizationId}` };
}

export function organizationDistrictPartition(districtId: string): string {
  return `ORGS#DISTRICT#${districtId}`;
}

/** R9: an organization's service (home visits and contacts) of one month, added to in each visit's own transaction. */
export function organizationServiceKey(organizationId: string, month: string): PrimaryKey {
  return { pk: `ORG#${organizationId}`, sk: `SERVICE#${month}` };
}

export function auditChildPartition(childId: string): string {
  return `AUDIT#CHILD#${childId}`;
}

export function auditActorPartition(actorId: string): string {
  return `AUDIT#ACTOR#${actorId}`;
}

/**
 * Sorted by time: `at` is normalised to UTC ISO (which sorts as text) and the id breaks ties. An entry about no
 * child (a refused list) gets a partition of its own, so no single "no child" partition grows hot.
 */
export function auditKeys(entry: Pick<AuditEntry, 'id' | 'at' | 'childId' | 'actorId'>) {
  const sortKey = `${new Date(entry.at).toISOString()}#${entry.id}`;
  return {
    pk: entry.childId === null ? `AUDIT#NO_CHILD#${entry.id}` : auditChildPartition(entry.childId),
    sk: sortKey,
    gsi2pk: auditActorPartition(entry.actorId),
    gsi2sk: sortKey,
  };
}

/** One item per key and window length: it carries the current and the previous fixed window's counts. */
export function rateLimitKey(key: string, windowSeconds: number): PrimaryKey {
  return { pk: `RATE#${key}`, sk: `WINDOW#${windowSeconds}` };
}

/** The domain object inside a stored item. */
export function stripKeys(item: Record<string, unknown>): Record<string, unknown> {
  const domain = { ...item };
  for (const attribute of KEY_ATTRIBUTES) delete domain[attribute];
  return domain;
}

/** Obligation keys are `kind:performer` (obligation.ts); dates are YYYY-MM-DD, so the sort keys sort by due date. */
export function obligationKey(childId: string, key: string): PrimaryKey {
  return { pk: childKey(childId).pk, sk: `${OBLIGATION_PREFIX}${key}` };
}

export const OBLIGATION_PREFIX = 'OBLIGATION#';

export function obligationStateKey(childId: string): PrimaryKey {
  return { pk: childKey(childId).pk, sk: 'OBLIGATIONS' };
}

export function dueSortKey(dueDate: string, childId: string, key: string): string {
  return `${dueDate}#${childId}#${key}`;
}

export function dueTownPartition(townId: string): string {
  return `DUE#TOWN#${townId}`;
}

export function dueUserPartition(userId: string): string {
  return `DUE#USER#${userId}`;
}

export const VISIT_PREFIX = 'VISIT#';

export function visitKey(childId: string, visitId: string): PrimaryKey {
  return { pk: childKey(childId).pk, sk: `${VISIT_PREFIX}${visitId}` };
}

export function visitAttentionPartition(townId: string): string {
  return `VISITS#TOWN#${townId}`;
}

/** `pending#<recordedAt>#<id>` or `disputed#…`: a state's visits in one slice, oldest recorded first. */
export function visitAttentionSortKey(state: 'pending' | 'disputed', recordedAt: string, visitId: string): string {
  return `${state}#${new Date(recordedAt).toISOString()}#${visitId}`;
}

export function visitPendingPartition(childId: string): string {
  return `VISITS#PENDING#${childId}`;
}

export const CHAIN_PREFIX = 'CHAIN#';

/** Zero-padded so that entries read in key order are in sequence order. */
export function chainEntryKey(childId: string, sequence: number): PrimaryKey {
  return { pk: childKey(childId).pk, sk: `${CHAIN_PREFIX}${String(sequence).padStart(10, '0')}` };
}

export function chainHeadKey(childId: string): PrimaryKey {
  return { pk: childKey(childId).pk, sk: 'CHAIN_HEAD' };
}

/** Per user: two people may well pick the same key, and one person's key must not reveal another's request. */
export function idempotencyKey(userId: string, key: string): PrimaryKey {
  return { pk: `IDEMPOTENCY#${userId}#${key}`, sk: 'IDEMPOTENCY' };
}

export function policyKey(districtId: string): PrimaryKey {
  return { pk: `POLICY#${districtId}`, sk: 'POLICY' };
}

/** Beside the policy it applies: the district's one recomputation record, replaced by each change. */
export function policyRefreshKey(districtId: string): PrimaryKey {
  return { pk: policyKey(districtId).pk, sk: 'REFRESH' };
}

export function inboxPartition(owner: InboxOwner): string {
  switch (owner.kind) {
    case 'user':
      return `INBOX#USER#${owner.userId}`;
    case 'town':
      return `INBOX#TOWN#${owner.townId}`;
    case 'village':
      return `INBOX#VILLAGE#${owner.villageId}`;
    case 'district':
      return `INBOX#DISTRICT#${owner.districtId}`;
    case 'city':
      return `INBOX#CITY#${owner.cityId}`;
    case 'organization':
      return `INBOX#ORG#${owner.organizationId}`;
  }
}

export const INBOX_MESSAGE_PREFIX = 'MSG#';

export function inboxMessageKey(owner: InboxOwner, messageId: string): PrimaryKey {
  return { pk: inboxPartition(owner), sk: `${INBOX_MESSAGE_PREFIX}${messageId}` };
}

/** ARCHITECTURE.md step 5: a village's visits of one month (Beijing), added to in the visit's own transaction. */
export function monthlyCounterKey(villageId: string, month: string): PrimaryKey {
  return { pk: `COUNTER#${villageId}#${month}`, sk: 'COUNTER' };
}

/** A village's standing figures as they are now (children on record, by risk, difficult cases open). */
export function standingCounterKey(villageId: string): PrimaryKey {
  return { pk: `COUNTER#${villageId}#STANDING`, sk: 'COUNTER' };
}

/** ARCHITECTURE.md, outbox: an event written with its change; listed by the pending index until the relay sent it. */
export function outboxKey(eventId: string): PrimaryKey {
  return { pk: `OUTBOX#${eventId}`, sk: 'OUTBOX' };
}

/** Issue 9 part 5: one region's figures for one month, as the roll-up last computed them. */
export function monthlyReportKey(regionId: string, month: string): PrimaryKey {
  return { pk: `REPORT#${regionId}`, sk: `${MONTHLY_REPORT_PREFIX}${month}` };
}

export const MONTHLY_REPORT_PREFIX = 'MONTH#';

/** The reports of one month under one region (a town's villages, a district's towns): one query. */
export function monthlyReportPartsPartition(parentId: string, month: string): string {
  return `REPORTS#${parentId}#${month}`;
}

/** R4: a town's or district's report as sent up, beside the report the roll-up may rewrite. */
export function reportSubmissionKey(regionId: string, month: string): PrimaryKey {
  return { pk: `REPORT#${regionId}`, sk: `SUBMISSION#${month}` };
}

/** Issue 12, R18: a child's guardianship assessment, in the child's partition (a handful a year; sorted on read). */
export function assessmentKey(childId: string, assessmentId: string): PrimaryKey {
  return { pk: `CHILD#${childId}`, sk: `${ASSESSMENT_PREFIX}${assessmentId}` };
}
export const ASSESSMENT_PREFIX = 'ASSESSMENT#';

/** Issue 12: everything of a child's case (plan and its history, reviews, closing, handbook, R22) in one partition: one query reads it. */
export function casePartition(childId: string): string {
  return `CASE#${childId}`;
}

export const caseSortKeys = {
  plan: 'PLAN',
  planVersion: (version: number) => `PLAN#V#${String(version).padStart(6, '0')}`,
  review: (reviewedOn: string, id: string) => `REVIEW#${reviewedOn}#${id}`,
  closing: 'CLOSING',
  handbook: 'HANDBOOK',
  stateGuardianship: 'STATE_GUARDIANSHIP',
} as const;

/** R24: a town's quarterly dispatch (the supervisor's sections), beside its monthly reports. */
export function quarterlyDispatchKey(townId: string, quarter: string): PrimaryKey {
  return { pk: `REPORT#${townId}`, sk: `DISPATCH#${quarter}` };
}

/** The submissions of one month to one region (a district's towns', a city's districts'): one query. */
export function reportSubmissionsPartition(parentId: string, month: string): string {
  return `SUBMISSIONS#${parentId}#${month}`;
}

export const OUTBOX_PENDING_PARTITION = 'OUTBOX#PENDING';

export function outboxPendingSortKey(occurredAt: string, eventId: string): string {
  return `${new Date(occurredAt).toISOString()}#${eventId}`;
}

/** A consumer's record that it acted on an event: written with its effect, so a second delivery is a no-op. */
export function processedEventKey(consumer: string, eventId: string): PrimaryKey {
  return { pk: `PROCESSED#${consumer}#${eventId}`, sk: 'PROCESSED' };
}

export function concernKey(concernId: string): PrimaryKey {
  return { pk: `CONCERN#${concernId}`, sk: 'CONCERN' };
}

export function concernVillagePartition(villageId: string): string {
  return `CONCERNS#VILLAGE#${villageId}`;
}

export function concernTownPartition(townId: string): string {
  return `CONCERNS#TOWN#${townId}`;
}

/** A queue's order: open before closed, urgent before not, then the longest waiting first. */
export function concernQueueSortKey(open: boolean, urgent: boolean, createdAt: string, concernId: string): string {
  return `${open ? 0 : 1}#${urgent ? 0 : 1}#${new Date(createdAt).toISOString()}#${concernId}`;
}

export const CONCERN_REFERENCE_PREFIX = 'CONCERN#';

/** A pointer from a child's or a reporter's partition to a concern, in the order they were made. */
export function concernReferenceSortKey(createdAt: string, concernId: string): string {
  return `${CONCERN_REFERENCE_PREFIX}${new Date(createdAt).toISOString()}#${concernId}`;
}

/** Only the code's hash is stored: the table alone does not let anyone follow a report. */
export function concernTrackingKey(codeHash: string): PrimaryKey {
  return { pk: `CONCERN_TRACKING#${codeHash}`, sk: 'TRACKING' };
}

/** A difficult case (issue 8, R6); where it is queued and watched is in escalation-items.ts. */
export function escalationKey(escalationId: string): PrimaryKey {
  return { pk: `ESCALATION#${escalationId}`, sk: 'ESCALATION' };
}

/** The queue of one level's area: a town's supervisors, a district's or a city's officers. */
export function escalationQueuePartition(level: EscalationLevel, regionId: string): string {
  return `ESCALATIONS#${level.toUpperCase()}#${regionId}`;
}

/** A queue's order: open before resolved, urgent before not, then the earliest acknowledgement deadline. */
export function escalationQueueSortKey(open: boolean, urgent: boolean, acknowledgeBy: string, escalationId: string): string {
  return `${open ? 0 : 1}#${urgent ? 0 : 1}#${new Date(acknowledgeBy).toISOString()}#${escalationId}`;
}

/**
 * Cases waiting to be acknowledged at the level below, watched by the level above (`level`): those past their deadline
 * are the overdue ones it is shown, one range query.
 */
export function escalationAwaitingPartition(level: EscalationLevel, regionId: string): string {
  return `ESCALATIONS#AWAITING#${level.toUpperCase()}#${regionId}`;
}

export function escalationAwaitingSortKey(acknowledgeBy: string, escalationId: string): string {
  return `${new Date(acknowledgeBy).toISOString()}#${escalationId}`;
}

export const ESCALATION_REFERENCE_PREFIX = 'ESCALATION#';

/** A pointer from the child's partition: the child's whole trail of cases, in the order they were raised. */
export function escalationReferenceSortKey(createdAt: string, escalationId: string): string {
  return `${ESCALATION_REFERENCE_PREFIX}${new Date(createdAt).toISOString()}#${escalationId}`;
}

/** A deadline on one machine (issue 8, part 5): `npm start`'s poller fires it from the due index. */
export function deadlineScheduleKey(deadlineId: string): PrimaryKey {
  return { pk: `SCHEDULE#${deadlineId}`, sk: 'SCHEDULE' };
}

export const DEADLINES_DUE_PARTITION = 'SCHEDULES#DUE';

export function deadlineDueSortKey(fireAt: Date, deadlineId: string): string {
  return `${fireAt.toISOString()}#${deadlineId}`;
}

/** One send to an outside channel (WeChat, WeCom), claimed before it goes out. */
export function channelDeliveryKey(deliveryId: string): PrimaryKey {
  return { pk: `DELIVERY#${deliveryId}`, sk: 'DELIVERY' };
}

/** A user's subscription-message consent for one template, beside the user's other items. */
export function consentKey(userId: string, templateId: string): PrimaryKey {
  return { pk: `USER#${userId}`, sk: `${CONSENT_PREFIX}${templateId}` };
}

export const CONSENT_PREFIX = 'CONSENT#';

/** One run of a recurring job (issue 9): keyed by its scheduled time, so a second firing or a retry finds it. */
export function jobRunKey(job: string, scheduledTime: Date): PrimaryKey {
  return { pk: `JOBRUN#${job}#${scheduledTime.toISOString()}`, sk: 'JOBRUN' };
}

/** One person in one chat (issue 10): their binding and their conversation under way live in one partition. */
export function chatBindingKey(address: ChatAddress): PrimaryKey {
  return { pk: `CHAT#${address.platform}#${address.chatUserId}`, sk: 'BINDING' };
}

/** The account's side of a binding, beside the user's other items, so an account's chats are one query. */
export function accountChatBindingKey(userId: string, platform: ChatPlatform): PrimaryKey {
  return { pk: `USER#${userId}`, sk: `${ACCOUNT_CHAT_BINDING_PREFIX}${platform}` };
}

export const ACCOUNT_CHAT_BINDING_PREFIX = 'CHAT_BINDING#';

/** The sparse index entry of an account's chat while its daily digest goes there (提醒): the sweep reads only these. */
export function chatDigestIndexKey(userId: string, platform: ChatPlatform): { gsi1pk: string; gsi1sk: string } {
  return { gsi1pk: CHAT_DIGESTS_PARTITION, gsi1sk: `${userId}#${platform}` };
}

export const CHAT_DIGESTS_PARTITION = 'CHAT_DIGESTS';

/** Codes are unique across platforms while they live, so a chat user sending one is found by the code alone. */
export function bindCodeKey(code: string): PrimaryKey {
  return { pk: `BIND_CODE#${code}`, sk: 'BIND_CODE' };
}

/** Which code an account holds for a platform: only that one may be redeemed (an earlier one is replaced). */
export function accountBindCodeKey(userId: string, platform: ChatPlatform): PrimaryKey {
  return { pk: `USER#${userId}`, sk: `BIND_CODE#${platform}` };
}

export function conversationKey(address: ChatAddress): PrimaryKey {
  return { pk: chatBindingKey(address).pk, sk: 'CONVERSATION' };
}

export function messageReceiptKey(platform: ChatPlatform, messageKey: string): PrimaryKey {
  return { pk: `CHAT_MESSAGE#${platform}#${messageKey}`, sk: 'RECEIPT' };
}

/**
 * R12: a safety-education session, listed in its town's partition by date (a village's, a school's and the town's own
 * sessions together: the tracker and the schedule read one town at a time); its photos beside it, one item each.
 */
export function safetySessionKey(sessionId: string): PrimaryKey {
  return { pk: `SAFETY#${sessionId}`, sk: 'SESSION' };
}

export function safetySessionTownIndexKey(townId: string, date: string, sessionId: string) {
  return { gsi1pk: safetySessionTownPartition(townId), gsi1sk: `${date}#${sessionId}` };
}

export function safetySessionTownPartition(townId: string): string {
  return `SAFETY#TOWN#${townId}`;
}

export function safetyPhotoKey(sessionId: string, index: number): PrimaryKey {
  return { pk: safetySessionKey(sessionId).pk, sk: `PHOTO#${index}` };
}

/** A school (R12's pre-vacation sessions), listed under its town. */
export function schoolKey(schoolId: string): PrimaryKey {
  return { pk: `SCHOOL#${schoolId}`, sk: 'SCHOOL' };
}

export function schoolTownIndexKey(townId: string, schoolId: string) {
  return { gsi1pk: schoolTownPartition(townId), gsi1sk: `SCHOOL#${schoolId}` };
}

export function schoolTownPartition(townId: string): string {
  return `SCHOOLS#TOWN#${townId}`;
}

/** Issue 11 part 2: a volunteer's application, listed under its organization by status, oldest first. */
export function volunteerApplicationKey(applicationId: string): PrimaryKey {
  return { pk: `VOLUNTEER_APP#${applicationId}`, sk: 'VOLUNTEER_APP' };
}

export function volunteerApplicationIndexKey(organizationId: string, status: string, appliedAt: string, applicationId: string) {
  return { gsi1pk: volunteerApplicationsPartition(organizationId), gsi1sk: `${status}#${new Date(appliedAt).toISOString()}#${applicationId}` };
}

export function volunteerApplicationsPartition(organizationId: string): string {
  return `VOLUNTEER_APPS#ORG#${organizationId}`;
}

/** Beside the openid's login item: one application per WeChat user, found without knowing its id. */
export function openIdApplicationKey(openId: string): PrimaryKey {
  return { pk: wechatOpenIdKey(openId).pk, sk: 'VOLUNTEER_APP' };
}

/** R5: a group activity; its sign-ups live in its partition, so the list and the places left read together. */
export function activityKey(activityId: string): PrimaryKey {
  return { pk: `ACTIVITY#${activityId}`, sk: 'ACTIVITY' };
}

export const SIGN_UP_PREFIX = 'SIGNUP#';

export function activitySignUpKey(activityId: string, signUpId: string): PrimaryKey {
  return { pk: activityKey(activityId).pk, sk: `${SIGN_UP_PREFIX}${signUpId}` };
}

/** An organization's activities by Beijing date and time (a year's R5 count is one range), and its area's town's. */
export function activityIndexKeys(activity: { id: string; organizationId: string; date: string; time: string; area: { townId: string } }) {
  const when = activityWhenSortKey(activity.date, activity.time, activity.id);
  return {
    gsi1pk: activityOrganizationPartition(activity.organizationId),
    gsi1sk: when,
    gsi2pk: activityTownPartition(activity.area.townId),
    gsi2sk: when,
  };
}

export function activityWhenSortKey(date: string, time: string, activityId: string): string {
  return `${date}T${time}#${activityId}`;
}

export function activityOrganizationPartition(organizationId: string): string {
  return `ACTIVITIES#ORG#${organizationId}`;
}

export function activityTownPartition(townId: string): string {
  return `ACTIVITIES#TOWN#${townId}`;
}

/** R7, issue 12: one child's file sent with the district's files of a year; the district's year is one partition. */
export function caseFileSubmissionPartition(districtId: string, year: number): string {
  return `CASEFILES#${districtId}#${year}`;
}

export function caseFileSubmissionKey(districtId: string, year: number, childId: string): PrimaryKey {
  return { pk: caseFileSubmissionPartition(districtId, year), sk: `CHILD#${childId}` };
}

/** Issue 12 part 6: a callback sample and, in its partition, one record per family called. */
export function callbackSampleKey(sampleId: string): PrimaryKey {
  return { pk: `INSPECTION#${sampleId}`, sk: 'SAMPLE' };
}

export const CALLBACK_PREFIX = 'CALLBACK#';

export function callbackKey(sampleId: string, childId: string): PrimaryKey {
  return { pk: callbackSampleKey(sampleId).pk, sk: `${CALLBACK_PREFIX}${childId}` };
}

/** The samples an area's officers drew, newest last. */
export function callbackSamplesIndexKey(regionId: string, drawnAt: string, sampleId: string) {
  return { gsi1pk: callbackSamplesPartition(regionId), gsi1sk: `${drawnAt}#${sampleId}` };
}

export function callbackSamplesPartition(regionId: string): string {
  return `INSPECTIONS#${regionId}`;
}

/** R23: one evaluation per worker and year; the district's of a year in one slice, a worker's own in another. */
export function workerEvaluationKey(evaluationId: string): PrimaryKey {
  return { pk: `EVALUATION#${evaluationId}`, sk: 'EVALUATION' };
}

export function workerEvaluationIndexKeys(districtId: string, year: number, workerId: string) {
  return {
    gsi1pk: districtEvaluationsPartition(districtId, year),
    gsi1sk: workerId,
    gsi2pk: workerEvaluationsPartition(workerId),
    gsi2sk: String(year),
  };
}

export function districtEvaluationsPartition(districtId: string, year: number): string {
  return `EVALUATIONS#${districtId}#${year}`;
}

export function workerEvaluationsPartition(workerId: string): string {
  return `EVALUATIONS#WORKER#${workerId}`;
}
