import type { ApiCall } from './client';
import type {
  ConcernLists,
  ConcernStatusView,
  ConcernStepRequest,
  ConcernView,
  MyConcern,
  PublicConcernRequest,
  PublicRegion,
  PublicReportAnswer,
  StaffConcernRequest,
} from './concern-types';

/** Issue 8: concern reports, from anyone (public, no account) and from signed-in reporters and handlers. */
export interface ConcernsApi {
  /** No account and no token; the same key again answers the same tracking code. 429 past 5 reports in 10 minutes. */
  reportPublicConcern(input: PublicConcernRequest, idempotencyKey: string): Promise<PublicReportAnswer>;
  /** 404 for a code that is no report's. The code goes in the body, never in the address. */
  concernStatus(trackingCode: string): Promise<ConcernStatusView>;
  /** The place picker: the cities without `parentId`, else the level below it. */
  publicRegions(parentId?: string): Promise<PublicRegion[]>;
  reportConcern(input: StaffConcernRequest, idempotencyKey: string): Promise<MyConcern>;
  listConcerns(): Promise<ConcernLists>;
  getConcern(id: string): Promise<ConcernView>;
  /** 409 when the concern moved on meanwhile (another handler's step) or the step is no longer open. */
  stepConcern(id: string, step: ConcernStepRequest): Promise<ConcernView>;
}

const PUBLIC = '/public';

function concernPath(id: string, rest = ''): string {
  return `/concerns/${encodeURIComponent(id)}${rest}`;
}

export function concernCalls(send: ApiCall): ConcernsApi {
  return {
    reportPublicConcern: (input, idempotencyKey) =>
      send({ method: 'POST', path: `${PUBLIC}/concerns`, body: input, headers: { 'Idempotency-Key': idempotencyKey }, anonymous: true }),
    concernStatus: (trackingCode) => send({ method: 'POST', path: `${PUBLIC}/concerns/status`, body: { trackingCode }, anonymous: true }),
    publicRegions: (parentId) =>
      send<{ items: PublicRegion[] }>({
        method: 'GET',
        path: `${PUBLIC}/regions${parentId ? `?parentId=${encodeURIComponent(parentId)}` : ''}`,
        anonymous: true,
      }).then(({ items }) => items),
    reportConcern: (input, idempotencyKey) =>
      send({ method: 'POST', path: '/concerns', body: input, headers: { 'Idempotency-Key': idempotencyKey } }),
    listConcerns: () => send({ method: 'GET', path: '/concerns' }),
    getConcern: (id) => send({ method: 'GET', path: concernPath(id) }),
    stepConcern: (id, step) => send({ method: 'POST', path: concernPath(id, '/steps'), body: step }),
  };
}
