import type { SubscriptionReport, SubscriptionStatus } from '../api';

/**
 * The 微信提醒 row's words and the report of `wx.requestSubscribeMessage`'s answer. A one-time consent (一次性) lets
 * WeChat deliver one message; a long-term one (长期订阅), which WeChat grants only to public-service mini-programs
 * such as 政务民生, lets the daily digest arrive every day.
 */
type Template = SubscriptionStatus['templates'][number];
type Answer = SubscriptionReport['answers'][number]['answer'];

const ANSWERS = new Set<string>(['accept', 'reject', 'ban', 'filter']);

/** 长期订阅 wins over one-time messages; none of either is 未开启. */
export function consentWords(templates: readonly Template[]): string {
  if (templates.some((t) => t.kind === 'longTerm' && t.longTerm)) return '长期订阅';
  const left = templates.reduce((sum, t) => sum + (t.kind === 'oneTime' ? t.oneTimeLeft : 0), 0);
  return left > 0 ? `一次性 ${left} 条` : '未开启';
}

/**
 * WeChat answers `{ errMsg, [templateId]: 'accept' | 'reject' | 'ban' | 'filter' }`; only the templates asked about
 * are reported, and an unknown answer is left out rather than guessed.
 */
export function reportFromAnswer(answer: Record<string, unknown>, asked: readonly string[]): SubscriptionReport | null {
  const answers = asked.flatMap((templateId) => {
    const value = answer[templateId];
    return typeof value === 'string' && ANSWERS.has(value) ? [{ templateId, answer: value as Answer }] : [];
  });
  return answers.length === 0 ? null : { answers: answers.slice(0, 3) };
}

/**
 * WeChat asks about at most three templates at a time, and never about one-time and long-term templates together:
 * the long-term ones while any is off (the daily digest needs them), else the one-time ones (one more message each).
 */
export function templatesToAsk(templates: readonly Template[]): string[] {
  const longTermOff = templates.filter((t) => t.kind === 'longTerm' && !t.longTerm);
  const chosen = longTermOff.length > 0 ? longTermOff : templates.filter((t) => t.kind === 'oneTime');
  return chosen.map((t) => t.templateId).slice(0, 3);
}
