import type { Month } from '../domain/monthly-report.js';
import { isSubmittingLevel } from '../domain/report-submission.js';
import type { Actor } from '../domain/user.js';
import type { MonthlyReports, OrganizationRepository, RecordReader, RegionRepository, ReportSubmissions } from '../store/ports.js';
import { idleOrganizationsOf } from './flag-idle-organizations.js';
import { submissionStatusOf, type MonthlyReportView } from './monthly-report-views.js';
import { loadReportRegion } from './report-guards.js';

export interface ReadMonthlyReportPorts {
  records: RecordReader;
  regions: Pick<RegionRepository, 'listChildrenOf'>;
  monthlyReports: Pick<MonthlyReports, 'get' | 'listParts'>;
  reportSubmissions: Pick<ReportSubmissions, 'get' | 'listTo'>;
  organizations: Pick<OrganizationRepository, 'listInDistrict' | 'servicesIn'>;
}

/**
 * A region's report for a month with its parts (a town's villages, a district's towns, a city's districts), each
 * named and with whether it sent its report up: what the dashboard and the exports show. Figures only, no child.
 */
export async function readMonthlyReport(ports: ReadMonthlyReportPorts, actor: Actor, regionId: string, month: Month): Promise<MonthlyReportView> {
  const { region, maySubmit } = await loadReportRegion(ports, actor, regionId, 'read');
  const [report, submission, partRegions, partReports] = await Promise.all([
    ports.monthlyReports.get(region.id, month),
    isSubmittingLevel(region.level) ? ports.reportSubmissions.get(region.id, month) : null,
    ports.regions.listChildrenOf(region.id),
    ports.monthlyReports.listParts(region.id, month),
  ]);
  const partsSubmit = partRegions.some((part) => isSubmittingLevel(part.level));
  const partSubmissions = partsSubmit ? await ports.reportSubmissions.listTo(region.id, month) : [];
  // Only a rolled-up month is judged: a month under way has not had its chance to be served yet.
  const idle = region.level === 'district' && report ? await idleOrganizationsOf(ports, region.id, month) : [];
  const reportOf = new Map(partReports.map((part) => [part.regionId, part]));
  const submissionOf = new Map(partSubmissions.map((part) => [part.regionId, part]));
  return {
    region: { id: region.id, name: region.name, level: region.level },
    month,
    figures: report?.figures ?? null,
    computedAt: report?.computedAt ?? null,
    ...submissionStatusOf(region, month, submission),
    canSubmit: maySubmit,
    parts: partRegions.map((part) => ({
      regionId: part.id,
      name: part.name,
      level: part.level,
      figures: reportOf.get(part.id)?.figures ?? null,
      ...submissionStatusOf(part, month, submissionOf.get(part.id)),
    })),
    idleOrganizations: idle.map(({ id, name }) => ({ id, name })),
  };
}
