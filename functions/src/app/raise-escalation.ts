import { acknowledgeLimitsOf } from '../domain/acknowledge-limits.js';
import { decideEscalationRaise } from '../domain/access-policy.js';
import type { Child } from '../domain/child.js';
import { AlreadyExistsError, ForbiddenError, RuleViolationError } from '../domain/errors.js';
import { raiseEscalation as raised, type Escalation, type EscalationInput } from '../domain/escalation.js';
import type { Actor, Principal } from '../domain/user.js';
import { newEvent } from '../events/domain-events.js';
import { actorFrom } from './actor.js';
import { auditEntryOf } from './audit-entry.js';
import { readableChild } from './child-guards.js';
import { namesOf } from './participant-names.js';
import type { RaiseEscalationPorts } from './escalation-ports.js';

export interface EscalationRaised {
  actor: Actor;
  escalation: Escalation;
  child: Child;
  /** The raiser's name, for the trail. */
  names: Map<string, string>;
}

/**
 * A child's social worker or children's director raises a difficult case to the town (R6), with the handling form.
 * The user and the child are one batch, the district's limits a second (they depend on the child's district); one
 * transaction stores the case, the child's pointer, the audit entry and EscalationRaised (whose consumers tell the
 * town and schedule its deadline). Sent again with the same Idempotency-Key, the first case is answered.
 */
export async function raiseEscalation(
  ports: RaiseEscalationPorts,
  principal: Principal,
  childId: string,
  input: EscalationInput,
  idempotencyKey: string,
): Promise<EscalationRaised> {
  const found = await ports.records.read({ users: [principal.userId], child: childId });
  const actor = actorFrom(principal, found.users.get(principal.userId));
  const child = readableChild(actor, found.child, 'escalation.raise');
  const decision = decideEscalationRaise(actor, child);
  if (!decision.allowed) {
    throw new ForbiddenError('疑难个案由儿童的社工或儿童主任提请').refusing({ action: 'escalation.raise', childId: child.id, reason: decision.denial });
  }
  if (child.status === 'closed') throw new RuleViolationError('该儿童已结案，不能提请疑难个案', 'id');
  const names = namesOf(found.users);
  const { policy } = await ports.records.read({ policy: child.region.districtId });
  const now = ports.clock();
  const escalation = raised(
    { id: ports.escalationKeys.escalationIdFor(actor.id, idempotencyKey), childId: child.id, path: child.region, raisedBy: actor.id, input },
    acknowledgeLimitsOf(policy),
    now,
  );
  const event = newEvent(
    'EscalationRaised',
    { escalationId: escalation.id, childId: child.id, level: 'town', townId: child.region.townId, districtId: child.region.districtId, urgent: input.urgent },
    { id: ports.newId(), occurredAt: now, actorId: actor.id },
  );
  try {
    await ports.escalations.create({ escalation, audit: auditEntryOf(ports, actor, 'escalation.raise', child.id, 'allowed'), events: [event] });
    return { actor, escalation, child, names };
  } catch (error) {
    if (!(error instanceof AlreadyExistsError)) throw error;
    const first = await ports.escalations.get(escalation.id);
    // The key reused for another case (a careless client) must not swallow it: that is refused, not merged.
    if (first === null || !sameCase(first, escalation)) throw new AlreadyExistsError('该 Idempotency-Key 已用于另一个个案', 'Idempotency-Key');
    return { actor, escalation: first, child, names };
  }
}

function sameCase(a: Escalation, b: Escalation): boolean {
  const content = (e: Escalation) => JSON.stringify([e.childId, e.raisedBy, e.problem, e.tried, e.helpNeeded, e.urgent]);
  return content(a) === content(b);
}
