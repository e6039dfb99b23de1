import { sign } from 'hono/jwt';
import { describe, expect, it } from 'vitest';
import { createSessionTokens, DEFAULT_SESSION_TTL_SECONDS } from '../../functions/src/api/session-token.js';
import { UnauthenticatedError } from '../../functions/src/domain/errors.js';

const secret = 'unit-test-session-secret-0123456789abcdef';

function movableClock(start: string) {
  let now = new Date(start);
  return { clock: () => now, advance: (seconds: number) => (now = new Date(now.getTime() + seconds * 1000)) };
}

describe('session tokens (HS256, expiry on the injected clock)', () => {
  it('issues a token whose claims verify and whose expiry is 12 hours later by default', async () => {
    const { clock } = movableClock('2026-03-10T02:00:00Z');
    const tokens = createSessionTokens({ secret, clock });

    const session = await tokens.issue({ id: 'u-director', role: 'director' });
    const claims = await tokens.verify(session.token);

    expect(session.expiresAt).toBe('2026-03-10T14:00:00.000Z');
    expect(claims).toEqual({
      sub: 'u-director',
      role: 'director',
      iat: Date.parse('2026-03-10T02:00:00Z') / 1000,
      exp: Date.parse('2026-03-10T02:00:00Z') / 1000 + DEFAULT_SESSION_TTL_SECONDS,
    });
  });

  it('accepts a token up to its last second and refuses it from its expiry on', async () => {
    const time = movableClock('2026-03-10T02:00:00Z');
    const tokens = createSessionTokens({ secret, clock: time.clock, ttlSeconds: 600 });
    const { token } = await tokens.issue({ id: 'u-1', role: 'guardian' });

    time.advance(599);
    await expect(tokens.verify(token)).resolves.toMatchObject({ sub: 'u-1' });
    time.advance(1);
    await expect(tokens.verify(token)).rejects.toThrow(UnauthenticatedError);
    await expect(tokens.verify(token)).rejects.toThrow('登录已过期');
  });

  it('refuses a token signed with another secret, a tampered one, garbage and a token without a role', async () => {
    const { clock } = movableClock('2026-03-10T02:00:00Z');
    const tokens = createSessionTokens({ secret, clock });
    const other = createSessionTokens({ secret: 'another-secret-of-enough-length-0123456789', clock });
    const foreign = (await other.issue({ id: 'u-1', role: 'cityOfficer' })).token;
    const genuine = (await tokens.issue({ id: 'u-1', role: 'guardian' })).token;
    const [header, , signature] = genuine.split('.');
    const elevated = Buffer.from(JSON.stringify({ sub: 'u-1', role: 'cityOfficer', iat: 0, exp: 9_999_999_999 })).toString('base64url');
    const noRole = await sign({ sub: 'u-1', iat: 1, exp: 9_999_999_999 }, secret, 'HS256');

    for (const token of [foreign, `${header}.${elevated}.${signature}`, 'not-a-token', noRole]) {
      await expect(tokens.verify(token)).rejects.toThrow(UnauthenticatedError);
    }
  });

  it('refuses a token issued in the future beyond a minute of clock skew', async () => {
    const later = movableClock('2026-03-10T03:00:00Z');
    const now = movableClock('2026-03-10T02:00:00Z');
    const { token } = await createSessionTokens({ secret, clock: later.clock }).issue({ id: 'u-1', role: 'director' });

    await expect(createSessionTokens({ secret, clock: now.clock }).verify(token)).rejects.toThrow(UnauthenticatedError);
  });

  it('will not start with a session secret shorter than 32 characters', () => {
    expect(() => createSessionTokens({ secret: 'short', clock: () => new Date() })).toThrow(/at least 32/);
  });
});
