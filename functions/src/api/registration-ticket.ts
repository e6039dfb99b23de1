import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { UnauthenticatedError } from '../domain/errors.js';
import type { Clock } from '../domain/time.js';

/**
 * A registration ticket (issue 11 part 2): what `/auth/wechat` gives a WeChat user bound to no account, so they can
 * apply as a volunteer. It holds the openid and an expiry, sealed with AES-256-GCM under a key derived (HMAC-SHA256)
 * from the session secret: the client cannot read the openid (WeChat's guideline keeps it on the server) nor change
 * anything without the tag failing. Nothing is stored when a ticket is issued.
 */
export const REGISTRATION_TICKET_TTL_SECONDS = 30 * 60;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface RegistrationTickets {
  issue(openId: string): string;
  /** The openid a valid, unexpired ticket holds; UnauthenticatedError (naming `ticket`) for anything else. */
  open(ticket: string): string;
}

export const registrationTicketSchema = z
  .string()
  .min(1)
  .max(1024)
  .regex(/^[A-Za-z0-9_-]+$/, 'base64url characters only');

const sealedSchema = z.object({ o: z.string().min(1).max(128), e: z.number().int() }).strict();

const invalid = () => new UnauthenticatedError('注册凭证无效，请重新进入注册', 'ticket');

export function createRegistrationTickets(secret: string, clock: Clock, ttlSeconds = REGISTRATION_TICKET_TTL_SECONDS): RegistrationTickets {
  // A key of its own: a ticket says nothing about session tokens or tracking codes.
  const key = createHmac('sha256', secret).update('shouhu volunteer registration ticket v1').digest();
  const nowSeconds = () => Math.floor(clock().getTime() / 1000);

  return {
    issue(openId) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([cipher.update(JSON.stringify({ o: openId, e: nowSeconds() + ttlSeconds }), 'utf8'), cipher.final()]);
      return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
    },
    open(ticket) {
      const bytes = Buffer.from(ticket, 'base64url');
      if (bytes.length <= IV_BYTES + TAG_BYTES) throw invalid();
      let plain: unknown;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
        decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
        plain = JSON.parse(Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8'));
      } catch {
        throw invalid();
      }
      const parsed = sealedSchema.safeParse(plain);
      if (!parsed.success) throw invalid();
      if (parsed.data.e <= nowSeconds()) throw new UnauthenticatedError('注册凭证已过期，请重新登录微信后再注册', 'ticket');
      return parsed.data.o;
    },
  };
}
