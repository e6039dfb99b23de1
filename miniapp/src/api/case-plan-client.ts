import type { CaseView, CloseCaseInput, GoalOutcome, NoticeChannel, StateGuardianshipStep } from './case-plan-types';
import type { ApiCall } from './client';

/** R15: one periodic evaluation of the plan; `nextReviewOn` null means three months on. */
export interface PlanReviewInput {
  reviewedOn: string;
  childChange: string;
  goals: { outcome: GoalOutcome; note: string }[];
  resourcesUsed: string;
  nextReviewOn: string | null;
}

export interface ClosingAnnouncementInput {
  toldOn: string;
  how: NoticeChannel;
  toldWhom: string;
}

export interface HandbookInput {
  handedOverOn: string;
  handedOverById: string;
  guardianName: string;
}

/** Issue 12: a child's case (plan, reviews, closing, handbook, temporary state guardianship) as the reader may see it. */
export interface CasePlanApi {
  casePlan(childId: string): Promise<CaseView>;
  /** R2: saves the plan over the version read; the key makes a retry store it once. */
  saveCasePlan(childId: string, body: unknown, key: string): Promise<CaseView>;
  /** R15: records a periodic evaluation; the key makes a retry store it once. */
  reviewCasePlan(childId: string, body: PlanReviewInput, key: string): Promise<CaseView>;
  /** R15: the family was told the case will close (at the earliest seven days on). */
  announceClosing(childId: string, body: ClosingAnnouncementInput): Promise<CaseView>;
  /** R15: the closing report and the agreed follow-up. */
  closeCase(childId: string, body: CloseCaseInput): Promise<CaseView>;
  /** R2: the care handbook handed over at the first visit. */
  recordHandbook(childId: string, body: HandbookInput): Promise<CaseView>;
  /** R22: a step of temporary state guardianship; repeating the same step changes nothing. */
  recordStateGuardianship(childId: string, body: StateGuardianshipStep): Promise<CaseView>;
}

export function casePlanCalls(send: ApiCall): CasePlanApi {
  const child = (childId: string) => `/children/${encodeURIComponent(childId)}`;
  return {
    casePlan: (childId) => send<CaseView>({ method: 'GET', path: `${child(childId)}/plan` }),
    saveCasePlan: (childId, body, key) => send<CaseView>({ method: 'PUT', path: `${child(childId)}/plan`, body, headers: { 'Idempotency-Key': key } }),
    reviewCasePlan: (childId, body, key) =>
      send<CaseView>({ method: 'POST', path: `${child(childId)}/plan/reviews`, body, headers: { 'Idempotency-Key': key } }),
    announceClosing: (childId, body) => send<CaseView>({ method: 'POST', path: `${child(childId)}/closing/announcement`, body }),
    closeCase: (childId, body) => send<CaseView>({ method: 'POST', path: `${child(childId)}/closing`, body }),
    recordHandbook: (childId, body) => send<CaseView>({ method: 'PUT', path: `${child(childId)}/handbook`, body }),
    recordStateGuardianship: (childId, body) => send<CaseView>({ method: 'POST', path: `${child(childId)}/state-guardianship`, body }),
  };
}
