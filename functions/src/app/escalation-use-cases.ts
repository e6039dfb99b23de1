import type { EscalationInput } from '../domain/escalation.js';
import type { EscalationStepInput } from '../domain/escalation-lifecycle.js';
import type { Principal } from '../domain/user.js';
import type { Repositories } from '../store/ports.js';
import type { EscalationKeys } from './escalation-ports.js';
import { listChildEscalations, type ChildEscalations } from './list-child-escalations.js';
import { listEscalations, type EscalationLists } from './list-escalations.js';
import type { Basics } from './ports.js';
import { raiseEscalation, type EscalationRaised } from './raise-escalation.js';
import { readEscalation, type EscalationRead } from './read-escalation.js';
import { stepEscalation } from './step-escalation.js';

/** Issue 8's difficult cases (R6), bound to their ports; case ids come from the composition (compose/escalation-keys.ts). */
export interface EscalationUseCases {
  raiseEscalation(principal: Principal, childId: string, input: EscalationInput, idempotencyKey: string): Promise<EscalationRaised>;
  readEscalation(principal: Principal, escalationId: string): Promise<EscalationRead>;
  stepEscalation(principal: Principal, escalationId: string, input: EscalationStepInput): Promise<EscalationRead>;
  listEscalations(principal: Principal): Promise<EscalationLists>;
  listChildEscalations(principal: Principal, childId: string): Promise<ChildEscalations>;
}

export function createEscalationUseCases(deps: Basics & { repositories: Repositories; escalationKeys: EscalationKeys }): EscalationUseCases {
  const ports = { ...deps.repositories, clock: deps.clock, newId: deps.newId, escalationKeys: deps.escalationKeys };
  return {
    raiseEscalation: (principal, childId, input, key) => raiseEscalation(ports, principal, childId, input, key),
    readEscalation: (principal, escalationId) => readEscalation(ports, principal, escalationId),
    stepEscalation: (principal, escalationId, input) => stepEscalation(ports, principal, escalationId, input),
    listEscalations: (principal) => listEscalations(ports, principal),
    listChildEscalations: (principal, childId) => listChildEscalations(ports, principal, childId),
  };
}
