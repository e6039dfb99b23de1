import type { Assessment } from '../domain/guardianship-assessment.js';

/**
 * Issue 12, R18: a child's guardianship assessments, read here; written only with the child's change they make
 * (ChildRepository.update with `assessment`), so the level, the obligations and the assessment never part.
 * The adapter is assessments.ts.
 */
export interface Assessments {
  get(childId: string, assessmentId: string): Promise<Assessment | null>;
  /** All of the child's assessments, newest first (a handful a year: one query). */
  listOfChild(childId: string): Promise<Assessment[]>;
}
