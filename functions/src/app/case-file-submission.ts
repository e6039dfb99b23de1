import { decideCaseFileSubmission, decideSubmissionProgress } from '../domain/access-policy.js';
import {
  isLateSubmission,
  submissionDeadlineOf,
  type CaseFileSubmission,
  type SubmissionCount,
} from '../domain/case-file-submission.js';
import { ForbiddenError, NotFoundError, RuleViolationError } from '../domain/errors.js';
import { shanghaiDate } from '../domain/time.js';
import type { Actor, Principal } from '../domain/user.js';
import { auditEntryOf } from './audit-entry.js';
import { exporterFrom, loadCaseFile } from './case-file.js';
import type { CaseFileSubmissionPorts } from './case-file-ports.js';
import { readableChild } from './child-guards.js';

/**
 * R7 (000 §五.7): the town's supervisor sends a child's file of `year` to the district: the PDF is drawn as an export
 * would draw it and its SHA-256 recorded with who and when, and whether it came after 31 January of the next year.
 * Once per child and year (409 after).
 */
export async function submitCaseFile(ports: CaseFileSubmissionPorts, principal: Principal, childId: string, year: number): Promise<CaseFileSubmission> {
  const found = await ports.records.read({ users: [principal.userId], child: childId });
  const actor = exporterFrom(principal, found.users.get(principal.userId));
  const child = readableChild(actor, found.child, 'caseFile.submit');
  const decision = decideCaseFileSubmission(actor, child);
  if (!decision.allowed) throw new ForbiddenError('由本镇（街道）儿童督导员报送档案').refusing({ action: 'caseFile.submit', childId: child.id, reason: decision.denial });
  const now = ports.clock();
  if (year > Number(shanghaiDate(now).slice(0, 4))) throw new RuleViolationError('不能报送尚未开始年度的档案', 'year');
  const file = await loadCaseFile(ports, principal, child.id, 'submit');
  const pdf = await ports.renderPdf(file);
  const submission: CaseFileSubmission = {
    districtId: child.region.districtId,
    townId: child.region.townId,
    year,
    childId: child.id,
    submittedBy: actor.id,
    submittedByName: actor.name,
    submittedAt: now.toISOString(),
    pdfSha256: ports.sealer.sha256Hex(pdf),
    late: isLateSubmission(year, now),
  };
  await ports.caseFileSubmissions.record(submission, auditEntryOf(ports, actor, 'caseFile.submit', child.id, 'allowed'));
  return submission;
}

export interface TownSubmissionProgress extends SubmissionCount {
  townId: string;
  townName: string;
}

export interface SubmissionProgress extends SubmissionCount {
  district: { id: string; name: string };
  year: number;
  /** 31 January of the next year, Beijing date. */
  deadline: string;
  /** The deadline passed with files still missing. */
  overdue: boolean;
  towns: TownSubmissionProgress[];
}

function countOf(submissions: readonly CaseFileSubmission[], total: number): SubmissionCount {
  return { submitted: submissions.length, late: submissions.filter((s) => s.late).length, total };
}

/**
 * R7: how far a district's year of files has come (N / M 已提交), in all and by town, for the district's officers and
 * the city's. M counts the children registered in each town now (the index's count, not a read of every child).
 */
export async function readSubmissionProgress(ports: CaseFileSubmissionPorts, actor: Actor, districtId: string, year: number): Promise<SubmissionProgress> {
  const { regions } = await ports.records.read({ regions: [districtId] });
  const district = regions.get(districtId);
  if (!district || district.level !== 'district') throw new NotFoundError('未找到该区', 'districtId');
  const decision = decideSubmissionProgress(actor, districtId, district.parentId);
  if (!decision.allowed) throw new ForbiddenError('当前角色不查看档案报送情况').refusing({ action: 'request', reason: decision.denial });
  const [towns, submissions] = await Promise.all([ports.regions.listChildrenOf(districtId), ports.caseFileSubmissions.listOfYear(districtId, year)]);
  const townRows = await Promise.all(
    towns
      .filter((town) => town.level === 'town')
      .map(async (town) => {
        const total = await ports.children.count({ kind: 'region', level: 'town', regionId: town.id });
        return { townId: town.id, townName: town.name, ...countOf(submissions.filter((s) => s.townId === town.id), total) };
      }),
  );
  const total = townRows.reduce((sum, town) => sum + town.total, 0);
  const deadline = submissionDeadlineOf(year);
  const counts = countOf(submissions, total);
  return {
    district: { id: district.id, name: district.name },
    year,
    deadline,
    overdue: shanghaiDate(ports.clock()) > deadline && counts.submitted < total,
    ...counts,
    towns: townRows,
  };
}
