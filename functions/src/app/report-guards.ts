import { decideMonthlyReportAccess, type ReportAction, type ReportRegion } from '../domain/access-policy.js';
import { ForbiddenError, NotFoundError } from '../domain/errors.js';
import type { Region, RegionPath } from '../domain/region.js';
import type { Actor } from '../domain/user.js';
import type { RecordReader } from '../store/ports.js';

type Reads = { records: RecordReader };

const pathKeyOf = { city: 'cityId', district: 'districtId', town: 'townId', village: 'villageId' } as const;

/** The region and the ids above it, read one level at a time (at most four reads, for a village). */
async function reportRegionOf(ports: Reads, regionId: string): Promise<{ region: Region; target: ReportRegion } | null> {
  const path: Partial<RegionPath> = {};
  let region: Region | undefined;
  let next: string | null = regionId;
  for (let depth = 0; next !== null && depth < 4; depth += 1) {
    const found: Region | undefined = (await ports.records.read({ regions: [next] })).regions.get(next);
    if (found === undefined) return null;
    region ??= found;
    path[pathKeyOf[found.level]] = found.id;
    next = found.parentId;
  }
  return region === undefined ? null : { region, target: { level: region.level, path } };
}

/**
 * A region whose monthly report the actor reads or sends: a role that never may is told so (403), as is someone who
 * may read the report but not send it (an officer above the town); someone whose area is elsewhere gets the same 404
 * as for a region that does not exist.
 */
export async function loadReportRegion(
  ports: Reads,
  actor: Actor,
  regionId: string,
  action: ReportAction,
): Promise<{ region: Region; maySubmit: boolean }> {
  const found = await reportRegionOf(ports, regionId);
  const attempted = action === 'submit' ? ('report.submit' as const) : ('request' as const);
  if (found === null) throw new NotFoundError('未找到该地区', 'regionId');
  const read = decideMonthlyReportAccess(actor, 'read', found.target);
  if (!read.allowed && read.denial === 'notRelated') {
    throw new NotFoundError('未找到该地区', 'regionId').refusing({ action: attempted, reason: read.denial });
  }
  if (!read.allowed) throw new ForbiddenError('当前角色无权查看月度汇报').refusing({ action: attempted, reason: read.denial });
  const submit = decideMonthlyReportAccess(actor, 'submit', found.target);
  if (action === 'submit' && !submit.allowed) {
    throw new ForbiddenError('只有本镇（街道）儿童督导员或本区民政局可以提交本级汇报').refusing({ action: attempted, reason: submit.denial });
  }
  return { region: found.region, maySubmit: submit.allowed };
}
