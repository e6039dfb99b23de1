import { activityCalls, type ActivitiesApi } from './activities-client';
import { networkError, toApiError, type ApiError } from './api-error';
import { chatBindingCalls, type ChatBindingsApi } from './chat-bindings-client';
import { pledgeCalls, type PledgeApi } from './pledge-client';
import { caseFileCalls, type CaseFileApi } from './case-file-client';
import { casePlanCalls, type CasePlanApi } from './case-plan-client';
import { concernCalls, type ConcernsApi } from './concerns-client';
import { escalationCalls, type EscalationsApi } from './escalations-client';
import { assessmentCalls, type AssessmentsApi } from './assessments-client';
import { reportCalls, type ReportsApi } from './reports-client';
import { inspectionCalls, type InspectionApi } from './inspection-client';
import { safetyCalls, type SafetyApi } from './safety-client';
import { volunteerCalls, type VolunteersApi } from './volunteers-client';
import type { HttpMethod, Transport } from './transport';
import type {
  AttentionState,
  AttentionVisit,
  CheckInInput,
  ChildCount,
  ChildListFilter,
  ChildListPage,
  ChildPage,
  ConfirmVisitInput,
  CorrectVisitInput,
  DevUser,
  DueItem,
  FilterVillage,
  InboxList,
  SubscriptionReport,
  SubscriptionStatus,
  ListChildrenQuery,
  ListVisitsQuery,
  LoginResult,
  Me,
  PendingVisit,
  PolicyInput,
  PolicyPreview,
  PolicyRule,
  PolicyView,
  SettleDisputeInput,
  Visit,
  VisitDetail,
  VisitIntegrity,
  VisitPage,
  WithdrawVisitInput,
} from './types';

export const API_PREFIX = '/api/v1';

export interface ApiClientOptions {
  /** Origin of the API, e.g. https://api.example.cn; empty for the page's own origin. */
  baseUrl: string;
  request: Transport;
  /** The current session token, or null when logged out. */
  getToken: () => string | null;
  /** Called when a request that carried a token is answered 401: the session is over. */
  onUnauthorized?: (error: ApiError) => void;
}

export interface ApiClient extends ConcernsApi, EscalationsApi, ReportsApi, ChatBindingsApi, SafetyApi, PledgeApi, VolunteersApi, ActivitiesApi, CaseFileApi, InspectionApi, AssessmentsApi, CasePlanApi {
  devUsers(): Promise<DevUser[]>;
  devLogin(userId: string): Promise<LoginResult>;
  wechatLogin(code: string): Promise<LoginResult>;
  me(): Promise<Me>;
  listChildren(query?: ListChildrenQuery): Promise<ChildListPage>;
  getChild(id: string): Promise<ChildPage>;
  countChildren(filter?: ChildListFilter): Promise<number>;
  /** The villages the list may be narrowed to (the area's, a social worker's children's). */
  filterVillages(): Promise<FilterVillage[]>;
  policyRules(): Promise<PolicyRule[]>;
  districtPolicy(districtId: string): Promise<PolicyView>;
  /** What saving these rules would move; nothing is written. 409 when the version is no longer the stored one. */
  previewPolicy(districtId: string, input: PolicyInput): Promise<PolicyPreview>;
  /** 409 when someone saved another version meanwhile. */
  updatePolicy(districtId: string, input: PolicyInput): Promise<PolicyView>;
  /** The logged-in worker's obligations due within `within` days (default 14, max 62) plus all overdue. */
  myObligations(within?: number): Promise<DueItem[]>;
  childObligations(childId: string): Promise<DueItem[]>;
  /** Due on `date` (YYYY-MM-DD) across a town. */
  townObligations(townId: string, date: string): Promise<DueItem[]>;
  /** The same key again returns the first answer and stores nothing twice (the offline queue relies on it). */
  checkIn(childId: string, input: CheckInInput, idempotencyKey: string): Promise<Visit>;
  listVisits(childId: string, query?: ListVisitsQuery): Promise<VisitPage>;
  pendingConfirmations(): Promise<PendingVisit[]>;
  confirmVisit(childId: string, visitId: string, input: ConfirmVisitInput): Promise<Visit>;
  /** One visit's page as the reader may see it, with the actions open to them. */
  visit(childId: string, visitId: string): Promise<VisitDetail>;
  /** The supervisor settles the guardian's dispute, on the version they saw (409 once someone has). */
  settleDispute(childId: string, visitId: string, input: SettleDisputeInput): Promise<VisitDetail>;
  /** The author corrects their own check-in, with a reason, within the week. */
  correctVisit(childId: string, visitId: string, input: CorrectVisitInput): Promise<VisitDetail>;
  withdrawVisit(childId: string, visitId: string, input: WithdrawVisitInput): Promise<VisitDetail>;
  attention(townId: string, state: AttentionState): Promise<AttentionVisit[]>;
  integrity(childId: string): Promise<VisitIntegrity>;
  inbox(): Promise<InboxList>;
  /** For the entry on every home page: no child is read for it. */
  unreadCount(): Promise<number>;
  markInboxRead(id: string): Promise<void>;
  /** Which WeChat reminders the user has (一次性 N 条 / 长期订阅 / 未开启). */
  subscriptions(): Promise<SubscriptionStatus>;
  /** What wx.requestSubscribeMessage answered; the server counts the consents. */
  reportSubscriptions(report: SubscriptionReport): Promise<SubscriptionStatus>;
}

