import { ForbiddenError, RuleViolationError, VersionConflictError } from '../domain/errors.js';
import {
  dispatchFiguresOf,
  emptySections,
  monthsOfQuarter,
  type DispatchFigures,
  type DispatchSections,
  type Quarter,
  type SaveDispatchInput,
} from '../domain/quarterly-dispatch.js';
import type { Region } from '../domain/region.js';
import type { Actor } from '../domain/user.js';
import type { MonthlyReports, QuarterlyDispatches, RecordReader, RegionRepository } from '../store/ports.js';
import { loadReportRegion } from './report-guards.js';

export interface QuarterlyDispatchPorts {
  records: RecordReader;
  regions: Pick<RegionRepository, 'listChildrenOf'>;
  monthlyReports: Pick<MonthlyReports, 'listParts'>;
  quarterlyDispatches: QuarterlyDispatches;
  clock: () => Date;
}

/** A town's 季度工作简报 as its readers see it: the figures drafted now, the sections as last saved. */
export interface QuarterlyDispatchView extends DispatchFigures {
  town: { id: string; name: string };
  quarter: Quarter;
  months: string[];
  sections: DispatchSections;
  /** 0 while nothing was saved; a save sends the version it read. */
  version: number;
  updatedAt: string | null;
  updatedByName: string | null;
  /** Whether this reader completes it (the town's own supervisor); the district's and the city's officers read it. */
  canEdit: boolean;
}

/**
 * The town whose dispatch is asked for, as the monthly reports' access policy decides (R4's readers: the town's
 * supervisor, the district's and the city's officers; a reader of elsewhere gets 404, a role that never reads 403).
 * Only a town has a dispatch.
 */
async function loadTown(ports: QuarterlyDispatchPorts, actor: Actor, townId: string) {
  const { region, maySubmit } = await loadReportRegion(ports, actor, townId, 'read');
  if (region.level !== 'town') throw new RuleViolationError('季度工作简报按镇（街道）编写', 'regionId');
  return { town: region, mayEdit: maySubmit };
}

/** The quarter's figures of each town of the district, from the roll-up's reports (three queries, one per month). */
async function figuresOf(ports: QuarterlyDispatchPorts, town: Region, quarter: Quarter): Promise<DispatchFigures> {
  const months = monthsOfQuarter(quarter);
  const districtId = town.parentId!;
  const [siblings, ...reports] = await Promise.all([
    ports.regions.listChildrenOf(districtId),
    ...months.map((month) => ports.monthlyReports.listParts(districtId, month)),
  ]);
  const towns = siblings
    .filter((region) => region.level === 'town')
    .map((region) => ({
      townId: region.id,
      name: region.name,
      months: reports.flatMap((parts) => parts.filter((report) => report.regionId === region.id).map((report) => report.figures)),
    }));
  return dispatchFiguresOf(town.id, towns);
}

export async function readQuarterlyDispatch(ports: QuarterlyDispatchPorts, actor: Actor, townId: string, quarter: Quarter): Promise<QuarterlyDispatchView> {
  const { town, mayEdit } = await loadTown(ports, actor, townId);
  const [figures, saved] = await Promise.all([figuresOf(ports, town, quarter), ports.quarterlyDispatches.get(town.id, quarter)]);
  return {
    town: { id: town.id, name: town.name },
    quarter,
    months: monthsOfQuarter(quarter),
    ...figures,
    sections: saved ? { typicalCases: saved.typicalCases, problems: saved.problems, nextSteps: saved.nextSteps } : emptySections,
    version: saved?.version ?? 0,
    updatedAt: saved?.updatedAt ?? null,
    updatedByName: saved?.updatedBy.name ?? null,
    canEdit: mayEdit,
  };
}

/** The supervisor saves the sections over the version they read; a save over another's is a 409, nothing written. */
export async function saveQuarterlyDispatch(
  ports: QuarterlyDispatchPorts,
  actor: Actor & { name: string },
  townId: string,
  quarter: Quarter,
  input: SaveDispatchInput,
): Promise<QuarterlyDispatchView> {
  const { town, mayEdit } = await loadTown(ports, actor, townId);
  if (!mayEdit) throw new ForbiddenError('只有本镇（街道）儿童督导员可以填写季度工作简报').refusing({ action: 'request', reason: 'roleCannot' });
  const stored = await ports.quarterlyDispatches.get(town.id, quarter);
  if ((stored?.version ?? 0) !== input.version) throw new VersionConflictError('该季度简报已被他人修改，请刷新后重试', 'version');
  const { version, ...sections } = input;
  await ports.quarterlyDispatches.save({
    townId: town.id,
    quarter,
    ...sections,
    updatedAt: ports.clock().toISOString(),
    updatedBy: { id: actor.id, name: actor.name },
    version: version + 1,
  });
  return readQuarterlyDispatch(ports, actor, townId, quarter);
}
