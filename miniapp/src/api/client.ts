import { networkError, toApiError, type ApiError } from './api-error';
import type { HttpMethod, Transport } from './transport';
import type { ChildDetail, ChildListPage, DevUser, ListChildrenQuery, LoginResult, Me } from './types';

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

export interface ApiClient {
  devUsers(): Promise<DevUser[]>;
  devLogin(userId: string): Promise<LoginResult>;
  wechatLogin(code: string): Promise<LoginResult>;
  me(): Promise<Me>;
  listChildren(query?: ListChildrenQuery): Promise<ChildListPage>;
  getChild(id: string): Promise<ChildDetail>;
}

interface Call {
  method: HttpMethod;
  path: string;
  body?: unknown;
  /** Login calls go without a token: a stale one must not turn a wrong code into "session expired". */
  anonymous?: boolean;
}

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

export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');

  async function send<T>({ method, path, body, anonymous = false }: Call): Promise<T> {
    const token = anonymous ? null : options.getToken();
    const headers: Record<string, string> = { Accept: 'application/json' };
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

  return {
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
        path: `/children${buildQuery({ limit: query.limit, cursor: query.cursor })}`,
      }),
    getChild: (id) => send<ChildDetail>({ method: 'GET', path: `/children/${encodeURIComponent(id)}` }),
  };
}
