import type { Child } from '../domain/child.js';
import { nextAssessmentDue, type Assessment } from '../domain/guardianship-assessment.js';
import type { Actor, Principal } from '../domain/user.js';
import { visitRuleById } from '../domain/visit-rules.js';
import { actorFrom } from './actor.js';
import { auditEntryOf } from './audit-entry.js';
import { assertAssessmentAccess } from './assessment-guards.js';
import type { ReadAssessmentsPorts } from './assessment-ports.js';
import { readableChild } from './child-guards.js';
import { namesOf } from './participant-names.js';

export interface ChildAssessments {
  actor: Actor;
  child: Child;
  /** Newest first. */
  assessments: Assessment[];
  /** Names of those present and of the recorders, by user id. */
  names: Map<string, string>;
  /** R2 / R21: when the next assessment is due (YYYY-MM-DD, Beijing). */
  nextDue: string;
}

/** R21 applies to the child (a child in guardianship difficulty): its reassessment is six-monthly. */
function reassessedSixMonthly(child: Child): boolean {
  return visitRuleById.R21.requirements.some((requirement) => requirement.appliesTo(child));
}

/**
 * A child's guardianship assessments, newest first, with the names of those present (R18), for the child's page
 * and for the one-child-one-file export (R7). Audited once, like a read of the record.
 */
export async function listChildAssessments(ports: ReadAssessmentsPorts, principal: Principal, childId: string): Promise<ChildAssessments> {
  const found = await ports.records.read({ users: [principal.userId], child: childId });
  const actor = actorFrom(principal, found.users.get(principal.userId));
  const child = readableChild(actor, found.child, 'assessment.list');
  assertAssessmentAccess(actor, 'read', child, 'assessment.list');
  const assessments = await ports.assessments.listOfChild(child.id);
  const names = await namesOfPeopleIn(ports, assessments);
  await ports.audit.record([auditEntryOf(ports, actor, 'assessment.list', child.id, 'allowed')]);
  return { actor, child, assessments, names, nextDue: nextAssessmentDue(assessments[0]?.heldOn ?? null, child.registeredOn, reassessedSixMonthly(child)) };
}

export async function namesOfPeopleIn(ports: Pick<ReadAssessmentsPorts, 'records'>, assessments: readonly Assessment[]): Promise<Map<string, string>> {
  const ids = [...new Set(assessments.flatMap((a) => [...a.presentUserIds, a.recordedBy]))];
  if (ids.length === 0) return new Map();
  const { users } = await ports.records.read({ users: ids });
  return namesOf(users);
}
