import { normaliseTrackingCode, TRACKING_CODE_LENGTH } from '../../../functions/src/domain/tracking-code';

/**
 * The tracking code as typed on the status page (issue 8): any case, spaces and look-alike letters are forgiven the
 * way the server forgives them; a code that cannot be one is said so on the phone, without spending a lookup of the
 * rate limit. Null: looks like a code (the server decides whether it is one).
 */
export function trackingCodeProblem(typed: string): string | null {
  if (typed.trim() === '') return '请输入查询码';
  return normaliseTrackingCode(typed) === null ? `查询码是 ${TRACKING_CODE_LENGTH} 位字母和数字，请核对后重新输入` : null;
}
