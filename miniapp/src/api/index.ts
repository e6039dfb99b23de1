export { createApiClient, API_PREFIX, type ApiClient, type ApiClientOptions } from './client';
export { ApiError, asApiError, isApiError, NETWORK_FAILURE_STATUS, type Problem } from './api-error';
export type { HttpMethod, HttpRequest, HttpResponse, Transport } from './transport';
export type * from './types';
export type * from './concern-types';
export type { ConcernsApi } from './concerns-client';
export type * from './escalation-types';
export type { EscalationsApi } from './escalations-client';
