import { parseReportForm } from '../lib/concern-report-form';
import { createFormDraftStore } from '../lib/form-draft';
import { phoneStorage } from '../platform/phone-storage';

/**
 * Concern reports typed and not sent yet, per user (the public form's user is `public`) and child, with the form's
 * idempotency key: a report left half-written is there when the page opens again, and is sent once.
 */
export const concernReportDrafts = createFormDraftStore(phoneStorage, 'shouhu.concernDraft', parseReportForm);
