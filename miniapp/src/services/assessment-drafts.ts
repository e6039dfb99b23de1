import { parseAssessmentForm } from '../lib/assessment-form';
import { createFormDraftStore } from '../lib/form-draft';
import { phoneStorage } from '../platform/phone-storage';

/** Assessment forms typed and not sent yet, per user and child, with the form's idempotency key (issue 12). */
export const assessmentDrafts = createFormDraftStore(phoneStorage, 'shouhu.assessmentDraft', parseAssessmentForm);
