import Taro from '@tarojs/taro';
import { loginUrlAfterSessionEnds, pageUrlOf } from '../lib/login-redirect';
import { isSessionUsable, sessionFrom, type Session } from '../lib/session';
import type { LoginResult } from '../api/types';
import { clearSession, loadSession, saveSession } from '../platform/session-store';
import { snapshots } from './offline-data';
import { routes } from './routes';

export function currentSession(): Session | null {
  const session = loadSession();
  return isSessionUsable(session, new Date()) ? session : null;
}

export function startSession(result: LoginResult): Session {
  const session = sessionFrom(result);
  saveSession(session);
  return session;
}

let leaving = false;

/**
 * Ends the session and shows the login page; several failing requests at once still navigate only once. When the
 * server ended it (401) the login comes back to the page that was open; an explicit logout does not. The lists
 * kept for offline use go with it (they can be loaded again); queued check-ins and drafts stay for the same user's
 * next login, as they are work not yet on the server.
 */
export function endSession({ comeBack = false }: { comeBack?: boolean } = {}): void {
  const userId = loadSession()?.user.id;
  if (userId) snapshots.clearUser(userId);
  clearSession();
  if (leaving) return;
  const loginUrl = loginUrlAfterSessionEnds(routes.login, routes.home, currentPageUrl(), comeBack);
  if (loginUrl === null) return;
  leaving = true;
  Taro.reLaunch({ url: loginUrl }).finally(() => {
    leaving = false;
  });
}

/** The page on screen, to come back to after logging in again (a form's draft is waiting there). */
function currentPageUrl(): string | null {
  const router = Taro.getCurrentInstance().router;
  return router ? pageUrlOf(router.path, router.params) : null;
}
