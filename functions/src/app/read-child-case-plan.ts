import { decideCasePlanWrite } from '../domain/access-policy.js';
import type { Child } from '../domain/child.js';
import { teamMembersOf } from '../domain/child-team.js';
import { teamMemberIdsOf } from '../domain/child.js';
import type { Principal } from '../domain/user.js';
import type { CaseRecords } from '../store/ports.js';
import { auditEntryOf } from './audit-entry.js';
import { loadCaseActor, type CaseActor } from './case-guards.js';
import type { CasePlanPorts } from './case-plan-ports.js';
import { familyViewOf, fullViewOf, type CaseView } from './case-plan-views.js';

/** The case as this reader may see it, from records already read (no audit: the caller's step audits). */
export async function caseViewFor(ports: CasePlanPorts, who: CaseActor, child: Child, records: CaseRecords): Promise<CaseView> {
  if (who.view === 'family') return familyViewOf(child, records);
  const { users } = await ports.records.read({ users: teamMemberIdsOf(child) });
  const names = new Map([...users.values()].map((user) => [user.id, user.name]));
  const team = teamMembersOf(child.team, users).map((member) => ({ id: member.userId, name: member.name, role: member.role }));
  return fullViewOf(child, records, names, team, decideCasePlanWrite(who.actor, child).allowed);
}

/**
 * A child's case (R2 plan with its history, R15 reviews and closing, the handbook, R22 state guardianship) as the
 * reader may see it: the team, the supervisor and the officers in full, a guardian the family-facing part. Audited.
 * Engineer C's one-child-one-file export reads the same records through `readCaseFileSections`.
 */
export async function readChildCasePlan(ports: CasePlanPorts, principal: Principal, childId: string): Promise<CaseView> {
  const who = await loadCaseActor(ports, principal, childId, 'read');
  const [records] = await Promise.all([
    ports.casePlans.read(who.child.id),
    ports.audit.record([auditEntryOf(ports, who.actor, 'casePlan.read', who.child.id, 'allowed')]),
  ]);
  return caseViewFor(ports, who, who.child, records);
}

/**
 * R7 hook for the case-file export (engineer C): the plan and its history, the reviews, the closing report and the
 * handbook record of a child whose file the caller may already export (its own access check and audit).
 */
export async function readCaseFileSections(ports: { casePlans: Pick<CasePlanPorts['casePlans'], 'read'> }, childId: string): Promise<CaseRecords> {
  return ports.casePlans.read(childId);
}
