import { sign, verify } from 'hono/jwt';
import { z } from 'zod';
import { UnauthenticatedError } from '../domain/errors.js';
import type { Clock } from '../domain/time.js';
import { roleSchema, type Role } from '../domain/user.js';

/**
 * Session tokens: HS256 JWTs with sub, role, iat, exp. Expiry is checked against the injected clock (hono's own
 * check reads the system time), so tests can move time and the Lambda and the local server agree.
 */
export const MIN_SESSION_SECRET_LENGTH = 32;
export const DEFAULT_SESSION_TTL_SECONDS = 12 * 60 * 60;
/** Tolerated clock difference between instances for a token issued "in the future". */
const ISSUED_AT_LEEWAY_SECONDS = 60;

const claimsSchema = z.object({
  sub: z.string().min(1).max(64),
  role: roleSchema,
  iat: z.number().int(),
  exp: z.number().int(),
});
export type SessionClaims = z.infer<typeof claimsSchema>;

export interface IssuedSession {
  token: string;
  expiresAt: string;
}

export interface SessionTokens {
  issue(user: { id: string; role: Role }): Promise<IssuedSession>;
  /** The claims of a valid token; UnauthenticatedError for anything else. */
  verify(token: string): Promise<SessionClaims>;
}

export interface SessionTokenOptions {
  secret: string;
  clock: Clock;
  ttlSeconds?: number;
}

export function assertSessionSecret(secret: string): void {
  if (secret.length < MIN_SESSION_SECRET_LENGTH) {
    throw new Error(`The session secret must be at least ${MIN_SESSION_SECRET_LENGTH} characters long`);
  }
}

const invalidToken = () => new UnauthenticatedError('登录凭证无效，请重新登录');

export function createSessionTokens({ secret, clock, ttlSeconds = DEFAULT_SESSION_TTL_SECONDS }: SessionTokenOptions): SessionTokens {
  assertSessionSecret(secret);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) throw new Error('The session lifetime must be a positive number of seconds');
  const nowSeconds = () => Math.floor(clock().getTime() / 1000);

  return {
    async issue(user) {
      const iat = nowSeconds();
      const exp = iat + ttlSeconds;
      const token = await sign({ sub: user.id, role: user.role, iat, exp }, secret, 'HS256');
      return { token, expiresAt: new Date(exp * 1000).toISOString() };
    },
    async verify(token) {
      let payload: unknown;
      try {
        payload = await verify(token, secret, { alg: 'HS256', exp: false, nbf: false, iat: false });
      } catch {
        throw invalidToken();
      }
      const claims = claimsSchema.safeParse(payload);
      if (!claims.success) throw invalidToken();
      const now = nowSeconds();
      if (claims.data.exp <= now) throw new UnauthenticatedError('登录已过期，请重新登录');
      if (claims.data.iat > now + ISSUED_AT_LEEWAY_SECONDS) throw invalidToken();
      return claims.data;
    },
  };
}
