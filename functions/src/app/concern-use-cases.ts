import type { Concern, ConcernStatusView, PublicConcernInput, StaffConcernInput } from '../domain/concern.js';
import type { ConcernStepInput } from '../domain/concern-lifecycle.js';
import type { Principal } from '../domain/user.js';
import type { Repositories } from '../store/ports.js';
import { concernStatus } from './concern-status.js';
import { listConcerns, type ConcernLists } from './list-concerns.js';
import type { Basics } from './ports.js';
import { readConcern, type ConcernRead } from './read-concern.js';
import { reportConcern } from './report-concern.js';
import { reportPublicConcern, type PublicReportReceived } from './report-public-concern.js';
import { stepConcern } from './step-concern.js';
import type { ConcernKeys } from './concern-ports.js';

/** Issue 8's concern reports, bound to their ports; the keys of ids and tracking codes come from the API's composition. */
export interface ConcernUseCases {
  reportConcern(principal: Principal, input: StaffConcernInput, idempotencyKey: string): Promise<Concern>;
  reportPublicConcern(input: PublicConcernInput, idempotencyKey: string): Promise<PublicReportReceived>;
  concernStatus(trackingCode: string): Promise<ConcernStatusView>;
  stepConcern(principal: Principal, concernId: string, input: ConcernStepInput): Promise<Concern>;
  readConcern(principal: Principal, concernId: string): Promise<ConcernRead>;
  listConcerns(principal: Principal): Promise<ConcernLists>;
}

export function createConcernUseCases(deps: Basics & { repositories: Repositories; concernKeys: ConcernKeys }): ConcernUseCases {
  const ports = { ...deps.repositories, clock: deps.clock, newId: deps.newId, concernKeys: deps.concernKeys };
  return {
    reportConcern: (principal, input, key) => reportConcern(ports, principal, input, key),
    reportPublicConcern: (input, key) => reportPublicConcern(ports, input, key),
    concernStatus: (code) => concernStatus(ports, code),
    stepConcern: (principal, concernId, input) => stepConcern(ports, principal, concernId, input),
    readConcern: (principal, concernId) => readConcern(ports, principal, concernId),
    listConcerns: (principal) => listConcerns(ports, principal),
  };
}
