import type { ApiCall } from './client';
import type {
  CallbackSampleRow,
  CallbackSampleView,
  DecideReviewInput,
  DrawSampleInput,
  EvaluatedWorker,
  EvaluationGrade,
  EvaluationView,
  RecordCallbackInput,
} from './inspection-types';

/** Issue 12 part 6: callback inspection (officers); part 7, R23: yearly evaluations (officers grade, workers read). */
export interface InspectionApi {
  drawCallbackSample(input: DrawSampleInput): Promise<CallbackSampleView>;
  callbackSamples(): Promise<CallbackSampleRow[]>;
  callbackSample(sampleId: string): Promise<CallbackSampleView>;
  recordCallback(sampleId: string, childId: string, input: RecordCallbackInput): Promise<CallbackSampleView>;
  evaluatedWorkers(year: number): Promise<EvaluatedWorker[]>;
  publishEvaluation(input: { workerId: string; year: number; grade: EvaluationGrade; comments: string }): Promise<EvaluationView>;
  myEvaluations(): Promise<EvaluationView[]>;
  requestEvaluationReview(evaluationId: string, input: { reasons: string; version: number }): Promise<EvaluationView>;
  decideEvaluationReview(evaluationId: string, input: DecideReviewInput): Promise<EvaluationView>;
}

const samplePath = (sampleId: string) => `/inspections/samples/${encodeURIComponent(sampleId)}`;
const evaluationPath = (id: string, rest: string) => `/evaluations/${encodeURIComponent(id)}/${rest}`;

export function inspectionCalls(send: ApiCall): InspectionApi {
  return {
    drawCallbackSample: (input) => send({ method: 'POST', path: '/inspections/samples', body: input }),
    callbackSamples: () => send<{ items: CallbackSampleRow[] }>({ method: 'GET', path: '/inspections/samples' }).then(({ items }) => items),
    callbackSample: (sampleId) => send({ method: 'GET', path: samplePath(sampleId) }),
    recordCallback: (sampleId, childId, input) =>
      send({ method: 'PUT', path: `${samplePath(sampleId)}/callbacks/${encodeURIComponent(childId)}`, body: input }),
    evaluatedWorkers: (year) => send<{ items: EvaluatedWorker[] }>({ method: 'GET', path: `/evaluations/workers?year=${year}` }).then(({ items }) => items),
    publishEvaluation: (input) => send({ method: 'POST', path: '/evaluations', body: input }),
    myEvaluations: () => send<{ items: EvaluationView[] }>({ method: 'GET', path: '/evaluations/mine' }).then(({ items }) => items),
    requestEvaluationReview: (id, input) => send({ method: 'POST', path: evaluationPath(id, 'review-request'), body: input }),
    decideEvaluationReview: (id, input) => send({ method: 'POST', path: evaluationPath(id, 'review-decision'), body: input }),
  };
}
