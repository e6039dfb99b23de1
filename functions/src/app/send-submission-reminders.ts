import { messageIdOf, type InboxOwner, type ReportDue } from '../domain/inbox.js';
import { monthBefore, type Month } from '../domain/monthly-report.js';
import type { Region } from '../domain/region.js';
import { submissionDeadline, type SubmittingLevel } from '../domain/report-submission.js';
import type { InboxDelivery, MonthlyReports, RegionRepository, ReportSubmissions } from '../store/ports.js';
import { formatBeijingDeadline } from './report-deadline-words.js';

export interface SendSubmissionRemindersPorts {
  regions: Pick<RegionRepository, 'listRoots' | 'listChildrenOf'>;
  monthlyReports: Pick<MonthlyReports, 'listParts'>;
  reportSubmissions: Pick<ReportSubmissions, 'listTo'>;
  inbox: Pick<InboxDelivery, 'deliverNew'>;
}

export interface SubmissionRemindersSent {
  /** Towns and districts whose report is made and not sent. */
  towns: number;
  districts: number;
  /** Reminders put in an inbox by this run (0 for a day already reminded). */
  delivered: number;
}

interface Unsent {
  region: Region;
  level: SubmittingLevel;
}

/** The parts of `parent` whose report for the month the roll-up made and that have not sent it. */
async function unsentUnder(ports: SendSubmissionRemindersPorts, parent: Region, month: Month, level: SubmittingLevel): Promise<Unsent[]> {
  const [parts, reports, submissions] = await Promise.all([
    ports.regions.listChildrenOf(parent.id),
    ports.monthlyReports.listParts(parent.id, month),
    ports.reportSubmissions.listTo(parent.id, month),
  ]);
  const made = new Set(reports.map((report) => report.regionId));
  const sent = new Set(submissions.map((submission) => submission.regionId));
  return parts.filter((part) => part.level === level && made.has(part.id) && !sent.has(part.id)).map((region) => ({ region, level }));
}

function ownerOf({ region, level }: Unsent): InboxOwner {
  return level === 'town' ? { kind: 'town', townId: region.id } : { kind: 'district', districtId: region.id };
}

/**
 * The submission-reminders job (issue 9, R4), on the 15th and the 19th: each town that has not sent last month's
 * report reminds its supervisors, each district that has not its officers (the inboxes of the post, so whoever holds
 * it reads it). Only reports the roll-up made are asked for: one not made yet cannot be sent. The message's id is the
 * day's, so a rerun of the day adds nothing.
 */
export async function sendSubmissionReminders(ports: SendSubmissionRemindersPorts, date: string, at: Date): Promise<SubmissionRemindersSent> {
  const month = monthBefore(date);
  const cities = (await ports.regions.listRoots()).filter((region) => region.level === 'city');
  const districts = (await Promise.all(cities.map((city) => ports.regions.listChildrenOf(city.id)))).flat().filter((r) => r.level === 'district');
  const [towns, unsentDistricts] = await Promise.all([
    Promise.all(districts.map((district) => unsentUnder(ports, district, month, 'town'))).then((lists) => lists.flat()),
    Promise.all(cities.map((city) => unsentUnder(ports, city, month, 'district'))).then((lists) => lists.flat()),
  ]);
  const id = messageIdOf(at, `report${date.replaceAll('-', '')}`);
  const delivered = await ports.inbox.deliverNew(
    [...towns, ...unsentDistricts].map((unsent) => {
      const report: ReportDue = { regionId: unsent.region.id, regionName: unsent.region.name, month, deadline: submissionDeadline(unsent.level, month) };
      return {
        owner: ownerOf(unsent),
        message: {
          id,
          at: at.toISOString(),
          kind: 'reportDue' as const,
          childId: null,
          visitId: null,
          escalationId: null,
          digest: null,
          report,
          text: `${report.regionName} ${month} 月度汇报尚未提交，请于 ${formatBeijingDeadline(report.deadline)} 前提交`,
          readAt: null,
        },
      };
    }),
  );
  return { towns: towns.length, districts: unsentDistricts.length, delivered };
}
