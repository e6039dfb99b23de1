import { decideCallbackInspection, decideSampleAccess, inspectionAreaOf } from '../domain/access/inspection-access.js';
import {
  drawSample,
  isPastMonth,
  previousMonth,
  seedFrom,
  type CallbackSample,
  type DrawSampleInput,
  type InspectionArea,
} from '../domain/callback-inspection.js';
import type { Child } from '../domain/child.js';
import { ForbiddenError, NotFoundError, RuleViolationError } from '../domain/errors.js';
import type { Actor } from '../domain/user.js';
import { newEvent } from '../events/domain-events.js';
import type { AuditRepository, CallbackInspections, ChildRepository, RecordReader, RegionRepository, VisitRepository } from '../store/ports.js';
import { auditEntryOf } from './audit-entry.js';
import { callEntryOf, sampleViewOf, visitsOfMonth, type SampleView } from './callback-inspection-views.js';
import { namesOf } from './participant-names.js';
import type { Basics } from './ports.js';

export interface InspectionPorts extends Basics {
  records: RecordReader;
  regions: Pick<RegionRepository, 'get'>;
  children: Pick<ChildRepository, 'list'>;
  visits: Pick<VisitRepository, 'listAllOfChild'>;
  audit: Pick<AuditRepository, 'record'>;
  callbackInspections: CallbackInspections;
}

type Officer = Actor & { name: string };

/** Children read per visit query at once: the draw reads each child's visits, a handful of queries at a time. */
const VISIT_READS_AT_ONCE = 8;

async function refuseUnlessInspecting(ports: InspectionPorts, actor: Actor): Promise<void> {
  const decision = decideCallbackInspection(actor);
  if (decision.allowed) return;
  await ports.audit.record([auditEntryOf(ports, actor, 'request', null, 'denied', decision.denial)]);
  throw new ForbiddenError('只有区、市民政部门可以进行电话回访抽查').refusing({ action: 'request', reason: decision.denial });
}

async function areaOf(ports: InspectionPorts, actor: Actor): Promise<InspectionArea> {
  const district = actor.scope?.level === 'district' ? await ports.regions.get(actor.scope.regionId) : null;
  const area = inspectionAreaOf(actor, () => district?.parentId ?? null);
  if (area === null) throw new ForbiddenError('只有区、市民政部门可以进行电话回访抽查').refusing({ action: 'request', reason: 'notRelated' });
  return area;
}

