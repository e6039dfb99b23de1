import type { SafetySession } from '../api/safety-types';
import { formatDate } from '../lib/format';

/** One line about a session: its date, its topics and where; names only, never ids. */
export function sessionTitle(session: Pick<SafetySession, 'date' | 'topicNames'>): string {
  return `${formatDate(session.date)} ${session.topicNames.join('、')}`;
}

export function sessionNote(session: Pick<SafetySession, 'audience' | 'place' | 'organizerName' | 'attendance' | 'status'>): string {
  const held = session.status === 'held' && session.attendance !== null ? ` · ${session.attendance} 人参加` : '';
  return `${session.audience.name} · ${session.place} · ${session.organizerName}${held}`;
}
