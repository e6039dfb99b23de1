import { assessR3, type VisitRecorderRole } from '../../../functions/src/domain/r3-assessment';
import type { CheckInInput } from '../api/types';

/**
 * Issue 7, B4: a home visit that falls short of R3 is still recorded, but the monthly R3 visit stays due. The form
 * says so before sending, judging with the server's own rule (domain/r3-assessment.ts, zod-free), so the two never
 * disagree about what falls short.
 */
export interface R3Context {
  /** Whether the child's district judges R3; null when the phone does not know (then nothing is said). */
  r3Applies: boolean | null;
  /** The child's assigned social worker; null when it has no team; undefined when the phone does not know. */
  assignedSocialWorkerId: string | null | undefined;
  /** Who fills the form in: a children's director's own visit, without the social worker, is R11's, not R3's. */
  recordedBy: VisitRecorderRole;
}

/** What falls short, in the server's words; empty when nothing does or when the phone cannot tell. */
export function r3ShortfallsOf(input: CheckInInput, context: R3Context): string[] {
  if (context.r3Applies !== true || context.assignedSocialWorkerId === undefined) return [];
  return assessR3(input, context.assignedSocialWorkerId, ['R3'], context.recordedBy).shortfalls;
}

export interface R3Warning {
  title: string;
  content: string;
  confirmText: string;
  cancelText: string;
}

/** The confirm dialog before sending; WeChat allows four characters on each of its buttons. */
export function r3WarningOf(shortfalls: readonly string[]): R3Warning | null {
  if (shortfalls.length === 0) return null;
  return {
    title: '不符合每月入户走访要求',
    content: `${shortfalls.join('；')}。\n这次走访会照常登记，但不算作本月的社工入户走访（R3），这项走访仍然待办。`,
    confirmText: '仍然提交',
    cancelText: '返回修改',
  };
}
