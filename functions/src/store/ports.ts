import type { AuditEntry } from '../domain/audit.js';
import type { CaseFileSubmissions } from './case-file-submission-ports.js';
export type { CaseFileSubmissions } from './case-file-submission-ports.js';
import type { ChildListScope } from '../domain/access-policy.js';
import type { Child } from '../domain/child.js';
import type { ChildListFilter } from '../domain/child-list-filter.js';
import type { DueEntry } from '../domain/due-entries.js';
import type { InboxMessage, InboxOwner } from '../domain/inbox.js';
import type { ConcernRepository } from './concern-ports.js';

export type { ConcernChange, ConcernQueue, ConcernRepository, NewConcernWrite } from './concern-ports.js';
import type { EscalationRepository } from './escalation-ports.js';
import type { Escalation } from '../domain/escalation.js';

export type { EscalationChange, EscalationQueue, EscalationRepository, NewEscalationWrite } from './escalation-ports.js';
import type { ChannelDeliveries, DeadlineScheduler, DueDeadlines, InboxDelivery, OutboxRepository, SubscriptionConsents } from './event-ports.js';

export type { AddressedMessage, InboxDelivery } from './event-ports.js';
import type { DistrictPolicy, LastCompletions } from '../domain/obligation.js';
import type { PolicyRefresh } from '../domain/policy-refresh.js';
import type { DomainEvent } from '../events/domain-events.js';
import type { Organization } from '../domain/organization.js';
import type { Month } from '../domain/monthly-report.js';
import type { Region } from '../domain/region.js';
import type { Role, User } from '../domain/user.js';
import type { Visit } from '../domain/visit.js';
import type { VisitDraft } from '../domain/visit-record.js';
import type { BindCodes, ChatBindings, Conversations, MessageReceipts } from './chat-ports.js';
import type { JobRuns } from './job-run-ports.js';
import type { MonthlyCounters, MonthlyReports } from './monthly-report-ports.js';
import type { ReportSubmissions } from './report-submission-ports.js';
import type { QuarterlyDispatches } from './quarterly-dispatch-ports.js';
import type { CasePlans } from './case-plan-ports.js';
import type { PledgeSignatures } from './pledge-signature-ports.js';
import type { ActivityRepository } from './activity-ports.js';
import type { Assessment } from '../domain/guardianship-assessment.js';
import type { Assessments } from './assessment-ports.js';

export type { Assessments } from './assessment-ports.js';

export type { ActivityRepository, SignUpOutcome } from './activity-ports.js';

export type { MonthlyCounters, MonthlyReports } from './monthly-report-ports.js';
export type { BindCode, BindCodes, ChatBinding, ChatBindings, ConversationState, Conversations, MessageReceipt, MessageReceipts, ReplyRoute } from './chat-ports.js';
export type { QuarterlyDispatches } from './quarterly-dispatch-ports.js';
export type { CaseChange, CasePlans, CaseRecords } from './case-plan-ports.js';
import type { SafetySessions, Schools } from './safety-ports.js';
export type { SafetySessions, Schools, StoredPhoto } from './safety-ports.js';
export type { PledgeSignatures, SignPledgeWrite, StoredSignature } from './pledge-signature-ports.js';
import type { VolunteerApplications } from './volunteer-application-ports.js';

export type { VolunteerApplications } from './volunteer-application-ports.js';
export type { ReportSubmissions };
import type { ObligationState } from './obligation-items.js';
import type { CallbackInspections } from './callback-inspection-ports.js';
import type { WorkerEvaluations } from './worker-evaluation-ports.js';
export type { CallbackInspections } from './callback-inspection-ports.js';
export type { WorkerEvaluations } from './worker-evaluation-ports.js';
import type { ChainHead } from './visit-chain.js';

/**
 * What the API needs from storage, in the domain's words. Handlers never build keys or expressions
 * (STYLE.md habit 4); the DynamoDB adapters in this folder implement these.
 */
export interface Page<T> {
  items: T[];
  /** Opaque; pass back to get the next page. Null when there is none. */
  nextCursor: string | null;
}

export interface PageRequest {
  limit: number;
  cursor?: string | null;
}

/**
 * A child's obligations as the use case computed them, and the state they were computed from (as read): the store
 * writes the difference, guarded by that state's version, and StaleStateError tells the use case it moved meanwhile.
 */
