import type { ApiCall } from './client';
import type { AccessTrail, CaseFileFormat, CaseFileSubmissionView, SubmissionProgress } from './case-file-types';

/** Issue 12 parts 4 and 5 (R7): the child's read and export trail, the yearly submission and its progress. */
export interface CaseFileApi {
  accessTrail(childId: string, cursor?: string | null): Promise<AccessTrail>;
  submitCaseFile(childId: string, year: number): Promise<CaseFileSubmissionView>;
  submissionProgress(districtId: string, year: number): Promise<SubmissionProgress>;
}

export function caseFileCalls(send: ApiCall): CaseFileApi {
  return {
    accessTrail: (childId, cursor) =>
      send<AccessTrail>({ method: 'GET', path: `/children/${encodeURIComponent(childId)}/access-trail?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}` }),
    submitCaseFile: (childId, year) => send<CaseFileSubmissionView>({ method: 'POST', path: `/case-files/${year}/children/${encodeURIComponent(childId)}` }),
    submissionProgress: (districtId, year) => send<SubmissionProgress>({ method: 'GET', path: `/case-files/districts/${encodeURIComponent(districtId)}/${year}` }),
  };
}

/** The path (under /api/v1) of a child's file as one PDF or a zip of its parts. */
export function caseFilePath(childId: string, format: CaseFileFormat): string {
  return `/children/${encodeURIComponent(childId)}/file.${format}`;
}
