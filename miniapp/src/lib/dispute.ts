import type { ConfirmVisitInput } from '../api/types';
import type { DisputeReason } from '../../../functions/src/domain/visit';

export type { DisputeReason };

/** The rules the server applies to a dispute (notes/VISITS-API.md), said in the guardian's words before sending. */
export function disputeProblemOf(reasons: readonly DisputeReason[], note: string): string | null {
  if (reasons.length === 0) return '请至少选择一项';
  if (reasons.includes('other') && note.trim() === '') return '选择“其他”时，请写明情况';
  return null;
}

export function disputeInputOf(reasons: readonly DisputeReason[], note: string, version: number): ConfirmVisitInput {
  return { decision: 'dispute', reasons: [...reasons], note: note.trim(), version };
}
