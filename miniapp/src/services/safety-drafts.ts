import { createFormDraftStore } from '../lib/form-draft';
import { parseSafetyPlanForm } from '../lib/safety-form';
import { phoneStorage } from '../platform/phone-storage';

/** R12's plan form typed and not sent yet, per user: back on the page after going back, a reload or a restart. */
export const safetyPlanDrafts = createFormDraftStore(phoneStorage, 'shouhu.safetyPlanDraft', parseSafetyPlanForm);
