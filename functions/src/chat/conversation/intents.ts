import { normalize } from './normalize.js';

/** What a message asks for, whatever words it used. */
export type Intent =
  | { kind: 'confirm' }
  | { kind: 'dispute' }
  | { kind: 'report' }
  | { kind: 'police' }
  | { kind: 'today' }
  | { kind: 'week' }
  | { kind: 'digestOn' }
  | { kind: 'digestOff' }
  | { kind: 'safety' }
  | { kind: 'pledge' }
  | { kind: 'menu' }
  | { kind: 'cancel' }
  | { kind: 'bind'; code: string }
  | { kind: 'unknown' };

type SimpleKind = Exclude<Intent['kind'], 'bind' | 'unknown'>;

/** The words people actually send, after normalize(). */
const synonyms: Record<SimpleKind, readonly string[]> = {
  confirm: ['确认', '1', '是', '对', '来了', '已来', '收到'],
  dispute: ['没来', '2', '没有来', '不对', '没有'],
  report: ['报告', '举报', '求助'],
  police: ['报警'],
  today: ['今天', '今日', '今天的'],
  week: ['本周', '这周', '这星期', '一周'],
  digestOn: ['提醒', '提醒开', '打开提醒'],
  digestOff: ['提醒关', '取消提醒', '关闭提醒'],
  safety: ['安全', '安全教育'],
  pledge: ['承诺书', '承诺'],
  menu: ['帮助', '菜单', '?', 'help', '你好', 'hi'],
  cancel: ['取消', '退出'],
};

const byWord = new Map<string, SimpleKind>(
  (Object.entries(synonyms) as [SimpleKind, readonly string[]][]).flatMap(([kind, words]) => words.map((word) => [word, kind] as const)),
);

const BIND = /^绑定(\d{6})$/u;

/** The intent of a message; `unknown` when nothing matches (the caller answers with the menu). */
export function intentOf(text: string): Intent {
  const said = normalize(text);
  const bind = BIND.exec(said);
  if (bind) return { kind: 'bind', code: bind[1] };
  const kind = byWord.get(said);
  return kind ? { kind } : { kind: 'unknown' };
}
