import type { Callback, CallbackSample } from '../domain/callback-inspection.js';
import type { DomainEvent } from '../events/domain-events.js';

/** Issue 12 part 6: callback samples and the calls recorded against them; the adapter is callback-inspections.ts. */
export interface CallbackInspections {
  /** Stores a new sample with its events (CallbackSampleDrawn) in one transaction. */
  saveSample(sample: CallbackSample, events: readonly DomainEvent[]): Promise<void>;
  getSample(sampleId: string): Promise<CallbackSample | null>;
  /** The samples drawn for this area (a district or a city), newest first. */
  listSamples(regionId: string, limit: number): Promise<CallbackSample[]>;
  listCallbacks(sampleId: string): Promise<Callback[]>;
  /**
   * Stores the family's callback once, with its events: 'recorded', or the record already stored for that family
   * (a retry, or another officer first), which the use case compares.
   */
  recordCallback(callback: Callback, events: readonly DomainEvent[]): Promise<'recorded' | { stored: Callback }>;
}
