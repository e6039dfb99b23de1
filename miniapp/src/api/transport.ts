/**
 * The one thing the API client needs from a platform: send a request, give back status, headers and the raw body.
 * WeChat (wx.request) and the browser (fetch) each implement it; tests pass a fake.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  url: string;
  method: HttpMethod;
  headers: Record<string, string>;
  /** Already serialised; absent for requests without a body. */
  body?: string;
}

export interface HttpResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The body as text, or as already-parsed JSON when the platform parsed it. */
  data: unknown;
}

/** Rejects only when no answer came back (offline, timeout); an HTTP error status resolves normally. */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>;
