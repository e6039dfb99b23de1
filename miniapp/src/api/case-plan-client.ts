import type { CaseView } from './case-plan-types';
import type { ApiCall } from './client';

/** Issue 12: a child's case (plan, reviews, closing) as the reader may see it. */
export interface CasePlanApi {
  casePlan(childId: string): Promise<CaseView>;
  /** R2: saves the plan over the version read; the key makes a retry store it once. */
  saveCasePlan(childId: string, body: unknown, key: string): Promise<CaseView>;
}

export function casePlanCalls(send: ApiCall): CasePlanApi {
  return {
    casePlan: (childId) => send<CaseView>({ method: 'GET', path: `/children/${encodeURIComponent(childId)}/plan` }),
    saveCasePlan: (childId, body, key) =>
      send<CaseView>({ method: 'PUT', path: `/children/${encodeURIComponent(childId)}/plan`, body, headers: { 'Idempotency-Key': key } }),
  };
}
