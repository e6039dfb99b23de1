import { NotReadyError } from '../domain/errors.js';
import type { Month } from '../domain/monthly-report.js';
import { isLate, isSubmittingLevel, submissionDeadline, type ReportSubmission } from '../domain/report-submission.js';
import type { Actor } from '../domain/user.js';
import type { MonthlyReports, RecordReader, ReportSubmissions } from '../store/ports.js';
import { auditEntryOf } from './audit-entry.js';
import type { Basics } from './ports.js';
import { loadReportRegion } from './report-guards.js';

export type SubmitMonthlyReportPorts = Basics & {
  records: RecordReader;
  monthlyReports: Pick<MonthlyReports, 'get'>;
  reportSubmissions: Pick<ReportSubmissions, 'create'>;
};

/**
 * R4: the town's supervisor sends the town's report to the district, the district's officer the district's to the
 * city. What is sent is the figures as they stand now, kept with who sent them, when, and whether after the
 * deadline; sending a month twice is refused (409), as is sending one the roll-up has not made yet.
 */
export async function submitMonthlyReport(ports: SubmitMonthlyReportPorts, actor: Actor, regionId: string, month: Month): Promise<ReportSubmission> {
  const { region } = await loadReportRegion(ports, actor, regionId, 'submit');
  if (!isSubmittingLevel(region.level) || region.parentId === null) throw new NotReadyError('该地区不向上级提交汇报', 'regionId');
  const [report, { users }] = await Promise.all([ports.monthlyReports.get(region.id, month), ports.records.read({ users: [actor.id] })]);
  if (report === null) throw new NotReadyError(`${month} 的月度汇报尚未生成（每月 1 日汇总上月数据），暂不能提交`, 'month');
  const submittedAt = ports.clock().toISOString();
  const deadline = submissionDeadline(region.level, month);
  const submission: ReportSubmission = {
    month,
    regionId: region.id,
    level: region.level,
    parentId: region.parentId,
    figures: report.figures,
    submittedBy: { id: actor.id, name: users.get(actor.id)?.name ?? '（未知）' },
    submittedAt,
    deadline,
    late: isLate(submittedAt, deadline),
  };
  await ports.reportSubmissions.create(submission, auditEntryOf(ports, actor, 'report.submit', null, 'allowed'));
  return submission;
}
