import { parseDispatchForm } from '../lib/dispatch-form';
import { createFormDraftStore } from '../lib/form-draft';
import { phoneStorage } from '../platform/phone-storage';

/** A quarterly dispatch typed and not saved yet, per user, town and quarter: going back or closing the app keeps it. */
export const dispatchDrafts = createFormDraftStore(phoneStorage, 'shouhu.dispatchDraft', parseDispatchForm);
