import type { WorkerEvaluation } from '../domain/worker-evaluation.js';
import type { DomainEvent } from '../events/domain-events.js';

/** R23: the workers' yearly evaluations; the adapter is worker-evaluations.ts. */
export interface WorkerEvaluations {
  get(evaluationId: string): Promise<WorkerEvaluation | null>;
  listOfDistrict(districtId: string, year: number): Promise<WorkerEvaluation[]>;
  listOfWorker(workerId: string): Promise<WorkerEvaluation[]>;
  /** Publishes a first evaluation with its events; 'exists' when the worker already has one for that year. */
  publish(evaluation: WorkerEvaluation, events: readonly DomainEvent[]): Promise<'published' | 'exists'>;
  /** Replaces the evaluation if still at `previousVersion`, with its events; VersionConflictError otherwise. */
  update(previousVersion: number, next: WorkerEvaluation, events: readonly DomainEvent[]): Promise<void>;
}