export interface ObligationUpdate {
  childId: string;
  previous: ObligationState | null;
  entries: DueEntry[];
  lastCompletions: LastCompletions;
  policyVersion: number;
}

export interface NewChild {
  child: Child;
  audit: AuditEntry;
  obligations: ObligationUpdate;
  events: DomainEvent[];
}

export interface ChildChange {
  previous: Child;
  /** One version on from `previous`. */
  next: Child;
  audit: AuditEntry;
  obligations: ObligationUpdate;
  events: DomainEvent[];
  /**
   * Issue 12 (R18): the guardianship assessment that made this change, stored in the same transaction (its id
   * taken: AlreadyExistsError on 'Idempotency-Key').
   */
  assessment?: Assessment;
}

export interface ChildRepository {
  get(id: string): Promise<Child | null>;
  /** Those of these children that exist, in one batch read, in no particular order. */
  getMany(ids: readonly string[]): Promise<Child[]>;
  /**
   * Creates the child, its membership links, its obligations, the audit entry and the events in one transaction;
   * AlreadyExistsError on a taken id.
   */
  create(write: NewChild): Promise<void>;
  /**
   * Replaces the child if its stored version is still `previous.version` (else VersionConflictError), moving the
   * membership links that changed, writing its obligations, the audit entry and the events, all in one transaction.
   * StaleStateError when the obligations moved since they were read.
   */
  update(write: ChildChange): Promise<void>;
  /**
   * A page of the children this scope covers that meet the filter (by name, village, grade, category). A filtered
   * page may hold fewer than `limit` children and still have a next cursor: the reading stopped at its budget.
   */
  list(scope: ChildListScope, page: PageRequest, filter?: ChildListFilter): Promise<Page<Child>>;
  /** How many children a list with this scope and filter would show, counted by the index without reading them. */
  count(scope: ChildListScope, filter?: ChildListFilter): Promise<number>;
}

/** A district's policy as it applies: the stored one, or the default nobody stored (version 0, no author). */
export type EffectivePolicy = Omit<DistrictPolicy, 'updatedAt' | 'updatedBy' | 'version'> & {
  updatedAt: string | null;
  updatedBy: string | null;
  version: number;
};

export interface PolicyRepository {
  get(districtId: string): Promise<EffectivePolicy>;
  /**
   * Stores the policy if the stored version is `policy.version - 1` (0: none stored yet), else VersionConflictError,
   * with the audit entry, the events and the recomputation it starts (replacing one under way) in the same
   * transaction, so a saved policy never lacks its refresh.
   */
  put(write: { policy: DistrictPolicy; audit: AuditEntry; events: DomainEvent[]; refresh?: PolicyRefresh }): Promise<void>;
}

export interface PolicyRefreshes {
  /** The district's recomputation record, read consistently; null when its policy never changed since the job exists. */
  get(districtId: string): Promise<PolicyRefresh | null>;
  /**
   * Replaces `previous` by `next` if the stored record is still `previous` (same policy version, same step), with
   * `events` in the same transaction. False when it is not: a newer policy replaced it, or another run of the same
   * version saved this page first.
   */
  advance(previous: PolicyRefresh, next: PolicyRefresh, events: readonly DomainEvent[]): Promise<boolean>;
}

export type { ChainHead, DueEntry, InboxOwner, ObligationState };

export interface ObligationRepository {
  /** A worker's obligations due on or before `until` (every overdue one included), earliest due first: one query. */
  listDueForAssignee(userId: string, until: string): Promise<DueEntry[]>;
  /** A town's obligations due on `date`: one query. */
  listDueInTown(townId: string, date: string): Promise<DueEntry[]>;
  /** A town's obligations due on or before `until` (every overdue one included), earliest due first: one query. */
  listDueInTownUntil(townId: string, until: string): Promise<DueEntry[]>;
  /** Everything the child is due next, earliest first. */
  listOfChild(childId: string): Promise<DueEntry[]>;
  /** The obligation states of these children (BatchGetItem, 100 keys a request), by child id; absent when none. */
  statesOf(childIds: readonly string[]): Promise<Map<string, ObligationState>>;
  /**
   * Writes the child's obligations as given, in a transaction of its own guarded by the child's version and the
   * obligation state's; nothing at all when they are what is stored (false). StaleStateError when either moved.
   */
  refresh(write: { childVersion: number; obligations: ObligationUpdate }): Promise<boolean>;
}

