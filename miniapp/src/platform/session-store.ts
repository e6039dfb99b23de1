import Taro from '@tarojs/taro';
import { parseStoredSession, type Session } from '../lib/session';

const SESSION_KEY = 'shouhu.session';

export function loadSession(): Session | null {
  try {
    return parseStoredSession(Taro.getStorageSync(SESSION_KEY));
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  Taro.setStorageSync(SESSION_KEY, session);
}

export function clearSession(): void {
  Taro.removeStorageSync(SESSION_KEY);
}