export interface Call {
  method: HttpMethod;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Login calls go without a token: a stale one must not turn a wrong code into "session expired". */
  anonymous?: boolean;
}

/** One request as the client sends it; the resource files (concerns-client.ts) build theirs with it. */
export type ApiCall = <T>(call: Call) => Promise<T>;

/** Parses a text body; platforms that already parsed JSON hand over an object, which passes through. */
function readBody(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  if (data.trim() === '') return null;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

function buildQuery(params: Record<string, string | number | null | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

function filterParams(filter: ChildListFilter) {
  return { q: filter.q, villageId: filter.villageId, riskLevel: filter.riskLevel, category: filter.category };
}

function policyPath(districtId: string, rest = ''): string {
  return `/districts/${encodeURIComponent(districtId)}/policy${rest}`;
}

function childPath(childId: string, rest = ''): string {
  return `/children/${encodeURIComponent(childId)}${rest}`;
}

function visitPath(childId: string, visitId: string, rest = ''): string {
  return childPath(childId, `/visits/${encodeURIComponent(visitId)}${rest}`);
}

function townPath(townId: string, rest: string): string {
  return `/towns/${encodeURIComponent(townId)}${rest}`;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');

  async function send<T>({ method, path, body, headers: extraHeaders, anonymous = false }: Call): Promise<T> {
    const token = anonymous ? null : options.getToken();
    const headers: Record<string, string> = { Accept: 'application/json', ...extraHeaders };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';

    let response;
    try {
      response = await options.request({
        url: `${baseUrl}${API_PREFIX}${path}`,
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw networkError();
    }

    const data = readBody(response.data);
    if (response.status >= 200 && response.status < 300) return data as T;

    const error = toApiError(response.status, data);
    // Only a request that carried a token can learn that the session is over.
    if (response.status === 401 && token) options.onUnauthorized?.(error);
    throw error;
  }

  const get = <T>(path: string) => send<T>({ method: 'GET', path });
  const itemsOf = <T>(path: string) => get<{ items: T[] }>(path).then(({ items }) => items);

  return {
    ...concernCalls(send),
    ...escalationCalls(send),
    ...assessmentCalls(send),
    ...reportCalls(send),
    ...chatBindingCalls(send),
    ...safetyCalls(send),
    ...pledgeCalls(send),
    ...caseFileCalls(send),
    ...volunteerCalls(send),
    ...activityCalls(send),
    ...inspectionCalls(send),
    ...casePlanCalls(send),
    async devUsers() {
      const { users } = await send<{ users: DevUser[] }>({ method: 'GET', path: '/auth/dev/users', anonymous: true });
      return users;
    },
    devLogin: (userId) => send<LoginResult>({ method: 'POST', path: '/auth/dev', body: { userId }, anonymous: true }),
    wechatLogin: (code) => send<LoginResult>({ method: 'POST', path: '/auth/wechat', body: { code }, anonymous: true }),
    me: () => send<Me>({ method: 'GET', path: '/me' }),
    listChildren: (query = {}) =>
      send<ChildListPage>({
        method: 'GET',
        path: `/children${buildQuery({ limit: query.limit, cursor: query.cursor, ...filterParams(query) })}`,
      }),
    getChild: (id) => get<ChildPage>(childPath(id)),
    countChildren: (filter = {}) => get<ChildCount>(`/children/count${buildQuery(filterParams(filter))}`).then(({ count }) => count),
    filterVillages: () => itemsOf<FilterVillage>('/children/villages'),
    policyRules: () => get<{ rules: PolicyRule[] }>('/policy/rules').then(({ rules }) => rules),
    districtPolicy: (districtId) => get<PolicyView>(policyPath(districtId)),
    previewPolicy: (districtId, input) => send<PolicyPreview>({ method: 'POST', path: policyPath(districtId, '/preview'), body: input }),
    updatePolicy: (districtId, input) => send<PolicyView>({ method: 'PUT', path: policyPath(districtId), body: input }),
    myObligations: (within) => itemsOf<DueItem>(`/obligations/mine${buildQuery({ within })}`),
    childObligations: (childId) => itemsOf<DueItem>(childPath(childId, '/obligations')),
    townObligations: (townId, date) => itemsOf<DueItem>(`${townPath(townId, '/obligations')}${buildQuery({ date })}`),
    checkIn: (childId, input, idempotencyKey) =>
      send<Visit>({
        method: 'POST',
        path: childPath(childId, '/visits'),
        body: input,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    listVisits: (childId, { limit, cursor } = {}) =>
      get<VisitPage>(`${childPath(childId, '/visits')}${buildQuery({ limit, cursor })}`),
    pendingConfirmations: () => itemsOf<PendingVisit>('/visits/pending-confirmation'),
    confirmVisit: (childId, visitId, input) =>
      send<Visit>({ method: 'POST', path: visitPath(childId, visitId, '/confirmation'), body: input }),
    visit: (childId, visitId) => get<VisitDetail>(visitPath(childId, visitId)),
    settleDispute: (childId, visitId, input) =>
      send<VisitDetail>({ method: 'POST', path: visitPath(childId, visitId, '/resolution'), body: input }),
    correctVisit: (childId, visitId, input) =>
      send<VisitDetail>({ method: 'POST', path: visitPath(childId, visitId, '/corrections'), body: input }),
    withdrawVisit: (childId, visitId, input) =>
      send<VisitDetail>({ method: 'POST', path: visitPath(childId, visitId, '/withdrawal'), body: input }),
    attention: (townId, state) => itemsOf<AttentionVisit>(`${townPath(townId, '/visits/attention')}${buildQuery({ state })}`),
    integrity: (childId) => get<VisitIntegrity>(childPath(childId, '/visits/integrity')),
    inbox: () => get<InboxList>('/inbox'),
    unreadCount: () => get<{ count: number }>('/inbox/unread-count').then(({ count }) => count),
    markInboxRead: async (id) => {
      await send<unknown>({ method: 'POST', path: `/inbox/${encodeURIComponent(id)}/read` });
    },
    subscriptions: () => get<SubscriptionStatus>('/me/subscriptions'),
    reportSubscriptions: (report) => send<SubscriptionStatus>({ method: 'POST', path: '/me/subscriptions', body: report }),
  };
}
