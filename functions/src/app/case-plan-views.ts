import type { CasePlanView } from '../domain/access-policy.js';
import type { CaseClosing, CasePlan, HandbookRecord, PlanReview, StateGuardianship } from '../domain/case-plan.js';
import type { Child } from '../domain/child.js';
import type { CaseRecords } from '../store/ports.js';

/** The team's view of a child's case: everything, people by name. */
export interface FullCaseView {
  view: 'full';
  childId: string;
  childName: string;
  status: 'none' | CasePlan['status'];
  plan: (Omit<CasePlan, 'tasks' | 'requestKey' | 'recordedBy' | 'childId'> & { tasks: (CasePlan['tasks'][number] & { assigneeName: string })[]; recordedByName: string }) | null;
  nextReviewOn: string | null;
  history: { version: number; recordedAt: string; recordedByName: string }[];
  reviews: (Omit<PlanReview, 'recordedBy' | 'childId'> & { recordedByName: string })[];
  closing: CaseClosing | null;
  handbook: HandbookRecord | null;
  stateGuardianship: StateGuardianship | null;
  team: { id: string; name: string; role: string }[];
  canEdit: boolean;
}

/**
 * A guardian's view (R2): what the family is told: goals in plain words, services, what the family agreed to do,
 * the next review and the closing notice. No tasks, internal notes, reviews or closing report.
 */
export interface FamilyCaseView {
  view: 'family';
  childId: string;
  childName: string;
  status: 'none' | CasePlan['status'];
  goals: { goal: string; success: string }[];
  services: { service: string; provider: string }[];
  told: string;
  familyAgrees: string;
  nextReviewOn: string | null;
  closingNotice: { toldOn: string; earliestClosingOn: string; closedOn: string | null; familyMessage: string | null; followUpUntil: string | null } | null;
}

export type CaseView = FullCaseView | FamilyCaseView;

/** R15: the next review is the last review's choice, else the plan's; none once closed. */
export function nextReviewOf(records: Pick<CaseRecords, 'plan' | 'reviews'>): string | null {
  if (!records.plan || records.plan.status === 'closed') return null;
  const latest = [...records.reviews].sort((a, b) => (a.reviewedOn < b.reviewedOn ? -1 : a.reviewedOn > b.reviewedOn ? 1 : a.recordedAt < b.recordedAt ? -1 : 1)).at(-1);
  return latest?.nextReviewOn ?? records.plan.nextReviewOn;
}

export function familyViewOf(child: Pick<Child, 'id' | 'name'>, records: CaseRecords): FamilyCaseView {
  const { plan, closing } = records;
  return {
    view: 'family',
    childId: child.id,
    childName: child.name,
    status: plan?.status ?? 'none',
    goals: plan?.goals.map(({ goal, success }) => ({ goal, success })) ?? [],
    services: plan?.services ?? [],
    told: plan?.family.told ?? '',
    familyAgrees: plan?.family.familyAgrees ?? '',
    nextReviewOn: nextReviewOf(records),
    closingNotice: closing
      ? {
          toldOn: closing.announcement.toldOn,
          earliestClosingOn: closing.announcement.earliestClosingOn,
          closedOn: closing.report?.closedOn ?? null,
          familyMessage: closing.report?.familyMessage ?? null,
          followUpUntil: closing.report?.followUp.endsOn ?? null,
        }
      : null,
  };
}

export function fullViewOf(
  child: Pick<Child, 'id' | 'name'>,
  records: CaseRecords,
  names: ReadonlyMap<string, string>,
  team: FullCaseView['team'],
  canEdit: boolean,
): FullCaseView {
  const nameOf = (id: string) => names.get(id) ?? '';
  const { plan } = records;
  return {
    view: 'full',
    childId: child.id,
    childName: child.name,
    status: plan?.status ?? 'none',
    plan: plan
      ? (() => {
          const { tasks, requestKey: _key, recordedBy, childId: _child, ...rest } = plan;
          return { ...rest, tasks: tasks.map((task) => ({ ...task, assigneeName: nameOf(task.assigneeId) })), recordedByName: recordedBy.name };
        })()
      : null,
    nextReviewOn: nextReviewOf(records),
    history: records.planHistory.map((version) => ({ version: version.version, recordedAt: version.recordedAt, recordedByName: version.recordedBy.name })),
    reviews: records.reviews.map(({ recordedBy, childId: _child, ...review }) => ({ ...review, recordedByName: recordedBy.name })),
    closing: records.closing,
    handbook: records.handbook,
    stateGuardianship: records.stateGuardianship,
    team,
    canEdit: canEdit && plan?.status !== 'closed',
  };
}