export interface IdempotencyRequest {
  userId: string;
  /** The client's Idempotency-Key. */
  key: string;
  /** What was asked (path and body): the same key with another request is refused. */
  request: unknown;
}

/** A check-in as the use case decided it, and the state it decided from (as read). */
export interface CheckInWrite {
  draft: VisitDraft;
  /** The child's chain head as read: the visit is appended after it. */
  head: ChainHead;
  /** The child's version as read: what it is due was computed from that child. */
  childVersion: number;
  /** With the visit's completions added. */
  obligations: ObligationUpdate;
  /** Null for visits the system writes itself (the demo area). */
  idempotency: IdempotencyRequest | null;
  audit: AuditEntry;
  events: DomainEvent[];
  /** When the idempotency record was made (its week counts from here). */
  now: Date;
}

export interface ChainVerification {
  intact: boolean;
  entries: number;
  firstBrokenSequence: number | null;
}

/** The guardian's answer: `next` is one version on from `previous`, appended to the chain after `head` (as read). */
export interface AnswerWrite {
  previous: Visit;
  next: Visit;
  head: ChainHead;
  audit: AuditEntry;
  events: DomainEvent[];
}

/** The supervisor's settlement of a dispute: like an answer, one version on, appended after `head`. */
export type SettlementWrite = AnswerWrite;

/**
 * The author's correction or withdrawal (issue 7, B3): `next` one version on from `previous`, appended to the chain
 * after `head`, with the child's obligations recomputed from its visits as they now stand; the month's counters
 * follow by the difference between the two versions.
 */
export interface AmendmentWrite extends AnswerWrite {
  /** The child's version as read: the obligations were computed from that child. */
  childVersion: number;
  obligations: ObligationUpdate;
}

export interface VisitRepository {
  /**
   * Stores a check-in in one transaction: the visit, its hash-chain entry and the child's chain head, the
   * idempotency record, the child's obligations, the month's counters, the audit entry and the events.
   * StaleStateError when the chain head, the child or its obligations moved since they were read (nobody's
   * conflict: the use case reads them again); AlreadyExistsError on a taken visit id (`id`) or a key another request
   * of the user holds (`Idempotency-Key`).
   */
  recordCheckIn(write: CheckInWrite): Promise<Visit>;
  get(childId: string, visitId: string): Promise<Visit | null>;
  /** Newest first by the visit's start. */
  listOfChild(childId: string, page: PageRequest): Promise<Page<Visit>>;
  /** Every visit of the child, read consistently from its partition (a child has a few dozen a year). */
  listAllOfChild(childId: string): Promise<Visit[]>;
  /** The child's visits waiting for the guardian's answer, newest recorded first. */
  listPendingOfChild(childId: string, limit: number): Promise<Visit[]>;
  /**
   * Stores the guardian's answer with its chain entry, the audit entry and the events, in one transaction. VersionConflictError when the visit changed since it was read; StaleStateError when the
   * chain head moved (the use case reads it again).
   */
  recordAnswer(write: AnswerWrite): Promise<void>;
  /** Stores the settlement of a dispute as recordAnswer stores an answer (its own chain entry, audit and events). */
  recordSettlement(write: SettlementWrite): Promise<void>;
  /**
   * Stores a correction or withdrawal with its chain entry, the child's obligations, the counters' change, the audit
   * entry and the events, in one transaction. VersionConflictError when the visit changed since it was read;
   * StaleStateError when the chain head, the child or its obligations moved (the use case reads them again).
   */
  recordAmendment(write: AmendmentWrite): Promise<void>;
  /** A town's disputed visits not yet settled, newest recorded first. */
  listDisputedInTown(townId: string, limit: number): Promise<Visit[]>;
  /** A town's visits still pending that were recorded before `before` (an instant), oldest first. */
  listPendingInTown(townId: string, before: Date, limit: number): Promise<Visit[]>;
  /** Recomputes the child's hash chain against its visits as stored now. */
  verifyChain(childId: string): Promise<ChainVerification>;
}

export interface InboxRepository {
  /** The messages of these inboxes, newest first (the copies of one message in several of them, each). */
  list(owners: InboxOwner[], limit: number): Promise<InboxMessage[]>;
  /** Marks the message read in each of these inboxes that holds it; false when none does. */
  markRead(owners: InboxOwner[], messageId: string, at: Date): Promise<boolean>;
}

