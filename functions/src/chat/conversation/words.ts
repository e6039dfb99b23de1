import { shanghaiDate, TIME_ZONE } from '../../domain/time.js';
import type { Visit } from '../../domain/visit.js';

const timeFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** 11月28日 15:00, in Beijing time. */
export function monthDayTime(instant: string): string {
  const date = new Date(instant);
  return `${monthDayOf(shanghaiDate(date))} ${timeFormat.format(date)}`;
}

/** 2026-12-02 → 12月2日. */
export function monthDayOf(date: string): string {
  const [, month, day] = date.split('-').map(Number);
  return `${month}月${day}日`;
}

/** "11月28日 15:00 张桂英、王晓静来家里走访": when and who, as the guardian will remember it. */
export function visitWords(visit: Pick<Visit, 'startedAt' | 'participantIds' | 'kind'>, names: ReadonlyMap<string, string>): string {
  const who = visit.participantIds.map((id) => names.get(id) ?? '').filter((name) => name !== '').join('、') || '工作人员';
  const what = visit.kind === 'homeVisit' ? '来家里走访' : '和您联系';
  return `${monthDayTime(visit.startedAt)} ${who}${what}`;
}
