import { parseEscalationForm } from '../lib/escalation-form';
import { createFormDraftStore } from '../lib/form-draft';
import { phoneStorage } from '../platform/phone-storage';

/**
 * Handling forms typed and not sent yet, per user and child, with the form's idempotency key: a form left half-written
 * is there when the page opens again, and a retry after a lost answer raises one case.
 */
export const escalationDrafts = createFormDraftStore(phoneStorage, 'shouhu.escalationDraft', parseEscalationForm);
