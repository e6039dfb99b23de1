import { createFormDraftStore } from '../lib/form-draft';
import { parseVolunteerForm } from '../lib/volunteer-form';
import { phoneStorage } from '../platform/phone-storage';

/** The volunteer application typed and not sent yet (there is no account yet: kept under `applicant`). */
export const volunteerDrafts = createFormDraftStore(phoneStorage, 'shouhu.volunteerDraft', parseVolunteerForm);
