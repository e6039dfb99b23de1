/**
 * Request and response shapes of the API, taken from its zod schemas. Everything here is `import type`: nothing
 * of zod or the schemas exists at run time, so none of it reaches the mini-program bundle.
 */
import type { z } from 'zod';
import type {
  childListResponseSchema,
  filterVillageListSchema,
  LoginResponse,
  Me as ApiMe,
  SessionUser as ApiSessionUser,
} from '../../../functions/src/api/schemas';
import type { ChildDetail, ChildSummary } from '../../../functions/src/domain/child-views';
import type { Scope } from '../../../functions/src/domain/region';
import type {
  attentionQuerySchema,
  attentionVisitListSchema,
  chainIntegritySchema,
  childCountSchema,
  dueItemSchema,
  inboxListSchema,
  pendingVisitListSchema,
  policyPreviewSchema,
  policyViewSchema,
  ruleCatalogueSchema,
  visitDetailSchema,
  visitPageSchema,
  visitViewSchema,
} from '../../../functions/src/api/visit-schemas';
import type { childPageSchema } from '../../../functions/src/api/child-team';
import type { ChildListFilter } from '../../../functions/src/domain/child-list-filter';
import type { InboxItem } from '../../../functions/src/domain/inbox-views';
import type { DueDigest, GuardianDigest, SupervisorDigest } from '../../../functions/src/domain/inbox';
import type { DistrictPolicy, Obligation, UpdateDistrictPolicyInput } from '../../../functions/src/domain/obligation';
import type { Role } from '../../../functions/src/domain/user';
import type {
  CheckInInput,
  ConfirmVisitInput,
  CorrectableVisitField,
  CorrectVisitInput,
  DisputeOutcome,
  SettleDisputeInput,
  VisitChanges,
  WithdrawVisitInput,
} from '../../../functions/src/domain/visit';

export type { ChildDetail, ChildSummary, Role, Scope };

/** Who is logged in, as login and /me describe them. */
export type SessionUser = ApiSessionUser & {
  /** The scope region's name (e.g. 青松村) when known: the demo login list has it, login answers do not (yet). */
  scopeName?: string | null;
};

export type LoginResult = Omit<LoginResponse, 'user'> & { user: SessionUser };

/** /me: the session user plus R8's pledge state (whether this role must sign, and whether it has). */
export type Me = ApiMe & Pick<SessionUser, 'scopeName'>;

/** A seeded demo account offered by the local server's dev login (functions/src/api/dev-login.ts). */
export interface DevUser {
  id: string;
  name: string;
  role: Role;
  roleName: string;
  /** The account's region (or a social worker's organization) by name; null for a guardian. */
  scopeName: string | null;
}

export type ChildListPage = z.infer<typeof childListResponseSchema>;

export type { ChildListFilter };

/** A page of the list, searched by name and filtered by village, grade and category (issue 7, B8). */
export interface ListChildrenQuery extends ChildListFilter {
  cursor?: string | null;
  /** 1–100; the server's default is 20. */
  limit?: number;
}

/** A village the list may be narrowed to, with its town. */
export type FilterVillage = z.infer<typeof filterVillageListSchema>['items'][number];

/** GET /children/count: how many children the user may see, so the home page need not walk the list. */
export type ChildCount = z.infer<typeof childCountSchema>;

/** Issue 3 (notes/VISITS-API.md): visits, obligations, confirmations. Requests are the domain's input types. */
export type { CheckInInput, ConfirmVisitInput, DistrictPolicy, Obligation };

/**
 * A visit as the API shows it to the reader: with the names of the people who came; guardians get it without the
 * worker's notes, problems found, R3 judgement and location.
 */
export type Visit = z.infer<typeof visitViewSchema>;
export type VisitPage = z.infer<typeof visitPageSchema>;

/** A district's rules as they apply: `chosen` is false while the district follows the national ones (version 0). */
export type PolicyView = z.infer<typeof policyViewSchema>;
/** How far the recomputation of the district's children under its latest policy has come. */
export type PolicyRefreshView = NonNullable<PolicyView['refresh']>;
/** What saving other rules would move (POST /districts/{id}/policy/preview). */
export type PolicyPreview = z.infer<typeof policyPreviewSchema>;
export type PolicyInput = UpdateDistrictPolicyInput;

/**
 * One visit's page (issue 7, B1): the visit as the reader may see it, the child's and village's names, the names of
 * everyone it mentions, and what the reader may do with it now (answer, settle, amend and until when).
 */
export type VisitDetail = z.infer<typeof visitDetailSchema>;

/** Issue 7, B2–B3: the supervisor's settlement of a dispute, the author's correction and withdrawal. */
export type { CorrectableVisitField, CorrectVisitInput, DisputeOutcome, SettleDisputeInput, VisitChanges, WithdrawVisitInput };

/** One rule of the catalogue (GET /policy/rules). */
export type PolicyRule = z.infer<typeof ruleCatalogueSchema>['rules'][number];

/** An obligation as the schedules list it: the child and village by name, whose duty, and how late (0 when not yet). */
export type DueItem = z.infer<typeof dueItemSchema>;

export interface ListVisitsQuery {
  cursor?: string | null;
  limit?: number;
}

/** A visit waiting for the logged-in guardian's answer. */
export type PendingVisit = z.infer<typeof pendingVisitListSchema>['items'][number];

/** A visit the supervisor should follow up: disputed, or unconfirmed for longer than the district allows. */
export type AttentionVisit = z.infer<typeof attentionVisitListSchema>['items'][number];
export type AttentionState = z.infer<typeof attentionQuerySchema>['state'];

export type VisitIntegrity = z.infer<typeof chainIntegritySchema>;

/**
 * Every role's inbox (issue 7, B8): the newest messages, each about its child and visit as the reader may see them
 * (`about` null when they may no longer read the child), and how many are unread.
 */
export type InboxList = z.infer<typeof inboxListSchema>;
export type { InboxItem };
/** The counts of each kind of morning digest (issue 9); the message's kind says which. */
export type { DueDigest, GuardianDigest, SupervisorDigest };

/** A child's page (GET /children/{id}): the record as the role may see it and its team by name, role and work phone. */
export type ChildPage = z.infer<typeof childPageSchema>;
export type TeamMember = ChildPage['teamMembers'][number];

/** The user's consents to WeChat subscription messages, per configured template (GET/POST /me/subscriptions). */
export type SubscriptionStatus = z.infer<typeof import('../../../functions/src/api/subscription-schemas').subscriptionStatusSchema>;
export type SubscriptionReport = z.infer<typeof import('../../../functions/src/api/subscription-schemas').subscriptionReportSchema>;
