import { RuleViolationError } from '../domain/errors.js';
import type { User } from '../domain/user.js';

/** The people who came must be accounts, and staff: a guardian does not visit their own home. */
export function assertStaffParticipants(users: ReadonlyMap<string, User>, ids: readonly string[], field = 'participantIds'): void {
  for (const id of ids) {
    const user = users.get(id);
    if (user === undefined || user.role === 'guardian') throw new RuleViolationError('参与人员须为系统中的工作人员账号', field);
  }
}
