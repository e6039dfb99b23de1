import { describe, expect, it } from 'vitest';
import { isSessionUsable, parseStoredSession, sessionFrom, type Session } from '../../miniapp/src/lib/session.js';

const user = { id: 'u1', name: '王丽', role: 'director' as const, roleName: '儿童主任', scope: null, organizationId: null };
const session: Session = { token: 'tok', expiresAt: '2026-11-23T12:00:00Z', user };

describe('the stored session', () => {
  it('keeps token, expiry and user from a login answer', () => {
    expect(sessionFrom({ token: 'tok', expiresAt: '2026-11-23T12:00:00Z', user })).toEqual(session);
  });

  it('counts as expired a minute before the server would refuse the token', () => {
    expect(isSessionUsable(session, new Date('2026-11-23T11:58:59Z'))).toBe(true);
    expect(isSessionUsable(session, new Date('2026-11-23T11:59:01Z'))).toBe(false);
    expect(isSessionUsable(null, new Date('2026-11-23T00:00:00Z'))).toBe(false);
    expect(isSessionUsable({ ...session, expiresAt: 'soon' }, new Date('2026-11-23T00:00:00Z'))).toBe(false);
  });

  it('reads back what was stored, as an object or as JSON text', () => {
    expect(parseStoredSession(session)).toEqual(session);
    expect(parseStoredSession(JSON.stringify(session))).toEqual(session);
  });

  it('ignores anything in storage that is not a complete session', () => {
    expect(parseStoredSession('')).toBeNull();
    expect(parseStoredSession('{not json')).toBeNull();
    expect(parseStoredSession({ token: 'tok' })).toBeNull();
    expect(parseStoredSession({ token: 'tok', expiresAt: 'x', user: { name: '王丽' } })).toBeNull();
    expect(parseStoredSession(42)).toBeNull();
  });
});
