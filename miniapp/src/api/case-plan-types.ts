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
  reviews: { id: string; reviewedOn: string; childChange: string; resourcesUsed: string; nextReviewOn: string; recordedByName: string }[];
  handbook: { handedOverOn: string; handedOverByName: string; guardianName: string } | null;
  team: { id: string; name: string; role: string }[];
  canEdit: boolean;
}

export type CaseView = FullCaseView | FamilyCaseView;
