import { parseActivityForm } from '../lib/activity-words';
import { createFormDraftStore } from '../lib/form-draft';
import { phoneStorage } from '../platform/phone-storage';

/** An activity plan typed and not sent yet, per user: going back or closing the app keeps it. */
export const activityDrafts = createFormDraftStore(phoneStorage, 'shouhu.activityDraft', parseActivityForm);
