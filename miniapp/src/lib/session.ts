import type { LoginResult, SessionUser } from '../api/types';

/** What the app keeps between launches: the token and who it belongs to. */
export interface Session {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

/** A token this close to expiry is treated as expired, so a request does not fail halfway through a page. */
const EXPIRY_MARGIN_MS = 60 * 1000;

export function sessionFrom(result: LoginResult): Session {
  return { token: result.token, expiresAt: result.expiresAt, user: result.user };
}

export function isSessionUsable(session: Session | null, now: Date): session is Session {
  if (!session) return false;
  const expiresAt = Date.parse(session.expiresAt);
  return Number.isFinite(expiresAt) && expiresAt - EXPIRY_MARGIN_MS > now.getTime();
}

/** Storage may hold anything (an older app version, a hand edit): accept only a complete session. */
export function parseStoredSession(raw: unknown): Session | null {
  const value = typeof raw === 'string' ? safeParse(raw) : raw;
  if (typeof value !== 'object' || value === null) return null;
  const { token, expiresAt, user } = value as Partial<Session>;
  if (typeof token !== 'string' || typeof expiresAt !== 'string') return null;
  if (typeof user !== 'object' || user === null || typeof user.id !== 'string' || typeof user.role !== 'string') {
    return null;
  }
  return { token, expiresAt, user };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
