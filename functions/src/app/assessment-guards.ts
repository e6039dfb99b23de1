import { decideAssessmentAccess, type AssessmentAction } from '../domain/access-policy.js';
import type { AuditAction } from '../domain/audit.js';
import type { Child } from '../domain/child.js';
import { ForbiddenError } from '../domain/errors.js';
import type { Actor } from '../domain/user.js';

const messages: Record<AssessmentAction, string> = {
  read: '当前角色不查看监护评估',
  record: '监护评估由儿童的执行团队或乡镇（街道）儿童督导员记录',
  overrideRisk: '只有乡镇（街道）儿童督导员可以调整风险等级',
};

/** For a child the actor may already read (readableChild): a refusal here is a 403, audited under `attempted`. */
export function assertAssessmentAccess(actor: Actor, action: AssessmentAction, child: Child, attempted: AuditAction): void {
  const decision = decideAssessmentAccess(actor, action, child);
  if (decision.allowed) return;
  throw new ForbiddenError(messages[action]).refusing({ action: attempted, childId: child.id, reason: decision.denial });
}
