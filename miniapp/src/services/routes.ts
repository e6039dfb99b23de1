/** Page paths in one place; role pages sit in subpackages that other roles never download. */
export const routes = {
  login: '/pages/login/index',
  home: '/pages/home/index',
  children: '/children/pages/list/index',
  child: (id: string) => `/children/pages/detail/index?id=${encodeURIComponent(id)}`,
  /** `due` is the obligation kind the check-in answers (contact, reassessment, …): it presets kind and purpose. */
  checkIn: (childId: string, due?: string) =>
    `/children/pages/check-in/index?id=${encodeURIComponent(childId)}${due ? `&due=${encodeURIComponent(due)}` : ''}`,
  /** What answers a due item: R2's yearly assessment is the assessment form, every other duty a check-in. */
  dueItem: (childId: string, kind: string) =>
    kind === 'yearlyAssessment' ? routes.newAssessment(childId) : routes.checkIn(childId, kind),
  dispute: (childId: string, visitId: string) =>
    `/family/pages/dispute/index?childId=${encodeURIComponent(childId)}&visitId=${encodeURIComponent(visitId)}`,
  /** A visit's own page: what each role may see of it and the actions open to the reader (settle, correct, …). */
  visit: (childId: string, visitId: string) =>
    `/children/pages/visit/index?childId=${encodeURIComponent(childId)}&visitId=${encodeURIComponent(visitId)}`,
  /** Every role's messages. */
  inbox: '/pages/inbox/index',
  attention: (state: 'disputed' | 'unconfirmed') => `/supervise/pages/attention/index?state=${state}`,
  policy: '/district/pages/policy/index',
  /** Issue 8: the report form, public without a session; from a child's page the child comes preset. */
  report: (childId?: string) => `/report/pages/report/index${childId ? `?childId=${encodeURIComponent(childId)}` : ''}`,
  /** The tracking code is typed on the page, never put in its address. */
  concernStatus: '/report/pages/status/index',
  myConcerns: '/report/pages/mine/index',
  concernQueue: '/concerns/pages/queue/index',
  concern: (id: string) => `/concerns/pages/detail/index?id=${encodeURIComponent(id)}`,
  /** Issue 8, R6: the handling form, raised from a child's page by its social worker or director. */
  raiseEscalation: (childId: string) => `/cases/pages/raise/index?childId=${encodeURIComponent(childId)}`,
  /** A level's difficult cases (the supervisor's, the district's, the city's) and the overdue ones below. */
  escalationQueue: '/cases/pages/queue/index',
  newAssessment: (childId: string) => `/assessment/pages/new/index?childId=${encodeURIComponent(childId)}`,
  assessment: (childId: string, id: string) => `/assessment/pages/detail/index?childId=${encodeURIComponent(childId)}&id=${encodeURIComponent(id)}`,
  assessmentHistory: (childId: string) => `/assessment/pages/history/index?childId=${encodeURIComponent(childId)}`,
  escalation: (id: string) => `/cases/pages/detail/index?id=${encodeURIComponent(id)}`,
  /** Issue 9, R4: a region's monthly report (the reader's own region without one), last month without a month. */
  monthlyReport: (regionId?: string, month?: string) => {
    const query = [regionId ? `regionId=${encodeURIComponent(regionId)}` : '', month ? `month=${encodeURIComponent(month)}` : ''].filter(Boolean).join('&');
    return `/monthly/pages/month/index${query ? `?${query}` : ''}`;
  },
  /** R24: a town's quarterly dispatch (季度工作简报), for its supervisor to complete and the district to read. */
  quarterlyDispatch: (townId: string, quarter: string) =>
    `/monthly/pages/dispatch/index?townId=${encodeURIComponent(townId)}&quarter=${encodeURIComponent(quarter)}`,
  /** Issue 10: binding the 公众号 / 企业微信 chat with a one-time code. */
  chatBind: '/chat/pages/bind/index',
  /** Issue 11, R8: the child-protection pledge, read to its end and signed; every refusal for a missing pledge leads here. */
  pledge: '/pledge/pages/sign/index',
  /** Issue 11 part 3, R12: the safety-education schedule of the reader's area, planning, recording and the tracker. */
  safetySchedule: '/safety/pages/schedule/index',
  safetyPlan: '/safety/pages/plan/index',
  safetyHold: (sessionId: string) => `/safety/pages/hold/index?id=${encodeURIComponent(sessionId)}`,
  safetyTracker: (area: { townId: string } | { districtId: string }) =>
    'townId' in area
      ? `/safety/pages/tracker/index?townId=${encodeURIComponent(area.townId)}`
      : `/safety/pages/tracker/index?districtId=${encodeURIComponent(area.districtId)}`,
  /** R8: the org admin's 承诺书签署情况: who of the organization has signed the current version, with downloads. */
  pledgeRoster: '/pledge/pages/roster/index',
  /** Issue 12, R2: a child's service plan (the family-facing part for a guardian). */
  casePlan: (childId: string) => `/caseplan/pages/plan/index?id=${encodeURIComponent(childId)}`,
  editCasePlan: (childId: string) => `/caseplan/pages/edit/index?id=${encodeURIComponent(childId)}`,
  /** Issue 12, R15 and R2: the case's steps after the plan: a periodic review, telling the family, closing, the handbook. */
  reviewCasePlan: (childId: string) => `/caseplan/pages/review/index?id=${encodeURIComponent(childId)}`,
  announceClosing: (childId: string) => `/caseplan/pages/announce/index?id=${encodeURIComponent(childId)}`,
  closeCase: (childId: string) => `/caseplan/pages/close/index?id=${encodeURIComponent(childId)}`,
  recordHandbook: (childId: string) => `/caseplan/pages/handbook/index?id=${encodeURIComponent(childId)}`,
  /** Issue 12 part 3, R22: temporary state guardianship: where, since when, the deadline, the next step. */
  stateGuardianship: (childId: string) => `/caseplan/pages/guardianship/index?id=${encodeURIComponent(childId)}`,
  /** Issue 11 part 2: a volunteer's application (the ticket is kept on the phone, never in the address) and its review. */
  volunteerRegister: '/volunteer/pages/register/index',
  volunteerApplication: '/volunteer/pages/application/index',
  volunteerReview: '/volunteer/pages/review/index',
  /** Issue 11 part 4, R5: group activities (each role's list), one activity, the plan form, attendance, the yearly count. */
  activities: '/activities/pages/list/index',
  activity: (id: string) => `/activities/pages/detail/index?id=${encodeURIComponent(id)}`,
  planActivity: '/activities/pages/plan/index',
  activityAttendance: (id: string) => `/activities/pages/attendance/index?id=${encodeURIComponent(id)}`,
  activityR5: '/activities/pages/r5/index',
  /** Issue 12 part 5: who has seen this child (supervisors and officers). */
  caseFileTrail: (childId: string) => `/casefile/pages/trail/index?childId=${encodeURIComponent(childId)}`,
  /** R7: the district officer's progress of the year's files (N / M 已提交, by town). */
  caseFileSubmissions: '/casefile/pages/submissions/index',
  /** Issue 12 part 6: the officer's 回访抽查 (draw a sample, call, record); part 7, R23: 年度考核 and 我的考核. */
  callbackInspection: '/inspection/pages/callbacks/index',
  gradeWorkers: '/evaluation/pages/grade/index',
  myEvaluation: '/evaluation/pages/mine/index',
};
