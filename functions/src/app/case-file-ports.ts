import type { CaseFile } from '../domain/case-file.js';
import type { Assessments, AuditRepository, CasePlans, CaseFileSubmissions, ChildRepository, ConcernRepository, EscalationRepository, PledgeSignatures, RecordReader, RegionRepository, VisitRepository } from '../store/ports.js';
import type { ImageBytes, PledgeSealer } from './pledge-ports.js';
import type { Basics } from './ports.js';

/** What the one-child-one-file use cases read (R7, issue 12 parts 4 and 5). */
export type CaseFilePorts = Basics & {
  records: RecordReader;
  visits: Pick<VisitRepository, 'listAllOfChild'>;
  concerns: Pick<ConcernRepository, 'listOfChild'>;
  escalations: Pick<EscalationRepository, 'listOfChild'>;
  assessments: Pick<Assessments, 'listOfChild'>;
  casePlans: Pick<CasePlans, 'read'>;
  pledgeSignatures: Pick<PledgeSignatures, 'get'>;
  audit: Pick<AuditRepository, 'record' | 'pageByChild'>;
  /** Only pledge records whose seal holds are carried into the file (R8: a changed record is 记录异常). */
  sealer: PledgeSealer;
  images: ImageBytes;
};

/** The PDF of a file, drawn outside app/ (api/case-file-export), so a submission can hash exactly what it sends. */
export type RenderCaseFilePdf = (file: CaseFile) => Promise<Uint8Array>;

export type CaseFileSubmissionPorts = CaseFilePorts & {
  children: Pick<ChildRepository, 'count'>;
  regions: Pick<RegionRepository, 'listChildrenOf'>;
  caseFileSubmissions: CaseFileSubmissions;
  renderPdf: RenderCaseFilePdf;
};
