import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { loginUrlFor, pageUrlOf } from '../lib/login-redirect';
import type { Session } from '../lib/session';
import { routes } from '../services/routes';
import { currentSession } from '../services/session';

/**
 * The logged-in session, or null while the page hands over to the login page, which is told to come back here
 * (a deep link opened while logged out lands where it pointed, issue 7, B7).
 */
export function useRequiredSession(): Session | null {
  const [session] = useState(currentSession);
  const { path, params } = useRouter();
  useEffect(() => {
    if (session) return;
    const here = pageUrlOf(path, params);
    void Taro.reLaunch({ url: loginUrlFor(routes.login, here === routes.home ? null : here) });
  }, [session, path, params]);
  return session;
}
