import type { CheckInForm } from './check-in-form';
import type { RemovableStorage } from './json-storage';

/**
 * What a worker typed into a check-in form and has not sent yet (issue 7, B5): it survives going back, a reload and
 * a closed app, one per user and child, and is dropped once the check-in is queued. The form's idempotency key lives
 * here too, so the form keeps one key however often, and after however many restarts, it is submitted.
 */
export interface CheckInDraft {
  key: string;
  form: CheckInForm;
  savedAt: string;
}

export interface DraftStore {
  load(userId: string, childId: string): CheckInDraft | null;
  /** False when the phone refused to store it (full): typing goes on, only the safety net is missing. */
  save(userId: string, childId: string, draft: CheckInDraft): boolean;
  clear(userId: string, childId: string): void;
}

export const CHECK_IN_DRAFT_PREFIX = 'shouhu.checkInDraft';

export function createDraftStore(storage: RemovableStorage, prefix = CHECK_IN_DRAFT_PREFIX): DraftStore {
  const keyOf = (userId: string, childId: string) => `${prefix}.${userId}.${childId}`;
  return {
    load(userId, childId) {
      return parseDraft(storage.get(keyOf(userId, childId)));
    },
    save(userId, childId, draft) {
      try {
        storage.set(keyOf(userId, childId), draft);
        return true;
      } catch {
        return false;
      }
    },
    clear(userId, childId) {
      storage.remove(keyOf(userId, childId));
    },
  };
}

const stringFields = ['kind', 'purpose', 'startDate', 'startTime', 'endDate', 'endTime', 'companions', 'notes', 'problemsFound'] as const;

/** Storage may hold anything (an older version, a hand edit): a draft whose form is not whole is no draft. */
export function parseDraft(raw: unknown): CheckInDraft | null {
  const value = typeof raw === 'string' ? safeParse(raw) : raw;
  if (typeof value !== 'object' || value === null) return null;
  const { key, form, savedAt } = value as Partial<CheckInDraft>;
  if (typeof key !== 'string' || key === '' || typeof savedAt !== 'string') return null;
  if (typeof form !== 'object' || form === null) return null;
  const fields = form as unknown as Record<string, unknown>;
  if (!stringFields.every((field) => typeof fields[field] === 'string')) return null;
  if (!Array.isArray(form.participantIds) || !Array.isArray(form.services)) return null;
  return { key, form: { ...form, location: form.location ?? null, contactChannel: form.contactChannel ?? null }, savedAt };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
