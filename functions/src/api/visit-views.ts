import { mayReadCorrectionReasons, visitFieldsHiddenFrom } from '../domain/access-policy.js';
import { namesOf } from '../app/participant-names.js';
import type { VisitDetail } from '../app/visit-detail.js';
import type { Role } from '../domain/user.js';
import { correctableVisitFields, type Visit, type VisitCorrection } from '../domain/visit.js';
import type { RecordReader } from '../store/ports.js';
import type { CorrectionView, VisitDetailView, VisitView } from './visit-schemas.js';

/** A correction as the role may see it; null when it changed nothing the role sees. */
function correctionViewFor(role: Role, correction: VisitCorrection): CorrectionView | null {
  const hidden: readonly string[] = visitFieldsHiddenFrom(role);
  const changed = correction.kind === 'corrected' ? correctableVisitFields.filter((field) => field in correction.changes) : [];
  const changedFields = changed.filter((field) => !hidden.includes(field));
  if (correction.kind === 'corrected' && changedFields.length === 0) return null;
  const view: CorrectionView = { kind: correction.kind, at: correction.at, byUserId: correction.byUserId, changedFields };
  if (mayReadCorrectionReasons(role)) view.reason = correction.reason;
  return view;
}

/** A visit as the role may see it (the access policy says which fields it may not), with the names of who came. */
export function visitViewFor(role: Role, visit: Visit, names: ReadonlyMap<string, string>): VisitView {
  const corrections = visit.corrections.flatMap((correction) => correctionViewFor(role, correction) ?? []);
  const { obligationsMet: _counted, organizationId: _serving, ...shown } = visit;
  const view: VisitView = { ...shown, corrections, participantNames: visit.participantIds.map((id) => names.get(id) ?? '') };
  for (const field of visitFieldsHiddenFrom(role)) delete view[field];
  return view;
}

/** One visit's page as its reader may see it. */
export function visitDetailViewOf({ actor, child, visit, names, villageName, actions }: VisitDetail): VisitDetailView {
  return { ...visitViewFor(actor.role, visit, names), childName: child.name, villageName, names: Object.fromEntries(names), actions };
}

/** The names of everyone who took part in these visits, in one batch read (each account once). */
export async function participantNamesOf(records: RecordReader, visits: readonly Pick<Visit, 'participantIds'>[]): Promise<Map<string, string>> {
  const { users } = await records.read({ users: visits.flatMap((visit) => visit.participantIds) });
  return namesOf(users);
}
