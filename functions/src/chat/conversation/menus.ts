import type { Role } from '../../domain/user.js';

/** How to bind, in the words of the mini-program's home page entry (issue 10, part 3). */
export const HOW_TO_BIND = '已有小程序账号？在小程序首页点“绑定公众号 / 企业微信”拿到绑定码，然后在这里发送：绑定 加 6 位数字';

export const CALL_110 = '孩子有危险，请立即拨打110。';

const PUBLIC_LINES = ['报告 —— 发现孩子没人照顾或有危险', '安全 —— 儿童安全小提示', '帮助 —— 看这份菜单'];

const GUARDIAN_LINES = ['1 或 确认 —— 确认最近一次走访', '2 或 没来 —— 走访不对，告诉我们', ...PUBLIC_LINES];

const WORKER_LINES = [
  '今天 —— 今天到期和逾期的孩子',
  '本周 —— 7 天内要走访的孩子',
  '提醒 —— 每天的提醒发到这里（提醒关：不再发）',
  '报告 —— 报告孩子的危险情况',
  '安全 —— 儿童安全小提示',
  '承诺书 —— 儿童保护承诺书',
];

const STAFF_LINES = ['提醒 —— 每天的提醒发到这里（提醒关：不再发）', '报告 —— 报告孩子的危险情况', '安全 —— 儿童安全小提示', '承诺书 —— 儿童保护承诺书'];

/** Whose menu lists the due children (their own obligations, issue 3). */
export function isWorker(role: Role): boolean {
  return role === 'director' || role === 'socialWorker';
}

/** The short menu of what this person can send; `role` null: not bound, the public functions only. */
export function menuFor(role: Role | null): string {
  if (role === null) return ['您好！可以回复：', ...PUBLIC_LINES, CALL_110, HOW_TO_BIND].join('\n');
  const lines = role === 'guardian' ? GUARDIAN_LINES : isWorker(role) ? WORKER_LINES : STAFF_LINES;
  return ['您好！可以回复：', ...lines, CALL_110].join('\n');
}
