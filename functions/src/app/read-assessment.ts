import type { Child } from '../domain/child.js';
import { NotFoundError } from '../domain/errors.js';
import type { Assessment } from '../domain/guardianship-assessment.js';
import type { Actor, Principal } from '../domain/user.js';
import { actorFrom } from './actor.js';
import { auditEntryOf } from './audit-entry.js';
import { assertAssessmentAccess } from './assessment-guards.js';
import type { ReadAssessmentsPorts } from './assessment-ports.js';
import { readableChild } from './child-guards.js';
import { namesOfPeopleIn } from './list-child-assessments.js';

export interface AssessmentRead {
  actor: Actor;
  child: Child;
  assessment: Assessment;
  names: Map<string, string>;
}

/** One assessment of a child (R18), audited as a read of the child's record. */
export async function readAssessment(ports: ReadAssessmentsPorts, principal: Principal, childId: string, assessmentId: string): Promise<AssessmentRead> {
  const found = await ports.records.read({ users: [principal.userId], child: childId });
  const actor = actorFrom(principal, found.users.get(principal.userId));
  const child = readableChild(actor, found.child, 'assessment.read');
  assertAssessmentAccess(actor, 'read', child, 'assessment.read');
  const assessment = await ports.assessments.get(child.id, assessmentId);
  if (assessment === null) throw new NotFoundError('未找到该评估', 'assessmentId');
  const names = await namesOfPeopleIn(ports, [assessment]);
  await ports.audit.record([auditEntryOf(ports, actor, 'assessment.read', child.id, 'allowed')]);
  return { actor, child, assessment, names };
}
