import { addDays, daysBetween } from '../../domain/calendar.js';
import { isRunningOn, type DueEntry } from '../../domain/due-entries.js';
import { obligationKindNames } from '../../domain/labels.js';
import { maskName } from '../../domain/masking.js';
import { actorOf, type User } from '../../domain/user.js';
import { ended, type Answer } from './conversation-state.js';
import type { ConversationDeps } from './conversation-ports.js';
import { monthDayOf } from './words.js';

/** A phone screen: more than this and the rest is in the mini-program. */
const MAX_LINES = 10;
const WEEK_DAYS = 7;

interface ChildLine {
  childId: string;
  text: string;
}

/** One line per child in a group: its masked name (as lists show names), what is due and since or until when. */
function childLines(entries: readonly DueEntry[], when: (entry: DueEntry) => string): ChildLine[] {
  const byChild = new Map<string, DueEntry[]>();
  for (const entry of entries) byChild.set(entry.obligation.childId, [...(byChild.get(entry.obligation.childId) ?? []), entry]);
  return [...byChild.entries()].map(([childId, own]) => {
    const kinds = [...new Set(own.map((entry) => obligationKindNames[entry.obligation.kind]))].join('、');
    return { childId, text: `${maskName(own[0].childName)} ${kinds}（${when(own[0])}）` };
  });
}

function listed(title: string, groups: readonly { heading: string; lines: ChildLine[] }[]): string {
  const out = [title];
  let shown = 0;
  let hidden = 0;
  for (const group of groups) {
    if (group.lines.length === 0) continue;
    const room = Math.max(MAX_LINES - shown, 0);
    if (room > 0) out.push(`【${group.heading}】`, ...group.lines.slice(0, room).map((line) => line.text));
    shown += Math.min(room, group.lines.length);
    hidden += Math.max(group.lines.length - room, 0);
  }
  if (hidden > 0) out.push(`还有 ${hidden} 名，请在小程序查看。`);
  return out.join('\n');
}

/**
 * 今天 (issue 10): the worker's overdue children and those due today; 本周: overdue and the next 7 days. From the same
 * use case as the mini-program's home page (their own assignments, audited), names masked as in every list.
 */
export async function dueList(deps: ConversationDeps, user: User, span: 'today' | 'week'): Promise<Answer> {
  const within = span === 'today' ? 0 : WEEK_DAYS;
  const { today, entries } = await deps.listOwnDue(actorOf(user), within);
  const running = entries.filter((entry) => isRunningOn(entry, today));
  const overdue = running.filter((entry) => entry.obligation.dueDate < today);
  const coming = running.filter((entry) => entry.obligation.dueDate >= today && entry.obligation.dueDate <= addDays(today, within));
  if (overdue.length + coming.length === 0) {
    return ended(span === 'today' ? '今天没有到期或逾期的孩子。' : '7 天内没有要走访的孩子，也没有逾期的。');
  }
  const overdueLines = childLines(overdue, (entry) => `逾期${daysBetween(entry.obligation.dueDate, today)}天`);
  const comingLines = childLines(coming, (entry) => (entry.obligation.dueDate === today ? '今天' : monthDayOf(entry.obligation.dueDate)));
  const title = span === 'today' ? `今天（${monthDayOf(today)}）要办的：` : `本周（${monthDayOf(today)}起 7 天）要办的：`;
  return ended(
    listed(title, [
      { heading: '逾期', lines: overdueLines },
      { heading: span === 'today' ? '今天到期' : '7 天内到期', lines: comingLines },
    ]),
  );
}
