import type { OpenAPIHono } from '@hono/zod-openapi';
import { decideVisitAccess } from '../../domain/access-policy.js';
import { ForbiddenError } from '../../domain/errors.js';
import { shanghaiDate } from '../../domain/time.js';
import type { Actor } from '../../domain/user.js';
import type { AppDeps } from '../app.js';
import { loadReadableChild } from '../child-access.js';
import { auditEntryOf } from '../../app/audit-entry.js';
import type { Env } from '../context.js';
import { dueItemsOf } from '../due-items.js';
import { rethrowCursorError } from '../list-errors.js';
import { loadActor } from '../session.js';
import { parseIdempotencyKey } from '../idempotency-key.js';
import { participantNamesOf, visitDetailViewOf, visitViewFor } from '../visit-views.js';
import {
  answerVisitRoute,
  checkInRoute,
  childObligationsRoute,
  correctVisitRoute,
  listVisitsRoute,
  readVisitRoute,
  settleDisputeRoute,
  verifyChainRoute,
  withdrawVisitRoute,
} from './child-visits-routes.js';

/**
 * Loads a child for a staff-only read. The worker's schedule and the chain check are staff matters: a guardian who
 * may read the child is told no.
 */
async function loadChildForStaff(deps: AppDeps, actor: Actor, childId: string, attempted: 'obligation.list' | 'visit.verify') {
  const child = await loadReadableChild(deps, actor, childId, attempted);
  const decision = decideVisitAccess(actor, attempted === 'visit.verify' ? 'verify' : 'listObligations', child);
  if (!decision.allowed) {
    throw new ForbiddenError('监护人不查看工作人员的走访安排与核验').refusing({ action: attempted, childId: child.id, reason: decision.denial });
  }
  return child;
}

/** Registered on the children sub-app, which already requires a session for every route. */
export function registerChildVisitRoutes(app: OpenAPIHono<Env>, deps: AppDeps): void {
  const { visits, users, audit, obligations, records } = deps.repositories;
  const { useCases } = deps;

  app.openapi(checkInRoute, async (c) => {
    // Checked here so that a missing key is named as the client spells it (Idempotency-Key).
    const idempotencyKey = parseIdempotencyKey(c.req.header('idempotency-key'));
    const { actor, visit, replayed, participantNames } = await useCases.checkIn(c.get('principal'), {
      childId: c.req.valid('param').id,
      input: c.req.valid('json'),
      idempotencyKey,
    });
    if (replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(visitViewFor(actor.role, visit, participantNames), 201);
  });

  app.openapi(listVisitsRoute, async (c) => {
    const actor = await loadActor(c, users);
    const { limit, cursor } = c.req.valid('query');
    const child = await loadReadableChild(deps, actor, c.req.valid('param').id, 'visit.list');
    const page = await visits.listOfChild(child.id, { limit, cursor: cursor ?? null }).catch(rethrowCursorError);
    await audit.record([auditEntryOf(deps, actor, 'visit.list', child.id, 'allowed')]);
    const names = await participantNamesOf(deps.repositories.records, page.items);
    return c.json({ items: page.items.map((visit) => visitViewFor(actor.role, visit, names)), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(answerVisitRoute, async (c) => {
    const { id, visitId } = c.req.valid('param');
    const { actor, visit, participantNames } = await useCases.answerVisit(c.get('principal'), { childId: id, visitId, input: c.req.valid('json') });
    return c.json(visitViewFor(actor.role, visit, participantNames), 200);
  });

  app.openapi(verifyChainRoute, async (c) => {
    const actor = await loadActor(c, users);
    const child = await loadChildForStaff(deps, actor, c.req.valid('param').id, 'visit.verify');
    const result = await visits.verifyChain(child.id);
    await audit.record([auditEntryOf(deps, actor, 'visit.verify', child.id, 'allowed')]);
    return c.json(result, 200);
  });

  app.openapi(childObligationsRoute, async (c) => {
    const actor = await loadActor(c, users);
    const child = await loadChildForStaff(deps, actor, c.req.valid('param').id, 'obligation.list');
    const entries = await obligations.listOfChild(child.id);
    await audit.record([auditEntryOf(deps, actor, 'obligation.list', child.id, 'allowed')]);
    return c.json({ items: await dueItemsOf(records, entries, shanghaiDate(deps.clock())) }, 200);
  });

  // After the chain check, so that `integrity` is not taken for a visit's id.
  app.openapi(readVisitRoute, async (c) => {
    const { id, visitId } = c.req.valid('param');
    return c.json(visitDetailViewOf(await useCases.readVisit(c.get('principal'), { childId: id, visitId })), 200);
  });

  app.openapi(settleDisputeRoute, async (c) => {
    const { id, visitId } = c.req.valid('param');
    const detail = await useCases.settleDispute(c.get('principal'), { childId: id, visitId, input: c.req.valid('json') });
    return c.json(visitDetailViewOf(detail), 200);
  });

  app.openapi(correctVisitRoute, async (c) => {
    const { id, visitId } = c.req.valid('param');
    const detail = await useCases.correctVisit(c.get('principal'), { childId: id, visitId, input: c.req.valid('json') });
    return c.json(visitDetailViewOf(detail), 200);
  });

  app.openapi(withdrawVisitRoute, async (c) => {
    const { id, visitId } = c.req.valid('param');
    const detail = await useCases.withdrawVisit(c.get('principal'), { childId: id, visitId, input: c.req.valid('json') });
    return c.json(visitDetailViewOf(detail), 200);
  });
}
