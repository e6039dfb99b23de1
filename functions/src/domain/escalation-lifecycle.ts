import { z } from 'zod';
import type { AcknowledgeLimits } from './acknowledge-limits.js';
import { RuleViolationError, VersionConflictError } from './errors.js';
import { currentLevelState, levelReceiving, type Escalation, type EscalationLevelState, type EscalationStatus } from './escalation.js';
import { escalationLevelNames } from './labels.js';
import { levelAbove, type EscalationLevel } from './escalation-levels.js';
import { multiLineText } from './text.js';

/**
 * The steps of a difficult case at the level that holds it (issue 8, part 4): raised → acknowledged → resolved, or
 * raised further to the level above. Acknowledging is what the level's time limit waits for. A step that does not
 * exist from here is a conflict (409), like a stale version; who may take it is the access policy's.
 */
export const escalationStepActions = ['acknowledge', 'resolve', 'raise'] as const;
export type EscalationStepAction = (typeof escalationStepActions)[number];

export const escalationTransitions: Readonly<Record<EscalationStatus, readonly EscalationStepAction[]>> = {
  raised: ['acknowledge'],
  acknowledged: ['resolve', 'raise'],
  resolved: [],
};

export const escalationStepInputSchema = z
  .object({
    action: z.enum(escalationStepActions),
    /** Required to resolve (what was done) and to raise (why this level cannot solve it); optional to acknowledge. */
    note: multiLineText(1000, { min: 0 }).default(''),
    /** The version the actor saw: a step on a case changed meanwhile is a conflict, not an overwrite. */
    version: z.number().int().positive(),
  })
  .strict();
export type EscalationStepInput = z.infer<typeof escalationStepInputSchema>;

/** The steps that exist from the case's status at its level (raising ends at the city). */
export function stepsFrom(escalation: Pick<Escalation, 'status' | 'level'>): EscalationStepAction[] {
  return escalationTransitions[escalation.status].filter((action) => action !== 'raise' || levelAbove(escalation.level) !== null);
}

function withLevel(escalation: Escalation, level: EscalationLevel, change: Partial<EscalationLevelState>): EscalationLevelState[] {
  return escalation.levels.map((state) => (state.level === level ? { ...state, ...change } : state));
}

/** One step by a person at the level that holds the case; `limits` time the next level when it is raised. */
export function stepEscalation(escalation: Escalation, input: EscalationStepInput, byUserId: string, limits: AcknowledgeLimits, now: Date): Escalation {
  if (input.version !== escalation.version) throw new VersionConflictError('该个案已被他人处理，请刷新后重试', 'version');
  if (!escalationTransitions[escalation.status].includes(input.action)) {
    throw new VersionConflictError('该个案当前的状态不能进行这一步', 'action');
  }
  const above = levelAbove(escalation.level);
  if (input.action === 'raise' && above === null) throw new VersionConflictError('已在市一级，不能再上报', 'action');
  if (input.action !== 'acknowledge' && input.note === '') {
    throw new RuleViolationError(input.action === 'resolve' ? '解决须写明处理结果' : '上报须写明本级无法解决的原因', 'note');
  }
  const at = now.toISOString();
  const step = { at, byUserId, level: escalation.level, note: input.note };
  const next = { ...escalation, updatedAt: at, version: escalation.version + 1 };
  switch (input.action) {
    case 'acknowledge':
      return {
        ...next,
        status: 'acknowledged',
        levels: withLevel(escalation, escalation.level, { acknowledgedAt: at }),
        trail: [...escalation.trail, { ...step, action: 'acknowledged' }],
      };
    case 'resolve':
      return { ...next, status: 'resolved', resolution: input.note, trail: [...escalation.trail, { ...step, action: 'resolved' }] };
    case 'raise':
      return {
        ...next,
        level: above!,
        status: 'raised',
        levels: [...escalation.levels, levelReceiving(above!, escalation.urgent, limits, now)],
        trail: [...escalation.trail, { ...step, level: above!, action: 'raised' }],
      };
  }
}

/**
 * A level's acknowledgement deadline passed (issue 8, part 5): the case is marked reminded at that level, or null
 * when there is nothing to remind: it was acknowledged or moved on meanwhile, or this level was reminded already (a
 * deadline delivered twice reminds once).
 */
export function remindOverdue(escalation: Escalation, level: EscalationLevel, now: Date): Escalation | null {
  if (escalation.level !== level || escalation.status !== 'raised' || currentLevelState(escalation).remindedAt !== null) return null;
  const at = now.toISOString();
  return {
    ...escalation,
    levels: withLevel(escalation, level, { remindedAt: at }),
    trail: [...escalation.trail, { at, byUserId: null, level, action: 'overdue', note: `${escalationLevelNames[level]}超时未受理` }],
    updatedAt: at,
    version: escalation.version + 1,
  };
}
