import type { Role } from './user.js';

/**
 * Every access to a child's record, allowed or refused, leaves one of these (Regulations on children's personal
 * information online: "each access recorded"; Primero's "who viewed this record"). It holds ids, never personal data.
 */
export const auditActions = [
  'child.read',
  'child.list',
  'child.count',
  'child.create',
  'child.update',
  'child.assignTeam',
  // Issue 3: a check-in and a guardian's answer change the child's record; lists of visits and of what is due
  // show a child's data, so each child shown is recorded like a child list.
  'visit.checkIn',
  'visit.confirm',
  'visit.list',
  'visit.verify',
  // Issue 7: one visit's page is a read of the child's data; settling a dispute and the author's correction or
  // withdrawal change the record.
  'visit.read',
  'visit.settle',
  'visit.correct',
  'visit.withdraw',
  'obligation.list',
  // Issue 8: a concern report is about a child (when known) and says what may be happening to them: reporting,
  // reading it and each step of its handling are recorded like the child's record.
  'concern.report',
  'concern.read',
  'concern.step',
  // Issue 8, R6: a difficult case holds the workers' account of the child's situation: raising it, reading it (one
  // case or the child's list of them) and each step are recorded like the child's record.
  'escalation.raise',
  'escalation.read',
  'escalation.list',
  'escalation.step',
  // Not about one child: a district officer changing the district's visit policy, or previewing a change.
  'policy.update',
  'policy.preview',
  // Issue 9, R4: a town's or a district's monthly report sent up (figures only, no child).
  'report.submit',
  // A call refused before it concerned any one record (a role asking for a town's list, say): the route says what.
  'request',
  // Issue 11, R8: a signed pledge downloaded (its PDF or image), by the signer or the organization's admin.
  'pledge.download',
  // Issue 12, R7: a child's file (一人一档) exported, as one PDF or a zip of its parts (the action says which format),
  // a file sent to the district with the year's files, and the trail of who has seen the child read (part 5).
  'caseFile.exportPdf',
  'caseFile.exportZip',
  'caseFile.submit',
  'caseFile.trail',
  // Issue 12 part 6: a callback call list showed this child's guardian's phone to an inspecting officer.
  'inspection.callList',
  // Issue 12, R18: a guardianship assessment recorded, read (one or the child's list), and the risk level's override.
  'assessment.record',
  'assessment.read',
  'assessment.list',
  'risk.override',
  // Issue 12, R2/R15/R22: a child's case (plan, reviews, closing, handbook, state guardianship) read or written.
  'casePlan.read',
  'casePlan.write',
] as const;
export type AuditAction = (typeof auditActions)[number];
export type AuditOutcome = 'allowed' | 'denied';

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string;
  /** 'system' for what the product does by itself, such as seeding the demo area. */
  actorRole: Role | 'system';
  action: AuditAction;
  /** Null for a refused list or create, and for a policy change: no single child is concerned. */
  childId: string | null;
  outcome: AuditOutcome;
  /** Why it was refused, in the policy's words (`notRelated`, `roleCannot`, `pledgeMissing`, `forbiddenField:x`). */
  reason: string | null;
  /** The API route of a refused call (`GET /api/v1/towns/:townId/obligations`). */
  route?: string;
}
