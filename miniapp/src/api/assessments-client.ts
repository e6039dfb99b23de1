import type { ApiCall } from './client';
import type { AssessmentInput, AssessmentRecorded, AssessmentView, ChildAssessments, RiskOverrideInput } from './assessment-types';
import type { ChildDetail } from './types';

/** Issue 12, R18: a child's guardianship assessments and the supervisor's override of its risk level. */
export interface AssessmentsApi {
  /** The team or the town's supervisor; the same key again answers the same assessment (a retry records once). */
  recordAssessment(childId: string, input: AssessmentInput, idempotencyKey: string): Promise<AssessmentRecorded>;
  childAssessments(childId: string): Promise<ChildAssessments>;
  getAssessment(childId: string, assessmentId: string): Promise<AssessmentView>;
  /** The town's supervisor, with a reason; 409 when the child changed meanwhile. */
  overrideRiskLevel(childId: string, input: RiskOverrideInput): Promise<ChildDetail>;
}

const childPath = (childId: string, rest: string) => `/children/${encodeURIComponent(childId)}${rest}`;

export function assessmentCalls(send: ApiCall): AssessmentsApi {
  return {
    recordAssessment: (childId, input, idempotencyKey) =>
      send({ method: 'POST', path: childPath(childId, '/assessments'), body: input, headers: { 'Idempotency-Key': idempotencyKey } }),
    childAssessments: (childId) => send({ method: 'GET', path: childPath(childId, '/assessments') }),
    getAssessment: (childId, assessmentId) => send({ method: 'GET', path: childPath(childId, `/assessments/${encodeURIComponent(assessmentId)}`) }),
    overrideRiskLevel: (childId, input) => send({ method: 'POST', path: childPath(childId, '/risk-override'), body: input }),
  };
}
