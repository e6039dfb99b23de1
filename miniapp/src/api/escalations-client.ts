import type { ApiCall } from './client';
import type { ChildEscalations, EscalationInput, EscalationLists, EscalationStepRequest, EscalationView } from './escalation-types';

/** Issue 8, R6: difficult cases raised from a child and worked level by level up to the city. */
export interface EscalationsApi {
  /** The child's social worker or director; the same key again answers the same case (a retry raises once). */
  raiseEscalation(childId: string, input: EscalationInput, idempotencyKey: string): Promise<EscalationView>;
  listEscalations(): Promise<EscalationLists>;
  getEscalation(id: string): Promise<EscalationView>;
  /** 409 when the case moved on meanwhile (another officer's step) or the step is no longer open. */
  stepEscalation(id: string, step: EscalationStepRequest): Promise<EscalationView>;
  childEscalations(childId: string): Promise<ChildEscalations>;
}

function escalationPath(id: string, rest = ''): string {
  return `/escalations/${encodeURIComponent(id)}${rest}`;
}

function childEscalationsPath(childId: string): string {
  return `/children/${encodeURIComponent(childId)}/escalations`;
}

export function escalationCalls(send: ApiCall): EscalationsApi {
  return {
    raiseEscalation: (childId, input, idempotencyKey) =>
      send({ method: 'POST', path: childEscalationsPath(childId), body: input, headers: { 'Idempotency-Key': idempotencyKey } }),
    listEscalations: () => send({ method: 'GET', path: '/escalations' }),
    getEscalation: (id) => send({ method: 'GET', path: escalationPath(id) }),
    stepEscalation: (id, step) => send({ method: 'POST', path: escalationPath(id, '/steps'), body: step }),
    childEscalations: (childId) => send({ method: 'GET', path: childEscalationsPath(childId) }),
  };
}
