import { describe, expect, it } from 'vitest';
import { createRegistrationTickets, REGISTRATION_TICKET_TTL_SECONDS } from '../../functions/src/api/registration-ticket.js';
import { UnauthenticatedError } from '../../functions/src/domain/errors.js';

/** Issue 11 part 2: the registration ticket holds the openid sealed, expires, and opens only under its own secret. */
const SECRET = 'unit-test-session-secret-0123456789abcdef';
const OPENID = 'oWx1234567890abcdefGHIJ';

function ticketsAt(iso: string, secret = SECRET) {
  let now = new Date(iso);
  const tickets = createRegistrationTickets(secret, () => now);
  return { tickets, move: (seconds: number) => void (now = new Date(now.getTime() + seconds * 1000)) };
}

function refusalOf(open: () => unknown): { message: string; field?: string } | null {
  try {
    open();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(UnauthenticatedError);
    return { message: (error as UnauthenticatedError).message, field: (error as UnauthenticatedError).field };
  }
}

describe('registration tickets', () => {
  it('opens to the openid it holds, which cannot be read from the ticket', () => {
    const { tickets } = ticketsAt('2026-12-01T02:00:00Z');
    const ticket = tickets.issue(OPENID);

    expect(tickets.open(ticket)).toBe(OPENID);
    expect(ticket).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(ticket, 'base64url').toString('latin1')).not.toContain(OPENID);
    expect(tickets.issue(OPENID)).not.toBe(ticket);
  });

  it('expires after its lifetime, to the second', () => {
    const { tickets, move } = ticketsAt('2026-12-01T02:00:00Z');
    const ticket = tickets.issue(OPENID);

    move(REGISTRATION_TICKET_TTL_SECONDS - 1);
    expect(tickets.open(ticket)).toBe(OPENID);
    move(1);
    expect(refusalOf(() => tickets.open(ticket))).toEqual({ message: '注册凭证已过期，请重新登录微信后再注册', field: 'ticket' });
  });

  it('refuses a ticket changed in any byte, cut short, or sealed under another secret', () => {
    const { tickets } = ticketsAt('2026-12-01T02:00:00Z');
    const ticket = tickets.issue(OPENID);
    const bytes = Buffer.from(ticket, 'base64url');
    const changed = [...bytes.keys()].map((index) => {
      const copy = Buffer.from(bytes);
      copy[index] ^= 0x01;
      return copy.toString('base64url');
    });
    const foreign = ticketsAt('2026-12-01T02:00:00Z', 'another-session-secret-0123456789abcdef').tickets.issue(OPENID);

    for (const bad of [...changed, ticket.slice(0, 30), '', foreign]) {
      expect(refusalOf(() => tickets.open(bad))?.field).toBe('ticket');
    }
  });
});
