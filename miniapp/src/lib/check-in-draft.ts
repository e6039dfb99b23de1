import type { CheckInForm } from './check-in-form';
import { createFormDraftStore, hasStringFields, parseFormDraft, type FormDraft, type FormDraftStore } from './form-draft';
import type { RemovableStorage } from './json-storage';

/**
 * What a worker typed into a check-in form and has not sent yet (issue 7, B5): one per user and child, dropped once
 * the check-in is queued, with the form's idempotency key (form-draft.ts).
 */
export type CheckInDraft = FormDraft<CheckInForm>;
export type DraftStore = FormDraftStore<CheckInForm>;

export const CHECK_IN_DRAFT_PREFIX = 'shouhu.checkInDraft';

export function createDraftStore(storage: RemovableStorage, prefix = CHECK_IN_DRAFT_PREFIX): DraftStore {
  return createFormDraftStore(storage, prefix, parseCheckInForm);
}

const stringFields = ['kind', 'purpose', 'startDate', 'startTime', 'endDate', 'endTime', 'companions', 'notes', 'problemsFound'] as const;

export function parseDraft(raw: unknown): CheckInDraft | null {
  return parseFormDraft(raw, parseCheckInForm);
}

function parseCheckInForm(form: Record<string, unknown>): CheckInForm | null {
  if (!hasStringFields(form, stringFields)) return null;
  if (!Array.isArray(form.participantIds) || !Array.isArray(form.services)) return null;
  const whole = form as unknown as CheckInForm;
  return { ...whole, location: whole.location ?? null, contactChannel: whole.contactChannel ?? null };
}
