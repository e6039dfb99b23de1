/** An RFC 9457 problem as the API sends it (application/problem+json), titles and details in Chinese. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** The request field the problem is about, e.g. `birthDate` or `guardians.0.phone`. */
  field?: string;
  /** With `not-registered` only: the ticket a WeChat user without an account applies as a volunteer with. */
  registrationTicket?: string;
}

/** Status used when no HTTP answer arrived at all. */
export const NETWORK_FAILURE_STATUS = 0;

/** Every failure of an API call, so a page needs one catch and one way to show it. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly field: string | undefined;
  readonly type: string;
  readonly registrationTicket: string | undefined;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}：${problem.detail}` : problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.title = problem.title;
    this.detail = problem.detail;
    this.field = problem.field;
    this.type = problem.type;
    this.registrationTicket = problem.registrationTicket;
    // Transpiled to ES5 for old WebViews, `extends Error` loses the prototype; restore it so instanceof works.
    Object.setPrototypeOf(this, ApiError.prototype);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Fallback titles for answers that carry no problem body (a proxy's HTML page, an empty 502). */
const titleByStatus: Record<number, string> = {
  400: '请求有误',
  401: '登录已失效，请重新登录',
  403: '没有权限',
  404: '未找到',
  409: '数据已被他人修改，请刷新后重试',
  413: '提交的内容过大',
  422: '提交的内容不符合要求',
  429: '操作过于频繁，请稍后再试',
};

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.title === 'string' && typeof v.status === 'number';
}

/** Turns an error answer into an ApiError, keeping the server's Chinese title, detail and field when it sent them. */
export function toApiError(status: number, body: unknown): ApiError {
  if (isProblem(body)) {
    return new ApiError({
      type: typeof body.type === 'string' ? body.type : 'about:blank',
      title: body.title,
      status,
      detail: typeof body.detail === 'string' ? body.detail : undefined,
      field: typeof body.field === 'string' ? body.field : undefined,
      registrationTicket: typeof body.registrationTicket === 'string' ? body.registrationTicket : undefined,
    });
  }
  const title = titleByStatus[status] ?? (status >= 500 ? '服务暂时不可用，请稍后再试' : '请求失败');
  return new ApiError({ type: 'about:blank', title, status });
}

export function networkError(): ApiError {
  return new ApiError({
    type: 'about:blank',
    title: '网络连接失败',
    status: NETWORK_FAILURE_STATUS,
    detail: '请检查网络后重试',
  });
}

/** Any thrown value as an ApiError, so pages show one kind of message; non-API failures get a generic one. */
export function asApiError(error: unknown, title = '操作失败，请稍后再试'): ApiError {
  if (isApiError(error)) return error;
  return new ApiError({ type: 'about:blank', title, status: NETWORK_FAILURE_STATUS });
}

/** Issue 11 part 2: WeChat knows this user but no account is bound; the error carries a registration ticket. */
export const NOT_REGISTERED_PROBLEM = 'urn:shouhu:problem:not-registered';

export function registrationTicketOf(error: unknown): string | null {
  return isApiError(error) && error.type === NOT_REGISTERED_PROBLEM && error.registrationTicket ? error.registrationTicket : null;
}
