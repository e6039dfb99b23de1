/** Issue 12 (R2, R15, R22): a child's case as the API answers it (functions/src/app/case-plan-views.ts). */
export type CaseStatus = 'none' | 'open' | 'closingAnnounced' | 'closed';

export interface PlanGoal {
  goal: string;
  success: string;
}

export interface PlanService {
  service: string;
  provider: string;
}

export interface PlanTask {
  task: string;
  assigneeId: string;
  assigneeName: string;
  dueOn: string;
}

export type GoalOutcome = 'reached' | 'partly' | 'not';

/** R15: a periodic evaluation of the plan, one outcome per goal in the plan's order. */
export interface PlanReview {
  id: string;
  planVersion: number;
  reviewedOn: string;
  childChange: string;
  goals: { outcome: GoalOutcome; note: string }[];
  resourcesUsed: string;
  nextReviewOn: string;
  recordedAt: string;
  recordedByName: string;
}

export type NoticeChannel = 'inPerson' | 'phone' | 'letter' | 'wechat';
export type ClosingReason = 'goalsReached' | 'riskRemoved' | 'movedAway' | 'transferred' | 'agedOut' | 'other';
/** Who a follow-up falls to (functions' obligation performers). */
export type FollowUpPerformer = 'socialWorker' | 'director';

/** R15: the follow-up agreed at closing, run like the visit rules' (performer, interval, start and end). */
export interface ClosingFollowUp {
  performer: FollowUpPerformer;
  startsOn: string;
  interval: { unit: 'day' | 'month'; count: number };
  endsOn: string;
}

/** R15 结案报告 as sent: the report and the follow-up agreed with the family. */
export interface CloseCaseInput {
  closedOn: string;
  reason: ClosingReason;
  summary: string;
  situationAtClosing: string;
  familyMessage: string;
  followUp: ClosingFollowUp;
}

/** R15: the family told in advance, then the closing report. */
export interface CaseClosing {
  childId: string;
  announcement: { toldOn: string; how: NoticeChannel; toldWhom: string; earliestClosingOn: string; recordedBy: { id: string; name: string } };
  report: (CloseCaseInput & { recordedBy: { id: string; name: string } }) | null;
}

/** R22: temporary state guardianship, its deadlines and steps. */
export interface StateGuardianship {
  childId: string;
  placedOn: string;
  institution: string;
  evaluateBy: string | null;
  evaluations: { on: string; cleared: boolean; note: string }[];
  collectBy: string | null;
  collected: { on: string; guardianName: string } | null;
  version: number;
}

export type StateGuardianshipStep =
  | { step: 'placed'; on: string; institution: string }
  | { step: 'evaluated'; on: string; cleared: boolean; note: string }
  | { step: 'collected'; on: string; guardianName: string };

/** A guardian's view: the family-facing part only. */
export interface FamilyCaseView {
  view: 'family';
  childId: string;
  childName: string;
  status: CaseStatus;
  goals: PlanGoal[];
  services: PlanService[];
  told: string;
  familyAgrees: string;
  nextReviewOn: string | null;
  closingNotice: { toldOn: string; earliestClosingOn: string; closedOn: string | null; familyMessage: string | null; followUpUntil: string | null } | null;
}

/** The team's, the supervisor's and the officers' view. */
export interface FullCaseView {
  view: 'full';
  childId: string;
  childName: string;
  status: CaseStatus;
  plan: {
    /** R2: the assessment the plan was built from, if the team named one. */
    assessmentId: string | null;
    goals: PlanGoal[];
    services: PlanService[];
    tasks: PlanTask[];
    family: { told: string; familyAgrees: string };
    internalNotes: string;
    nextReviewOn: string;
    version: number;
    recordedAt: string;
    recordedByName: string;
  } | null;
  nextReviewOn: string | null;
  history: { version: number; recordedAt: string; recordedByName: string }[];
  reviews: PlanReview[];
  closing: CaseClosing | null;
  handbook: { handedOverOn: string; handedOverById: string; handedOverByName: string; guardianName: string } | null;
  stateGuardianship: StateGuardianship | null;
  team: { id: string; name: string; role: string }[];
  canEdit: boolean;
}

export type CaseView = FullCaseView | FamilyCaseView;
