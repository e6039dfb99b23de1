import type { ApiError } from '../api';
import { PLEDGE_REQUIRED_TYPE } from '../api/pledge-client';

/** R8: the refusal that leads to the pledge page (ErrorNotice shows 去签署承诺书 for it). */
export function isPledgeRequired(error: Partial<Pick<ApiError, 'type'>> | null | undefined): boolean {
  return error?.type === PLEDGE_REQUIRED_TYPE;
}

/** What is still missing before 签署 can be pressed, in the order the page asks for it; null when nothing is. */
export function signBlockerOf(state: { readToEnd: boolean; typedName: string; hasInk: boolean; consent: boolean }): string | null {
  if (!state.readToEnd) return '请先阅读承诺书全文（滑动到末尾）';
  if (state.typedName.trim() === '') return '请输入本人姓名';
  if (!state.hasInk) return '请在签名框内手写签名';
  if (!state.consent) return '请勾选同意';
  return null;
}

export const rosterStatusNames = { signed: '已签署', unsigned: '未签署', anomaly: '记录异常' } as const;
