import { mayHaveOwnObligations, mayListOwnObligationAt } from '../domain/access-policy.js';
import { addDays } from '../domain/calendar.js';
import type { DueEntry } from '../domain/due-entries.js';
import { ForbiddenError } from '../domain/errors.js';
import { shanghaiDate } from '../domain/time.js';
import type { Actor } from '../domain/user.js';
import type { AuditRepository, ObligationRepository } from '../store/ports.js';
import { auditEntryOf } from './audit-entry.js';
import type { Basics } from './ports.js';

export type ListOwnDuePorts = Basics & {
  obligations: Pick<ObligationRepository, 'listDueForAssignee'>;
  audit: Pick<AuditRepository, 'record'>;
};

export interface OwnDue {
  /** Today in Beijing, which the entries' overdue days count from. */
  today: string;
  /** Every overdue entry and those due within the days asked, most overdue first (the index's order). */
  entries: DueEntry[];
}

/**
 * A worker's own due list (issue 3, part 6): one index query on their due dates, for the mini-program's home page
 * and the chat-bot's 今天 / 本周 (issue 10). Each child listed is an audited access.
 */
export async function listOwnDue(ports: ListOwnDuePorts, actor: Actor, withinDays: number): Promise<OwnDue> {
  if (!mayHaveOwnObligations(actor)) {
    throw new ForbiddenError('只有社工和儿童主任有自己的走访安排').refusing({ action: 'obligation.list', reason: 'roleCannot' });
  }
  const today = shanghaiDate(ports.clock());
  const found = await ports.obligations.listDueForAssignee(actor.id, addDays(today, withinDays));
  const entries = found.filter((entry) => mayListOwnObligationAt(actor, entry.region));
  const childIds = [...new Set(entries.map((entry) => entry.obligation.childId))];
  if (childIds.length > 0) await ports.audit.record(childIds.map((id) => auditEntryOf(ports, actor, 'obligation.list', id, 'allowed')));
  return { today, entries };
}
