import { useFormDraft, type FormDraftControls } from '../../../hooks/use-form-draft';
import { initialCheckInForm, type CheckInForm, type CheckInPreset } from '../../../lib/check-in-form';
import { checkInDrafts } from '../../../services/offline-data';

export type CheckInDraftControls = FormDraftControls<CheckInForm>;

/** The check-in form's state, kept on the phone per user and child from the first change until it is queued. */
export function useCheckInDraft(userId: string, childId: string, preset: CheckInPreset): CheckInDraftControls {
  return useFormDraft(checkInDrafts, userId, childId, () => initialCheckInForm(new Date(), userId, preset));
}
