import type { DisputeOutcome } from '../api/types';
import type { SettleForm } from './dispute-settlement';
import type { RemovableStorage } from './json-storage';

/**
 * A settlement the supervisor began and has not sent (issue 7, B2): kept on the phone per user and visit, so leaving
 * the page, a reload or a closed app does not lose the note; dropped once sent or emptied.
 */
export interface SettleDraft {
  form: SettleForm;
  savedAt: string;
}

export interface SettleDraftStore {
  load(userId: string, visitId: string): SettleDraft | null;
  /** False when the phone refused to store it (full): typing goes on, only the safety net is missing. */
  save(userId: string, visitId: string, form: SettleForm, now: Date): boolean;
  clear(userId: string, visitId: string): void;
}

export const SETTLE_DRAFT_PREFIX = 'shouhu.settleDraft';

const outcomes: readonly (DisputeOutcome | null)[] = ['verified', 'notAsRecorded', 'revisitArranged', null];

/** Storage may hold anything (an older version, a hand edit): a draft that is not whole is no draft. */
export function parseSettleDraft(raw: unknown): SettleDraft | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { form, savedAt } = raw as Partial<SettleDraft>;
  if (typeof savedAt !== 'string' || typeof form !== 'object' || form === null) return null;
  if (!outcomes.includes(form.outcome ?? null) || typeof form.note !== 'string') return null;
  return { form: { outcome: form.outcome ?? null, note: form.note }, savedAt };
}

export function createSettleDraftStore(storage: RemovableStorage, prefix = SETTLE_DRAFT_PREFIX): SettleDraftStore {
  const keyOf = (userId: string, visitId: string) => `${prefix}.${userId}.${visitId}`;
  return {
    load: (userId, visitId) => parseSettleDraft(storage.get(keyOf(userId, visitId))),
    save(userId, visitId, form, now) {
      try {
        storage.set(keyOf(userId, visitId), { form, savedAt: now.toISOString() });
        return true;
      } catch {
        return false;
      }
    },
    clear: (userId, visitId) => storage.remove(keyOf(userId, visitId)),
  };
}
