import { parseAnnounceForm, parseCloseForm } from '../lib/case-closing-form';
import { parseHandbookForm } from '../lib/case-handbook-form';
import { parsePlanForm } from '../lib/case-plan-form';
import { parseReviewForm } from '../lib/case-review-form';
import { createFormDraftStore } from '../lib/form-draft';
import { phoneStorage } from '../platform/phone-storage';

/** A service plan typed and not saved yet, per user and child: going back or closing the app keeps it. */
export const casePlanDrafts = createFormDraftStore(phoneStorage, 'shouhu.casePlanDraft', parsePlanForm);

/** R15: a review typed against a plan of `goalCount` goals (its form id names the plan's version). */
export const caseReviewDrafts = (goalCount: number) => createFormDraftStore(phoneStorage, 'shouhu.caseReviewDraft', parseReviewForm(goalCount));

/** R15: the closing announcement and the closing report, per user and child. */
export const caseAnnounceDrafts = createFormDraftStore(phoneStorage, 'shouhu.caseAnnounceDraft', parseAnnounceForm);
export const caseCloseDrafts = createFormDraftStore(phoneStorage, 'shouhu.caseCloseDraft', parseCloseForm);

/** R2: the handbook's handover, per user and child. */
export const caseHandbookDrafts = createFormDraftStore(phoneStorage, 'shouhu.caseHandbookDraft', parseHandbookForm);
