/** Issue 12 parts 6 and 7: what the inspection and evaluation routes answer (functions/src/api/inspection-schemas.ts, evaluation-schemas.ts). */
export type CallbackOutcome = 'confirmed' | 'notConfirmed' | 'unreachable';

export interface AppConfirmations {
  confirmed: number;
  disputed: number;
  unanswered: number;
}

export interface CallEntry {
  childId: string;
  childName: string;
  guardians: { name: string; relation: string; phone: string | null }[];
  visits: { date: string; who: string[] }[];
  app: AppConfirmations;
  callback: { outcome: CallbackOutcome; familySaid: string | null; tries: number | null; note: string; recordedAt: string; recordedByName: string } | null;
  disagrees: boolean;
}

export interface CallbackSampleView {
  id: string;
  month: string;
  seed: string;
  size: number;
  candidates: number;
  drawnAt: string;
  drawnByName: string;
  areaName: string;
  summary: { drawn: number; called: number; confirmed: number; notConfirmed: number; unreachable: number; confirmedPercent: number | null; disagreements: number };
  entries: CallEntry[];
}

export interface CallbackSampleRow {
  id: string;
  month: string;
  seed: string;
  drawn: number;
  drawnAt: string;
  drawnByName: string;
  called: number;
}

export interface DrawSampleInput {
  month?: string;
  size: number;
  seed?: string;
}

export type RecordCallbackInput =
  | { outcome: 'confirmed'; note: string }
  | { outcome: 'notConfirmed'; familySaid: string; note: string }
  | { outcome: 'unreachable'; tries: number; note: string };

export type EvaluationGrade = 'excellent' | 'qualified' | 'improve';

export interface EvaluationView {
  id: string;
  year: number;
  workerName: string;
  workerRole: string;
  grade: EvaluationGrade;
  finalGrade: EvaluationGrade;
  comments: string;
  publishedAt: string;
  publishedByName: string;
  status: 'reviewOpen' | 'reviewRequested' | 'final';
  reviewDaysLeft: number;
  review: {
    requestedAt: string;
    reasons: string;
    decision: { outcome: 'upheld' | 'changed'; grade: EvaluationGrade; reasons: string; decidedAt: string; decidedByName: string } | null;
  } | null;
  version: number;
}

export interface EvaluatedWorker {
  workerId: string;
  name: string;
  role: string;
  evaluation: EvaluationView | null;
}

export type DecideReviewInput =
  | { outcome: 'upheld'; reasons: string; version: number }
  | { outcome: 'changed'; grade: EvaluationGrade; reasons: string; version: number };