/** Every child of the area, page by page (the district's or the city's children index, never a scan). */
async function childrenOf(ports: InspectionPorts, area: InspectionArea): Promise<Child[]> {
  const all: Child[] = [];
  let cursor: string | null = null;
  do {
    const page = await ports.children.list({ kind: 'region', level: area.level, regionId: area.regionId }, { limit: 100, cursor });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return all;
}

/** The children whose family had a home visit in the month, with those visits. */
async function visitedIn(ports: InspectionPorts, children: readonly Child[], month: string) {
  const visited = new Map<string, { child: Child; visits: Awaited<ReturnType<VisitRepository['listAllOfChild']>> }>();
  for (let start = 0; start < children.length; start += VISIT_READS_AT_ONCE) {
    const batch = children.slice(start, start + VISIT_READS_AT_ONCE);
    const visits = await Promise.all(batch.map((child) => ports.visits.listAllOfChild(child.id)));
    batch.forEach((child, index) => {
      const ofMonth = visitsOfMonth(visits[index], month);
      if (ofMonth.length > 0) visited.set(child.id, { child, visits: ofMonth });
    });
  }
  return visited;
}

async function areaNameOf(ports: InspectionPorts, area: InspectionArea): Promise<string> {
  return (await ports.regions.get(area.regionId))?.name ?? '';
}

/**
 * The call list of a sample: the guardians' names and phones (the one place they are shown whole, for this call),
 * the month's visits and who came, the guardian's answers in the app beside the officer's callback. Each child
 * shown leaves an `inspection.callList` audit entry in the child's trail.
 */
async function callListOf(ports: InspectionPorts, actor: Actor, sample: CallbackSample): Promise<SampleView> {
  const [records, callbacks, visits] = await Promise.all([
    ports.records.read({ children: sample.childIds }),
    ports.callbackInspections.listCallbacks(sample.id),
    Promise.all(sample.childIds.map((childId) => ports.visits.listAllOfChild(childId))),
  ]);
  const ofMonth = visits.map((list) => visitsOfMonth(list, sample.month));
  const names = namesOf((await ports.records.read({ users: [...new Set(ofMonth.flat().flatMap((visit) => visit.participantIds))] })).users);
  const byChild = new Map(callbacks.map((callback) => [callback.childId, callback]));
  const entries = sample.childIds.flatMap((childId, index) => {
    const child = records.children.get(childId);
    return child ? [callEntryOf(child, ofMonth[index], names, byChild.get(childId) ?? null)] : [];
  });
  await ports.audit.record(entries.map((entry) => auditEntryOf(ports, actor, 'inspection.callList', entry.childId, 'allowed')));
  return sampleViewOf(sample, await areaNameOf(ports, sample.area), entries);
}

/**
 * Seed 000 §六(一): the officer draws `size` families at random among those of their area visited in the month (last
 * month unless named), from a seed they see: typed again, the same seed gives the same sample; absent, a new one
 * (换一批). The sample is stored with its seed, and CallbackSampleDrawn written with it.
 */
export async function drawCallbackSample(ports: InspectionPorts, actor: Officer, input: DrawSampleInput): Promise<SampleView> {
  await refuseUnlessInspecting(ports, actor);
  const area = await areaOf(ports, actor);
  const now = ports.clock();
  const month = input.month ?? previousMonth(now);
  if (!isPastMonth(month, now)) throw new RuleViolationError('只能抽查已结束月份的走访', 'month');
  const visited = await visitedIn(ports, await childrenOf(ports, area), month);
  const seed = input.seed ?? seedFrom(ports.newId());
  const sample: CallbackSample = {
    id: ports.newId(),
    area,
    month,
    seed,
    size: input.size,
    candidates: visited.size,
    childIds: drawSample([...visited.keys()], seed, month, input.size),
    drawnAt: now.toISOString(),
    drawnBy: { id: actor.id, name: actor.name },
  };
  const event = newEvent(
    'CallbackSampleDrawn',
    { sampleId: sample.id, regionId: area.regionId, month, size: sample.childIds.length },
    { id: ports.newId(), occurredAt: now, actorId: actor.id },
  );
  await ports.callbackInspections.saveSample(sample, [event]);
  return callListOf(ports, actor, sample);
}

/** A sample its area's officers may read; anyone else learns nothing of it (404), a role that never inspects 403. */
export async function loadSample(ports: InspectionPorts, actor: Actor, sampleId: string): Promise<CallbackSample> {
  await refuseUnlessInspecting(ports, actor);
  const sample = await ports.callbackInspections.getSample(sampleId);
  if (sample === null || !decideSampleAccess(actor, sample.area).allowed) {
    throw new NotFoundError('抽查批次不存在').refusing({ action: 'request', reason: 'notRelated' });
  }
  return sample;
}

export async function readCallbackSample(ports: InspectionPorts, actor: Actor, sampleId: string): Promise<SampleView> {
  return callListOf(ports, actor, await loadSample(ports, actor, sampleId));
}

export interface SampleRowView {
  id: string;
  month: string;
  seed: string;
  drawn: number;
  drawnAt: string;
  drawnByName: string;
  called: number;
}

/** The samples of the officer's area, newest first, without the call list (no phone shown, nothing audited). */
export async function listCallbackSamples(ports: InspectionPorts, actor: Actor): Promise<SampleRowView[]> {
  await refuseUnlessInspecting(ports, actor);
  const area = await areaOf(ports, actor);
  const samples = await ports.callbackInspections.listSamples(area.regionId, 20);
  const called = await Promise.all(samples.map((sample) => ports.callbackInspections.listCallbacks(sample.id)));
  return samples.map((sample, index) => ({
    id: sample.id,
    month: sample.month,
    seed: sample.seed,
    drawn: sample.childIds.length,
    drawnAt: sample.drawnAt,
    drawnByName: sample.drawnBy.name,
    called: called[index].length,
  }));
}
