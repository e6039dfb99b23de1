import type { EvaluationView } from '../api';
import { evaluationGradeNames, labelOf } from '../lib/labels';

/** What an evaluation's state says to its reader, in Chinese (R23). */
export function statusText(evaluation: EvaluationView): string {
  if (evaluation.status === 'reviewRequested') return '复核中';
  if (evaluation.status === 'reviewOpen') return `还可申请${evaluation.reviewDaysLeft}天`;
  return '最终结果';
}

export function decisionText(evaluation: EvaluationView): string | null {
  const decision = evaluation.review?.decision;
  if (!decision) return null;
  const result = decision.outcome === 'upheld' ? `维持${labelOf(evaluationGradeNames, decision.grade)}` : `改为${labelOf(evaluationGradeNames, decision.grade)}`;
  return `复核结果：${result}。理由：${decision.reasons}（${decision.decidedByName}）`;
}

export const gradeTone = { excellent: 'green', qualified: 'primary', improve: 'yellow' } as const;
