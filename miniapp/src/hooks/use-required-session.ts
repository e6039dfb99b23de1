import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { Session } from '../lib/session';
import { routes } from '../services/routes';
import { currentSession } from '../services/session';

/** The logged-in session, or null while the page hands over to the login page. */
export function useRequiredSession(): Session | null {
  const [session] = useState(currentSession);
  useEffect(() => {
    if (!session) void Taro.reLaunch({ url: routes.login });
  }, [session]);
  return session;
}
