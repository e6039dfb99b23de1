import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import { DomainError, ForbiddenError, type Refusal } from '../domain/errors.js';
import type { AppDeps } from './app.js';
import { auditEntryOf } from '../app/audit-entry.js';
import { actingOf } from './acting.js';
import type { Env } from './context.js';

/** A forbidden answer that names no reason of the policy is still a refusal. */
function refusalOf(error: unknown): Refusal | null {
  if (!(error instanceof DomainError)) return null;
  if (error.refusal) return error.refusal;
  return error instanceof ForbiddenError ? { reason: 'forbidden' } : null;
}

/** The route as registered (`GET /api/v1/children/:id`): ids of the call stay out, what was attempted is clear. */
function routeOf(c: Context<Env>): string {
  const route = matchedRoutes(c)[c.req.routeIndex];
  return `${c.req.method} ${route?.path ?? c.req.path}`.slice(0, 200);
}

/**
 * Every refusal of a signed-in actor leaves one audit entry (RELIABILITY.md: each access recorded; Primero audits
 * every call), written here, once, for all routes: code that refuses only marks its error with `refusing()`.
 * Refusals before sign-in (no principal) are the login rate limit's business.
 */
export function auditRefusals(deps: Pick<AppDeps, 'clock' | 'newId' | 'repositories'>) {
  return createMiddleware<Env>(async (c, next) => {
    await next();
    const refusal = refusalOf(c.error);
    const actor = actingOf(c);
    if (refusal === null || actor === null) return;
    const entry = auditEntryOf(deps, actor, refusal.action ?? 'request', refusal.childId ?? null, 'denied', refusal.reason);
    await deps.repositories.audit.record([{ ...entry, route: routeOf(c) }]);
  });
}
