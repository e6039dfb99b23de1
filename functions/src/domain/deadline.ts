import type { EscalationLevel } from './escalation-levels.js';

/**
 * Timers are events (issue 8, part 5): a deadline is named by what it watches, so scheduling it twice is one timer
 * and firing it twice is one event id. For a concern, `level` is where it is raised to if nobody acknowledged it; for
 * an escalation, the level that must acknowledge it.
 */
export type DeadlineSubject = 'concern' | 'escalation';
export type DeadlineDue = 'acknowledge';

/** `escalation-district-ack-<id>`: within idSchema's 64 characters for the 32-character ids the product makes. */
export function deadlineIdOf(subject: DeadlineSubject, subjectId: string, level: EscalationLevel, due: DeadlineDue = 'acknowledge'): string {
  const what: Record<DeadlineDue, string> = { acknowledge: 'ack' };
  return `${subject}-${level}-${what[due]}-${subjectId}`;
}
