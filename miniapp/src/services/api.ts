import { createApiClient } from '../api';
import { transport } from '../platform/request';
import { currentSession, endSession } from './session';

/** The app's one API client: token from the stored session, and back to login (and then here) when the server ends it. */
export const api = createApiClient({
  baseUrl: process.env.TARO_APP_API_BASE,
  request: transport,
  getToken: () => currentSession()?.token ?? null,
  onUnauthorized: () => endSession({ comeBack: true }),
});
