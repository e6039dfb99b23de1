import type { CaseStatus } from '../api';

/** Issue 12: a case's status in the words a worker and a family use. */
export const caseStatusNames: Record<CaseStatus, string> = {
  none: '尚未制定',
  open: '执行中',
  closingAnnounced: '已告知结案',
  closed: '已结案',
};
