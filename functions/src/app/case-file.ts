import { childDetailFor } from '../domain/child-views.js';
import { decideCaseFileExport } from '../domain/access-policy.js';
import {
  basicSectionOf,
  concernsSectionOf,
  escalationsSectionOf,
  pledgesSectionOf,
  servingUserIdsOf,
  teamSectionOf,
  visitsSectionOf,
  type CaseFile,
  type CaseFilePledgeImage,
  type ServingPerson,
} from '../domain/case-file.js';
import { assessmentsSectionOf } from '../domain/case-file-assessments.js';
import { closingSectionOf, plansSectionOf } from '../domain/case-file-plans.js';
import type { Child } from '../domain/child.js';
import { ForbiddenError } from '../domain/errors.js';
import { roleNames } from '../domain/labels.js';
import type { Actor, Principal, User } from '../domain/user.js';
import { actorFrom } from './actor.js';
import { auditEntryOf } from './audit-entry.js';
import type { CaseFilePorts } from './case-file-ports.js';
import { readableChild } from './child-guards.js';
import { readCaseFileSections } from './read-child-case-plan.js';
import { verifiedSignature } from './verify-pledge.js';

export type CaseFileFormat = 'pdf' | 'zip';
/** The exporter as the watermark names them: the actor and the name on their account. */
export type Exporter = Actor & { name: string };

export function exporterFrom(principal: Principal, user: User | null | undefined): Exporter {
  return { ...actorFrom(principal, user), name: user!.name };
}

const CONCERNS_LIMIT = 200;
const ESCALATIONS_LIMIT = 200;

/**
 * R7 guard: the child, if the actor may read it (scope, R8 pledge, 404 otherwise) and export its file (403 for a
 * reader who may not: a guardian, a volunteer, an organization's admin, a worker not on the team).
 */
export function exportableChild(actor: Actor, child: Child | null, attempted: 'caseFile.exportPdf' | 'caseFile.exportZip' | 'caseFile.submit'): Child {
  const readable = readableChild(actor, child, attempted);
  const decision = decideCaseFileExport(actor, readable);
  if (!decision.allowed) throw new ForbiddenError('当前角色无权导出儿童档案').refusing({ action: attempted, childId: readable.id, reason: decision.denial });
  return readable;
}

/** The people who served, each with their pledge (R8) and, when the record's seal holds, its drawn signature. */
async function pledgesOf(ports: CaseFilePorts, users: ReadonlyMap<string, User>, ids: readonly string[]) {
  const people: ServingPerson[] = [];
  const images: CaseFilePledgeImage[] = [];
  const served = ids.flatMap((id) => (users.has(id) ? [users.get(id)!] : []));
  const stored = await Promise.all(served.map((user) => (user.pledgeVersion ? ports.pledgeSignatures.get(user.id, user.pledgeVersion) : Promise.resolve(null))));
  served.forEach((user, index) => {
    people.push({ name: user.name, role: user.role, pledgeVersion: user.pledgeVersion, pledgeSignedAt: user.pledgeSignedAt });
    const record = stored[index];
    if (!record) return;
    const { signature, intact } = verifiedSignature(ports.sealer, ports.images.fromBase64, record);
    if (intact && signature) images.push({ fileName: `承诺书签名-${user.name}-${roleNames[user.role]}-${signature.version}.png`, pngBase64: signature.signaturePng });
  });
  return { people, images };
}

/**
 * R7, issue 12 part 4: one child's file, every section that exists today filled from the records, for someone allowed
 * to export it; the export is audited (who, role, when, and the format in the action) before anything is handed out.
 *
 */
export async function loadCaseFile(ports: CaseFilePorts, principal: Principal, childId: string, format: CaseFileFormat | 'submit'): Promise<CaseFile> {
  const action = format === 'pdf' ? 'caseFile.exportPdf' : format === 'zip' ? 'caseFile.exportZip' : 'caseFile.submit';
  const found = await ports.records.read({ users: [principal.userId], child: childId });
  const exporter = exporterFrom(principal, found.users.get(principal.userId));
  const child = exportableChild(exporter, found.child, action);
  const [visits, concerns, escalations, assessments, caseRecords] = await Promise.all([
    ports.visits.listAllOfChild(child.id),
    ports.concerns.listOfChild(child.id, CONCERNS_LIMIT),
    ports.escalations.listOfChild(child.id, ESCALATIONS_LIMIT),
    ports.assessments.listOfChild(child.id),
    readCaseFileSections(ports, child.id),
  ]);
  const servingIds = servingUserIdsOf(child.team, visits);
  const { cityId, districtId, townId, villageId } = child.region;
  const [{ users, regions }] = await Promise.all([
    ports.records.read({ users: [...new Set([...servingIds, ...assessments.flatMap((a) => a.presentUserIds), ...(caseRecords.plan?.tasks.map((t) => t.assigneeId) ?? [])])], regions: [cityId, districtId, townId, villageId] }),
    // A submission records its own entry with the submission (case-file-submission.ts).
    format === 'submit' ? Promise.resolve() : ports.audit.record([auditEntryOf(ports, exporter, action, child.id, 'allowed')]),
  ]);
  const names = new Map([...users.values()].map((user) => [user.id, user.name]));
  const regionPath = [cityId, districtId, townId, villageId].map((id) => regions.get(id)?.name ?? '').join('');
  const pledges = await pledgesOf(ports, users, servingIds);
  const detail = childDetailFor(exporter.role, child);
  return {
    child: { id: child.id, name: child.name },
    exporter: { name: exporter.name, role: exporter.role, at: ports.clock().toISOString() },
    sections: [
      basicSectionOf(detail, regionPath),
      teamSectionOf(child.team, names),
      assessmentsSectionOf(assessments, names),
      plansSectionOf(caseRecords, names),
      visitsSectionOf(visits, names),
      concernsSectionOf(concerns),
      escalationsSectionOf(escalations),
      closingSectionOf(caseRecords.closing),
      pledgesSectionOf(pledges.people),
    ],
    pledgeImages: pledges.images,
  };
}
