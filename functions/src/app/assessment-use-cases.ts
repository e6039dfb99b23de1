import type { Assessment, AssessmentInput, RiskOverrideInput } from '../domain/guardianship-assessment.js';
import type { Child } from '../domain/child.js';
import type { Actor, Principal } from '../domain/user.js';
import type { Repositories } from '../store/ports.js';
import type { AssessmentKeys } from './assessment-ports.js';
import { listChildAssessments, namesOfPeopleIn, type ChildAssessments } from './list-child-assessments.js';
import { overrideRiskLevel } from './override-risk-level.js';
import type { Basics } from './ports.js';
import { readAssessment, type AssessmentRead } from './read-assessment.js';
import { recordAssessment, type AssessmentRecorded } from './record-assessment.js';

/** Issue 12's guardianship assessments (R18, R2, R21) bound to their ports; ids from compose/assessment-keys.ts. */
export interface AssessmentUseCases {
  recordAssessment(principal: Principal, childId: string, input: AssessmentInput, idempotencyKey: string): Promise<AssessmentRecorded>;
  listChildAssessments(principal: Principal, childId: string): Promise<ChildAssessments>;
  readAssessment(principal: Principal, childId: string, assessmentId: string): Promise<AssessmentRead>;
  overrideRiskLevel(principal: Principal, childId: string, input: RiskOverrideInput): Promise<{ actor: Actor; child: Child }>;
  /** The names of those present and the recorder, for the answer to a recording. */
  namesFor(assessment: Assessment): Promise<{ names: Map<string, string> }>;
}

export function createAssessmentUseCases(deps: Basics & { repositories: Repositories; assessmentKeys: AssessmentKeys }): AssessmentUseCases {
  const ports = { ...deps.repositories, clock: deps.clock, newId: deps.newId, assessmentKeys: deps.assessmentKeys };
  return {
    recordAssessment: (principal, childId, input, key) => recordAssessment(ports, principal, childId, input, key),
    listChildAssessments: (principal, childId) => listChildAssessments(ports, principal, childId),
    readAssessment: (principal, childId, assessmentId) => readAssessment(ports, principal, childId, assessmentId),
    overrideRiskLevel: (principal, childId, input) => overrideRiskLevel(ports, principal, childId, input),
    namesFor: async (assessment) => ({ names: await namesOfPeopleIn(ports, [assessment]) }),
  };
}
