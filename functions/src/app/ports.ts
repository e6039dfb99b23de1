import type { Clock } from '../domain/time.js';
import type {
  AuditRepository,
  ChildRepository,
  InboxRepository,
  ObligationRepository,
  PolicyRefreshes,
  PolicyRepository,
  RecordReader,
  RegionRepository,
  VisitRepository,
} from '../store/ports.js';

/**
 * The ports each use case takes (ARCHITECTURE.md, "Use cases, events and jobs"): only what it uses, never the
 * whole app's dependencies, the session secret or the WeChat configuration. The repositories are the store's ports;
 * the composition root hands over the DynamoDB adapters.
 */
export interface Basics {
  clock: Clock;
  newId: () => string;
}

type Reads = { records: RecordReader };

export type ReadChildPorts = Basics & Reads & { audit: Pick<AuditRepository, 'record'> };
export type ListChildrenPorts = Basics & Reads & { children: Pick<ChildRepository, 'list'>; audit: Pick<AuditRepository, 'record'> };
export type CountChildrenPorts = Reads & { children: Pick<ChildRepository, 'count'> };
export type FilterVillagesPorts = Reads & { children: Pick<ChildRepository, 'list'>; regions: Pick<RegionRepository, 'listChildrenOf'> };
export type RegisterChildPorts = Basics & Reads & { children: Pick<ChildRepository, 'create'> };
export type ChildChangePorts = Basics & Reads & { children: Pick<ChildRepository, 'update'> };
export type ImportChildPorts = Reads & { children: Pick<ChildRepository, 'create'> };
export type RefreshObligationsPorts = Reads & {
  children: Pick<ChildRepository, 'list'>;
  obligations: Pick<ObligationRepository, 'refresh'>;
};
export type RecordVisitPorts = Reads & { visits: Pick<VisitRepository, 'recordCheckIn'> };
export type CheckInPorts = Basics & RecordVisitPorts;
export type AnswerVisitPorts = Basics & Reads & { visits: Pick<VisitRepository, 'recordAnswer'> };
export type ReadVisitPorts = Basics & Reads & { audit: Pick<AuditRepository, 'record'> };
export type SettleDisputePorts = Basics & Reads & { visits: Pick<VisitRepository, 'recordSettlement'> };
export type AmendVisitPorts = Basics & Reads & { visits: Pick<VisitRepository, 'recordAmendment' | 'listAllOfChild'> };
/** How much of a district one invocation of the policy refresh walks: pages of children, and when it hands over. */
export interface PolicyRefreshLimits {
  pageSize: number;
  /** Checked after each page (at least one page is always walked), so one page more than this can be spent. */
  budgetMs: number;
}
export type ContinuePolicyRefreshPorts = Basics &
  RefreshObligationsPorts & {
    policyRefreshes: PolicyRefreshes;
    policyRefreshLimits: PolicyRefreshLimits;
    /** Milliseconds on a monotonic clock, for the budget (the product's clock may be held still in tests). */
    elapsedMs: () => number;
  };
export type ChangePolicyPorts = Basics & Reads & { children: Pick<ChildRepository, 'count'>; policies: Pick<PolicyRepository, 'put'> };
export type PreviewPolicyPorts = Pick<Basics, 'clock'> &
  Reads & {
    children: Pick<ChildRepository, 'list'>;
    obligations: Pick<ObligationRepository, 'statesOf'>;
  };
export type ListInboxPorts = Basics & Reads & { inbox: Pick<InboxRepository, 'list'>; audit: Pick<AuditRepository, 'record'> };
export type CountUnreadMessagesPorts = Reads & { inbox: Pick<InboxRepository, 'list'> };
export type MarkMessageReadPorts = Pick<Basics, 'clock'> & Reads & { inbox: Pick<InboxRepository, 'markRead'> };
