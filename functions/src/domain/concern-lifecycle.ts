import { z } from 'zod';
import { riskLevelSchema } from './child.js';
import type { Concern, ConcernStatus } from './concern.js';
import { concernStatusSchema } from './concern.js';
import { RuleViolationError, VersionConflictError } from './errors.js';
import { multiLineText } from './text.js';

/**
 * The steps a concern moves through (issue 8, part 3): received → acknowledged → investigating → assessed (with a risk
 * level, R14's grades) → assisting or referred → closed (with the feedback the reporter is told, R17). Who may take
 * each step is the access policy's (access/concern-access.ts); whether the step exists from here is this table's.
 */
export const concernTransitions: Readonly<Record<ConcernStatus, readonly ConcernStatus[]>> = {
  received: ['acknowledged'],
  acknowledged: ['investigating'],
  investigating: ['assessed'],
  assessed: ['assisting', 'referred'],
  assisting: ['closed'],
  referred: ['closed'],
  closed: [],
};

export const OPEN_STATUSES: readonly ConcernStatus[] = ['received', 'acknowledged', 'investigating', 'assessed', 'assisting', 'referred'];

export const concernStepInputSchema = z
  .object({
    to: concernStatusSchema.exclude(['received']),
    note: multiLineText(1000, { min: 0 }).default(''),
    riskLevel: riskLevelSchema.nullable().default(null),
    closingFeedback: multiLineText(1000).nullable().default(null),
    /** The version the actor saw: a step on a concern changed meanwhile is a conflict, not an overwrite. */
    version: z.number().int().positive(),
  })
  .strict();
export type ConcernStepInput = z.infer<typeof concernStepInputSchema>;

export function isOpen(concern: Pick<Concern, 'status'>): boolean {
  return concern.status !== 'closed';
}

/** Takes one step; `byUserId` is null for a step the product takes by itself. */
export function stepConcern(concern: Concern, input: ConcernStepInput, byUserId: string | null, now: Date): Concern {
  if (input.version !== concern.version) throw new VersionConflictError('该报告已被他人处理，请刷新后重试', 'version');
  if (!concernTransitions[concern.status].includes(input.to)) {
    throw new VersionConflictError('该报告当前的状态不能进行这一步', 'to');
  }
  if (input.to === 'assessed' && input.riskLevel === null) throw new RuleViolationError('评估须定出风险等级', 'riskLevel');
  if (input.to !== 'assessed' && input.riskLevel !== null) throw new RuleViolationError('只有评估时填写风险等级', 'riskLevel');
  if (input.to === 'closed' && input.closingFeedback === null) {
    throw new RuleViolationError('办结须写明给报告人的反馈', 'closingFeedback');
  }
  if (input.to !== 'closed' && input.closingFeedback !== null) {
    throw new RuleViolationError('只有办结时填写给报告人的反馈', 'closingFeedback');
  }
  const at = now.toISOString();
  return {
    ...concern,
    status: input.to,
    riskLevel: input.riskLevel ?? concern.riskLevel,
    closingFeedback: input.closingFeedback ?? concern.closingFeedback,
    trail: [...concern.trail, { at, byUserId, from: concern.status, to: input.to, note: input.note }],
    updatedAt: at,
    version: concern.version + 1,
  };
}

/** An urgent report nobody acknowledged in time is raised (R6): to the town's supervisor first, then the district. */
export function raiseConcern(concern: Concern, now: Date): Concern | null {
  if (concern.status !== 'received') return null;
  const to = concern.raisedTo === null ? 'town' : concern.raisedTo === 'town' ? 'district' : null;
  if (to === null) return null;
  const at = now.toISOString();
  return {
    ...concern,
    raisedTo: to,
    trail: [...concern.trail, { at, byUserId: null, from: 'received', to: 'received', note: to === 'town' ? '超时未受理，已提请乡镇督导员' : '超时未受理，已提请区民政局' }],
    updatedAt: at,
    version: concern.version + 1,
  };
}
