import { createHash } from 'node:crypto';
import type { Visit } from '../domain/visit.js';
import type { VisitDraft } from '../domain/visit-record.js';
import { valuesAfterCorrections } from '../domain/visit-amendment.js';
import type { ChainVerification } from './ports.js';

/**
 * Each child's visit records form a hash chain (issue 3, part 5), so that a later edit of a stored visit or of the
 * guardian's answer is detectable. Every event appends an immutable entry: the check-in, the guardian's
 * confirmation or dispute, the supervisor's settlement of a dispute, and each correction or withdrawal by the
 * author (issue 7). A correction does not rewrite the check-in's entry: the visit keeps its first values
 * (`asRecorded`), and the check-in's content is read from them. An entry's hash is SHA-256 over the previous entry's hash and the canonical JSON (keys
 * sorted) of its body; the body holds the event's content as the visit item states it, so verifying recomputes each
 * hash from the visit items as they are now. Entries hold hashes, not a second copy of the notes (PIPL: minimum
 * necessary). Only a rewrite of the whole chain from the edited entry on would go unseen, which is why the head is
 * kept apart and may later be anchored outside the table.
 */
export const chainEntryKinds = ['checkIn', 'confirmation', 'dispute', 'settlement', 'correction', 'withdrawal'] as const;
export type ChainEntryKind = (typeof chainEntryKinds)[number];

export interface ChainEntry {
  childId: string;
  sequence: number;
  kind: ChainEntryKind;
  visitId: string;
  at: string;
  previousHash: string;
  hash: string;
}

export interface ChainHead {
  sequence: number;
  hash: string;
}

export const EMPTY_CHAIN: ChainHead = { sequence: 0, hash: '' };

/** JSON with object keys sorted at every depth, so equal content always hashes equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value));
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, sortKeysDeep(v)]),
  );
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * What a check-in entry vouches for: the record as made, without what came after it (the answer, the settlement,
 * the corrections), what the server worked out (the obligations it met, the recorder's organization) and the chain's own fields. Visits stored before issue 7 have none of the later fields.
 */
const notCheckInContent = new Set(['obligationsMet', 'organizationId', 'confirmation', 'resolution', 'corrections', 'asRecorded', 'version', 'sequence', 'previousHash', 'hash']);

export function checkInContentOf(visit: VisitDraft | Visit): Record<string, unknown> {
  const content = Object.fromEntries(Object.entries(visit).filter(([key]) => !notCheckInContent.has(key)));
  return visit.asRecorded ? { ...content, ...visit.asRecorded } : content;
}

/** What an answer entry vouches for: the guardian's answer as the visit item holds it. */
export function answerContentOf(visit: Pick<Visit, 'id' | 'confirmation'>): Record<string, unknown> {
  return { visitId: visit.id, confirmation: visit.confirmation };
}

function settlementContentOf(visit: Pick<Visit, 'id' | 'resolution'>): Record<string, unknown> {
  return { visitId: visit.id, resolution: visit.resolution };
}

function amendmentContentOf(visit: Pick<Visit, 'id' | 'corrections'>, index: number): Record<string, unknown> {
  return { visitId: visit.id, index, correction: visit.corrections[index] };
}

const answerKinds: readonly ChainEntryKind[] = ['confirmation', 'dispute'];
const amendmentKinds: readonly ChainEntryKind[] = ['correction', 'withdrawal'];

function hashEntry(entry: Omit<ChainEntry, 'hash' | 'childId'>, content: Record<string, unknown>): string {
  const { sequence, kind, visitId, at, previousHash } = entry;
  return sha256Hex(previousHash + canonicalJson({ sequence, kind, visitId, at, content }));
}

/** The check-in appended after `head`: the visit carries its entry's sequence and hashes. */
export function appendCheckIn(head: ChainHead, draft: VisitDraft): { visit: Visit; entry: ChainEntry } {
  const base = { sequence: head.sequence + 1, kind: 'checkIn' as const, visitId: draft.id, at: draft.recordedAt, previousHash: head.hash };
  const hash = hashEntry(base, checkInContentOf(draft));
  const entry: ChainEntry = { childId: draft.childId, ...base, hash };
  return { visit: { ...draft, sequence: entry.sequence, previousHash: entry.previousHash, hash }, entry };
}

/** The guardian's answer (already on `visit`) appended after `head`. */
export function appendAnswer(head: ChainHead, visit: Visit): ChainEntry {
  const kind: ChainEntryKind = visit.confirmation.state === 'disputed' ? 'dispute' : 'confirmation';
  const base = { sequence: head.sequence + 1, kind, visitId: visit.id, at: visit.confirmation.at ?? '', previousHash: head.hash };
  return { childId: visit.childId, ...base, hash: hashEntry(base, answerContentOf(visit)) };
}