export interface UserRepository {
  get(id: string): Promise<User | null>;
  findByWechatOpenId(openId: string): Promise<User | null>;
  /** Create-once: AlreadyExistsError if the id or the openid is taken. */
  create(user: User): Promise<void>;
  /** R8, issue 11: every user whose organizationId is this organization (an index query, never a scan). */
  listByOrganization(organizationId: string): Promise<User[]>;
}

export interface RegionRepository {
  get(id: string): Promise<Region | null>;
  create(region: Region): Promise<void>;
  listChildrenOf(parentId: string): Promise<Region[]>;
  /** The regions without a parent: the cities. */
  listRoots(): Promise<Region[]>;
}

export interface OrganizationRepository {
  get(id: string): Promise<Organization | null>;
  create(organization: Organization): Promise<void>;
  /** The organizations contracted by a district (organizations created before issue 9 part 5 are not listed). */
  listInDistrict(districtId: string): Promise<Organization[]>;
  /** R9: each organization's home visits and contacts in each of `months`, by organization then month. */
  servicesIn(organizationIds: readonly string[], months: readonly Month[]): Promise<Map<string, Map<Month, number>>>;
}

export interface AuditRepository {
  record(entries: AuditEntry[]): Promise<void>;
  listByChild(childId: string, limit: number): Promise<AuditEntry[]>;
  /** Issue 12 part 5: a page of the child's entries, newest first, for the trail on the child's page. */
  pageByChild(childId: string, page: PageRequest): Promise<Page<AuditEntry>>;
  listByActor(actorId: string, limit: number): Promise<AuditEntry[]>;
}

export interface RateLimitResult {
  allowed: boolean;
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Counts one attempt for `key` against a sliding window of `windowSeconds`; shared by every Lambda instance. */
  hit(key: string, limit: number, windowSeconds: number, now: Date): Promise<RateLimitResult>;
}

/** An idempotency record looked up: the request it must match and the instant its validity is judged at. */
export interface IdempotencyLookup {
  userId: string;
  key: string;
  request: unknown;
  now: Date;
}

/** Whether a key was used before: not (or expired), for this very request (and which visit it stored), or another. */
export type IdempotentMatch = { kind: 'none' } | { kind: 'same'; childId: string; visitId: string } | { kind: 'different' };

/** The items one step of a use case reads by key, all at once. */
export interface RecordRequest {
  users?: readonly string[];
  regions?: readonly string[];
  organizations?: readonly string[];
  child?: string;
  visit?: { childId: string; visitId: string };
  /** Several children or visits at once (the inbox's messages name them). */
  children?: readonly string[];
  visits?: readonly { childId: string; visitId: string }[];
  /** Difficult cases by id (the inbox's messages about them). */
  escalations?: readonly string[];
  /** The child whose chain head is read; the empty chain when it has none. */
  chainHead?: string;
  /** The child whose obligation state is read. */
  obligationState?: string;
  /** The district whose policy is read; the default policy when it stored none. */
  policy?: string;
  idempotency?: IdempotencyLookup;
}

/** What was found; ids that were not are absent from the maps, records that were not are null. */
export interface Records<R extends RecordRequest = RecordRequest> {
  users: ReadonlyMap<string, User>;
  regions: ReadonlyMap<string, Region>;
  organizations: ReadonlyMap<string, Organization>;
  child: Child | null;
  visit: Visit | null;
  /** Of `children`, by id; of `visits`, by visit id. */
  children: ReadonlyMap<string, Child>;
  visits: ReadonlyMap<string, Visit>;
  escalations: ReadonlyMap<string, Escalation>;
  obligationState: ObligationState | null;
  chainHead: R extends { chainHead: string } ? ChainHead : ChainHead | null;
  policy: R extends { policy: string } ? EffectivePolicy : EffectivePolicy | null;
  idempotency: R extends { idempotency: IdempotencyLookup } ? IdempotentMatch : IdempotentMatch | null;
}

export interface RecordReader {
  /** One BatchGetItem with consistent reads (none when nothing is asked; more, in parallel, beyond 100 keys); a key asked twice is read once. */
  read<R extends RecordRequest>(request: R): Promise<Records<R>>;
}

