import type { CaseFile } from '../domain/case-file.js';
import type { CaseFileSubmission } from '../domain/case-file-submission.js';
import type { Actor, Principal } from '../domain/user.js';
import type { Repositories } from '../store/ports.js';
import { readAccessTrail, type AccessTrailPage } from './access-trail.js';
import { loadCaseFile, type CaseFileFormat } from './case-file.js';
import type { CaseFileSubmissionPorts, RenderCaseFilePdf } from './case-file-ports.js';
import { readSubmissionProgress, submitCaseFile, type SubmissionProgress } from './case-file-submission.js';
import type { ImageBytes, PledgeSealer } from './pledge-ports.js';
import type { Basics } from './ports.js';

/** Issue 12 parts 4 and 5 (R7), bound to their ports; the PDF renderer and the seal come from the API's composition. */
export interface CaseFileUseCases {
  loadCaseFile(principal: Principal, childId: string, format: CaseFileFormat): Promise<CaseFile>;
  readAccessTrail(principal: Principal, childId: string, page: { limit: number; cursor: string | null }): Promise<AccessTrailPage>;
  submitCaseFile(principal: Principal, childId: string, year: number): Promise<CaseFileSubmission>;
  readSubmissionProgress(actor: Actor, districtId: string, year: number): Promise<SubmissionProgress>;
}

export function createCaseFileUseCases(
  deps: Basics & { repositories: Repositories; sealer: PledgeSealer; images: ImageBytes; renderPdf: RenderCaseFilePdf },
): CaseFileUseCases {
  const { repositories: r, clock, newId, sealer, images, renderPdf } = deps;
  const ports: CaseFileSubmissionPorts = {
    clock,
    newId,
    sealer,
    images,
    renderPdf,
    records: r.records,
    visits: r.visits,
    concerns: r.concerns,
    escalations: r.escalations,
    assessments: r.assessments,
    casePlans: r.casePlans,
    pledgeSignatures: r.pledgeSignatures,
    audit: r.audit,
    children: r.children,
    regions: r.regions,
    caseFileSubmissions: r.caseFileSubmissions,
  };
  return {
    loadCaseFile: (principal, childId, format) => loadCaseFile(ports, principal, childId, format),
    readAccessTrail: (principal, childId, page) => readAccessTrail(ports, principal, childId, page),
    submitCaseFile: (principal, childId, year) => submitCaseFile(ports, principal, childId, year),
    readSubmissionProgress: (actor, districtId, year) => readSubmissionProgress(ports, actor, districtId, year),
  };
}
