import type { RemovableStorage } from './json-storage';

/**
 * A form typed and not sent yet (issue 7, B5): it survives going back, a reload and a closed app, one per user and
 * form, and is dropped once sent. The form's idempotency key lives in it, so a form keeps one key however often, and
 * after however many restarts, it is submitted.
 */
export interface FormDraft<F> {
  key: string;
  form: F;
  savedAt: string;
}

export interface FormDraftStore<F> {
  /** `formId` tells a user's drafts of one kind apart (the child a check-in is about, …). */
  load(userId: string, formId: string): FormDraft<F> | null;
  /** False when the phone refused to store it (full): typing goes on, only the safety net is missing. */
  save(userId: string, formId: string, draft: FormDraft<F>): boolean;
  clear(userId: string, formId: string): void;
}

/** The form inside a stored draft as this version of the app knows it, or null when it is not whole. */
export type FormParser<F> = (form: Record<string, unknown>) => F | null;

export function createFormDraftStore<F>(storage: RemovableStorage, prefix: string, parseForm: FormParser<F>): FormDraftStore<F> {
  const keyOf = (userId: string, formId: string) => `${prefix}.${userId}.${formId}`;
  return {
    load(userId, formId) {
      return parseFormDraft(storage.get(keyOf(userId, formId)), parseForm);
    },
    save(userId, formId, draft) {
      try {
        storage.set(keyOf(userId, formId), draft);
        return true;
      } catch {
        return false;
      }
    },
    clear(userId, formId) {
      storage.remove(keyOf(userId, formId));
    },
  };
}

/** Storage may hold anything (an older version, a hand edit): a draft whose form is not whole is no draft. */
export function parseFormDraft<F>(raw: unknown, parseForm: FormParser<F>): FormDraft<F> | null {
  const value = typeof raw === 'string' ? safeParse(raw) : raw;
  if (typeof value !== 'object' || value === null) return null;
  const { key, form, savedAt } = value as Partial<FormDraft<unknown>>;
  if (typeof key !== 'string' || key === '' || typeof savedAt !== 'string') return null;
  if (typeof form !== 'object' || form === null || Array.isArray(form)) return null;
  const parsed = parseForm(form as Record<string, unknown>);
  return parsed === null ? null : { key, form: parsed, savedAt };
}

/** True when each named field holds a string: the usual first check of a FormParser. */
export function hasStringFields(form: Record<string, unknown>, fields: readonly string[]): boolean {
  return fields.every((field) => typeof form[field] === 'string');
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