/**
 * The reminders job's reads across a town (issue 9), each one query on an index that holds only what it counts, so
 * the work grows with what is due, disputed or waiting, never with the town's children or visits: the sparse index of
 * children without a team, the town's visits needing attention (pending and disputed only), the town's concern queue
 * (open ones first) and the users holding a post in the town.
 */
export interface ReminderReads {
  /** The users whose scope is this region, with this role (a town's supervisors). */
  listUsersInRegion(regionId: string, role: Role): Promise<User[]>;
  countChildrenWithoutTeam(townId: string): Promise<number>;
  /** Disputes not yet settled. */
  countDisputedVisits(townId: string): Promise<number>;
  /** Visits still waiting for the guardian that were recorded before `before`. */
  countPendingVisits(townId: string, before: Date): Promise<number>;
  /** Open concern reports not yet acknowledged (still `received`). */
  countUnacknowledgedConcerns(townId: string): Promise<number>;
}

export interface Repositories {
  records: RecordReader;
  children: ChildRepository;
  policies: PolicyRepository;
  obligations: ObligationRepository;
  visits: VisitRepository;
  inbox: InboxRepository;
  users: UserRepository;
  regions: RegionRepository;
  organizations: OrganizationRepository;
  audit: AuditRepository;
  rateLimiter: RateLimiter;
  /** The events written with the changes, for the relay (event-ports.ts). */
  outbox: OutboxRepository;
  /** The consumers' inbox channel: messages and the processed record of the event in one transaction. */
  inboxDelivery: InboxDelivery;
  /** Concern reports (issue 8, R17). */
  concerns: ConcernRepository;
  /** Difficult cases (issue 8, R6). */
  escalations: EscalationRepository;
  /** Timers as schedule items in the table, for one machine (the cloud schedules with EventBridge Scheduler). */
  deadlines: DeadlineScheduler & DueDeadlines;
  /** Outside channels' sends, claimed before they go out (at most once). */
  channelDeliveries: ChannelDeliveries;
  /** WeChat subscription-message consents, per user and template. */
  consents: SubscriptionConsents;
  /** The reminders job's counts and lists across a town, each from an index (issue 9). */
  reminderReads: ReminderReads;
  /** The runs of the recurring jobs (issue 9), one per job and scheduled time. */
  jobRuns: JobRuns;
  monthlyReports: MonthlyReports;
  /** Each district's recomputation of its children under its newest policy (issue 9, part 2). */
  policyRefreshes: PolicyRefreshes;
  /** The counters kept with the records, as the monthly roll-up reads them. */
  monthlyCounters: MonthlyCounters;
  /** R4: the monthly reports as sent up, one per region and month. */
  reportSubmissions: ReportSubmissions;
  /** R24: the towns' quarterly dispatches, one per town and quarter. */
  quarterlyDispatches: QuarterlyDispatches;
  /** Issue 12: each child's case (R2 plan, R15 reviews and closing, handbook, R22 state guardianship). */
  casePlans: CasePlans;
  /** R12: safety-education sessions and the schools they may be for (issue 11 part 3). */
  safetySessions: SafetySessions;
  schools: Schools;
  /** R8, issue 11: signed child-protection pledges, one per user and version, never updated. */
  pledgeSignatures: PledgeSignatures;
  /** Issue 10: chat users bound to accounts, the one-time codes that bind them, conversations and message receipts. */
  chatBindings: ChatBindings;
  bindCodes: BindCodes;
  conversations: Conversations;
  messageReceipts: MessageReceipts;
  /** Issue 11 part 2: volunteers' applications, one per WeChat user. */
  volunteerApplications: VolunteerApplications;
  /** R5: the organizations' group activities and their sign-ups (issue 11 part 4). */
  activities: ActivityRepository;
  /** R7, issue 12: the children's files sent to the district, per district and year. */
  caseFileSubmissions: CaseFileSubmissions;
  /** Issue 12 part 6: callback samples drawn by officers and the calls recorded (seed 000 §六(一)). */
  callbackInspections: CallbackInspections;
  /** Issue 12 part 7, R23: workers' yearly evaluations. */
  workerEvaluations: WorkerEvaluations;
  /** Issue 12, R18: children's guardianship assessments (written with the child, see ChildChange). */
  assessments: Assessments;
}
