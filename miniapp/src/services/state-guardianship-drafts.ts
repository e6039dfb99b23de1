import { createFormDraftStore } from '../lib/form-draft';
import { parseGuardianshipForm } from '../lib/state-guardianship-form';
import { phoneStorage } from '../platform/phone-storage';

/** A temporary state guardianship step typed and not recorded yet, per user, child and step: leaving the page keeps it. */
export const stateGuardianshipDrafts = createFormDraftStore(phoneStorage, 'shouhu.stateGuardianshipDraft', parseGuardianshipForm);
