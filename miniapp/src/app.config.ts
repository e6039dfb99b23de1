export default defineAppConfig({
  // The home page comes first: it sends a visitor without a session to the login page. Every role has an inbox,
  // so it is in the main package.
  pages: ['pages/home/index', 'pages/login/index', 'pages/inbox/index'],
  subPackages: [
    {
      // Child records, visit history, one visit's page and the check-in form: loaded by workers, supervisors and
      // guardians, never by volunteers.
      root: 'children',
      pages: ['pages/list/index', 'pages/detail/index', 'pages/check-in/index', 'pages/visit/index'],
    },
    {
      // Issue 12, R18: the guardianship assessment form, one assessment, and a child's assessments; for the team,
      // the supervisor and the officers, never for families or volunteers.
      root: 'assessment',
      pages: ['pages/new/index', 'pages/detail/index', 'pages/history/index'],
    },
    {
      // The guardian's answer to a visit they dispute.
      root: 'family',
      pages: ['pages/dispute/index'],
    },
    {
      // The supervisor's follow-up lists: disputed visits and visits left unconfirmed.
      root: 'supervise',
      pages: ['pages/attention/index'],
    },
    {
      // The district officer's choice of the district's visit rules.
      root: 'district',
      pages: ['pages/policy/index'],
    },
    {
      // Issue 8: reporting a child in danger (also without an account), the status by tracking code, my reports.
      root: 'report',
      pages: ['pages/report/index', 'pages/status/index', 'pages/mine/index'],
    },
    {
      // Issue 8: the handlers' queue of reports and a report's trail and steps.
      root: 'concerns',
      pages: ['pages/queue/index', 'pages/detail/index'],
    },
    {
      // Issue 8, R6: difficult cases: the handling form raised from a child's page, each level's queue, a case's
      // trail and steps.
      root: 'cases',
      pages: ['pages/raise/index', 'pages/queue/index', 'pages/detail/index'],
    },
    {
      // Issue 9, R4: the monthly report's dashboard for supervisors and officers; the chart library (AntV F2) is
      // imported only here, so no other role downloads it.
      root: 'monthly',
      pages: ['pages/month/index', 'pages/dispatch/index'],
    },
    {
      // Issue 11 part 3, R12: safety education for directors, supervisors and district officers: the schedule, the
      // plan form, recording a session held (with photos compressed on the phone) and the tracker.
      root: 'safety',
      pages: ['pages/schedule/index', 'pages/plan/index', 'pages/hold/index', 'pages/tracker/index'],
    },
    {
      // Issue 11 part 4, R5: group activities: lists, one activity with sign-up, the plan form, attendance, and the
      // district's yearly count per organization.
      root: 'activities',
      pages: ['pages/list/index', 'pages/detail/index', 'pages/plan/index', 'pages/attendance/index', 'pages/r5/index'],
    },
    {
      // Issue 10: binding the 公众号 / 企业微信 chat with a one-time code; every role, rarely opened.
      root: 'chat',
      pages: ['pages/bind/index'],
    },
    {
      // Issue 11, R8: reading and signing the child-protection pledge; the org admin's roster of signatures.
      root: 'pledge',
      pages: ['pages/sign/index', 'pages/roster/index'],
    },
    {
      // Issue 11 part 2: a volunteer's application without an account, its status, and the organization admin's review.
      root: 'volunteer',
      pages: ['pages/register/index', 'pages/application/index', 'pages/review/index'],
    },
    {
      // Issue 12 (R7): who has seen a child (supervisors and officers) and the district's yearly submission of files.
      root: 'casefile',
      pages: ['pages/trail/index', 'pages/submissions/index'],
    },
    {
      // Issue 12 part 6: district and city officers' inspection by phone callback to families (seed 000 §六(一)).
      root: 'inspection',
      pages: ['pages/callbacks/index'],
    },
    {
      // Issue 12 part 7, R23: the district officer's yearly grading, and each worker's own grade and review.
      root: 'evaluation',
      pages: ['pages/grade/index', 'pages/mine/index'],
    },
    {
      // Issue 12 (R2, R15, R22): a child's service plan; the team's and the family's view; the team's review,
      // closing announcement, closing report and handbook handover; temporary state guardianship.
      root: 'caseplan',
      pages: ['pages/plan/index', 'pages/edit/index', 'pages/review/index', 'pages/announce/index', 'pages/close/index', 'pages/handbook/index', 'pages/guardianship/index'],
    },
  ],
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['children'] },
  },
  // wx.getLocation records where a check-in was made (issue 3); a refusal is allowed and recorded as missing.
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': { desc: '记录入户走访的地点，作为走访的依据' },
  },
  window: {
    navigationBarBackgroundColor: '#ededed',
    navigationBarTextStyle: 'black',
    navigationBarTitleText: '守护',
    // Also draws Taro's title bar with a back button on H5, where there is no WeChat chrome.
    navigationStyle: 'default',
    backgroundColor: '#ededed',
    backgroundTextStyle: 'dark',
  },
});