/** The supervisor's settlement (already on `visit`) appended after `head`. */
export function appendSettlement(head: ChainHead, visit: Visit): ChainEntry {
  if (visit.resolution === null) throw new Error('appendSettlement() needs a settled visit');
  const base = { sequence: head.sequence + 1, kind: 'settlement' as const, visitId: visit.id, at: visit.resolution.at, previousHash: head.hash };
  return { childId: visit.childId, ...base, hash: hashEntry(base, settlementContentOf(visit)) };
}

/** The author's latest correction or withdrawal (already on `visit`) appended after `head`. */
export function appendAmendment(head: ChainHead, visit: Visit): ChainEntry {
  const index = visit.corrections.length - 1;
  const last = visit.corrections[index];
  if (last === undefined) throw new Error('appendAmendment() needs a corrected or withdrawn visit');
  const kind: ChainEntryKind = last.kind === 'withdrawn' ? 'withdrawal' : 'correction';
  const base = { sequence: head.sequence + 1, kind, visitId: visit.id, at: last.at, previousHash: head.hash };
  return { childId: visit.childId, ...base, hash: hashEntry(base, amendmentContentOf(visit, index)) };
}

/**
 * Recomputes the chain from its entries and the visit items as stored now. The first broken sequence is the
 * earliest entry that does not hold: a wrong link, a hash that does not match the visit's current content, an
 * entry whose visit is gone, a visit (or an answer) with no entry, or a head that does not match the last entry.
 */
export function verifyChain(entries: ChainEntry[], visits: Visit[], head: ChainHead): ChainVerification {
  const sorted = [...entries].sort((a, b) => a.sequence - b.sequence);
  const visitsById = new Map(visits.map((visit) => [visit.id, visit]));
  const amendmentsSeen = new Map<string, number>();
  const broken: number[] = [];
  let previousHash = '';
  for (const [index, entry] of sorted.entries()) {
    if (entry.sequence !== index + 1 || entry.previousHash !== previousHash) broken.push(Math.min(entry.sequence, index + 1));
    const visit = visitsById.get(entry.visitId);
    const amendment = amendmentsSeen.get(entry.visitId) ?? 0;
    if (amendmentKinds.includes(entry.kind)) amendmentsSeen.set(entry.visitId, amendment + 1);
    if (!visit || !entryHolds(entry, visit, amendment)) broken.push(entry.sequence);
    previousHash = entry.hash;
  }
  for (const visit of visits) {
    if (!entriesMatchVisit(sorted.filter((entry) => entry.visitId === visit.id), visit)) broken.push(visit.sequence);
  }
  // A head beyond the last entry means entries were removed from the end; a head that differs, an edited last entry.
  if (head.sequence !== sorted.length) broken.push(Math.min(head.sequence, sorted.length) + 1);
  else if (head.hash !== previousHash) broken.push(Math.max(sorted.length, 1));
  return {
    intact: broken.length === 0,
    entries: sorted.length,
    firstBrokenSequence: broken.length === 0 ? null : Math.min(...broken),
  };
}

/**
 * Every step the visit item says happened has its entry, and no more: one check-in, an answer once answered, a
 * settlement once settled, one entry per correction; and the current values are what the corrections add up to
 * (an edit of the visit's values without a correction on the chain is found here).
 */
function entriesMatchVisit(own: ChainEntry[], visit: Visit): boolean {
  const count = (kinds: readonly ChainEntryKind[]) => own.filter((entry) => kinds.includes(entry.kind)).length;
  if (count(['checkIn']) !== 1) return false;
  if (count(answerKinds) !== (visit.confirmation.state === 'pending' ? 0 : 1)) return false;
  if (count(['settlement']) !== (visit.resolution === null ? 0 : 1)) return false;
  if (count(amendmentKinds) !== visit.corrections.length) return false;
  const current = valuesAfterCorrections(visit);
  const corrected = visit.corrections.some((correction) => correction.kind === 'corrected');
  if (current === null) return !corrected;
  return Object.entries(current).every(([field, value]) => canonicalJson(value) === canonicalJson(visit[field as keyof Visit]));
}

function entryHolds(entry: ChainEntry, visit: Visit, amendment: number): boolean {
  switch (entry.kind) {
    case 'checkIn': {
      const recomputed = hashEntry(entry, checkInContentOf(visit));
      return recomputed === entry.hash && visit.sequence === entry.sequence && visit.hash === entry.hash &&
        visit.previousHash === entry.previousHash;
    }
    case 'confirmation':
    case 'dispute': {
      const expectedState = entry.kind === 'dispute' ? 'disputed' : 'confirmed';
      return visit.confirmation.state === expectedState && hashEntry(entry, answerContentOf(visit)) === entry.hash;
    }
    case 'settlement':
      return visit.resolution !== null && hashEntry(entry, settlementContentOf(visit)) === entry.hash;
    case 'correction':
    case 'withdrawal': {
      const correction = visit.corrections[amendment];
      const expectedKind = entry.kind === 'withdrawal' ? 'withdrawn' : 'corrected';
      return correction?.kind === expectedKind && hashEntry(entry, amendmentContentOf(visit, amendment)) === entry.hash;
    }
  }
}
