import { parsePlanForm } from '../lib/case-plan-form';
import { createFormDraftStore } from '../lib/form-draft';
import { phoneStorage } from '../platform/phone-storage';

/** A service plan typed and not saved yet, per user and child: going back or closing the app keeps it. */
export const casePlanDrafts = createFormDraftStore(phoneStorage, 'shouhu.casePlanDraft', parsePlanForm);
