import { evaluationGradeNames, REVIEW_WINDOW_DAYS, type EvaluationGrade } from '../domain/worker-evaluation.js';

/** R23: what the worker's inbox says when their grade is published, and when their review is decided. */
export function evaluationPublishedText(year: number, grade: EvaluationGrade): string {
  return `您的${year}年度考核结果已公布：${evaluationGradeNames[grade]}。如有异议，可在公布后${REVIEW_WINDOW_DAYS}天内在“我的考核”中申请复核。`;
}

export function reviewDecidedText(year: number, outcome: 'upheld' | 'changed', grade: EvaluationGrade): string {
  const result = outcome === 'upheld' ? `维持原等级：${evaluationGradeNames[grade]}` : `等级改为：${evaluationGradeNames[grade]}`;
  return `您的${year}年度考核复核已有结果，${result}。此为最终结果。`;
}
