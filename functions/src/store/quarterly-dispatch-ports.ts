import type { QuarterlyDispatch } from '../domain/quarterly-dispatch.js';

/** R24's quarterly dispatches, one per town and quarter; the adapter is quarterly-dispatches.ts. */
export interface QuarterlyDispatches {
  get(townId: string, quarter: string): Promise<QuarterlyDispatch | null>;
  /**
   * Stores the dispatch if the stored one is still at `dispatch.version - 1` (none stored for version 1);
   * VersionConflictError when someone saved it meanwhile.
   */
  save(dispatch: QuarterlyDispatch): Promise<void>;
}
