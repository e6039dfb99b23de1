import type { CaseView } from './case-plan-types';
import type { ApiCall } from './client';

/** Issue 12: a child's case (plan, reviews, closing) as the reader may see it. */
export interface CasePlanApi {
  casePlan(childId: string): Promise<CaseView>;
}

export function casePlanCalls(send: ApiCall): CasePlanApi {
  return {
    casePlan: (childId) => send<CaseView>({ method: 'GET', path: `/children/${encodeURIComponent(childId)}/plan` }),
  };
}
