import { describe, expect, it } from 'vitest';
import { DEFAULT_ACKNOWLEDGE_LIMITS } from '../../functions/src/domain/acknowledge-limits.js';
import { raiseEscalation, type Escalation, type EscalationStatus } from '../../functions/src/domain/escalation.js';
import { escalationStepInputSchema, escalationTransitions, stepEscalation } from '../../functions/src/domain/escalation-lifecycle.js';
import { caseStepProblemOf, needsNote, toCaseStepRequest } from '../../miniapp/src/lib/escalation-step-form.js';
import type { CaseStep } from '../../miniapp/src/lib/escalation-words.js';

/** Issue 8, R6: a level's step as the page builds it is one the lifecycle takes, and a missing note is said first. */
const raisedAt = new Date('2026-11-30T01:00:00Z');

function caseAt(status: EscalationStatus): Escalation {
  const raised = raiseEscalation(
    {
      id: 'e-1',
      childId: 'c-1',
      path: { cityId: 'c1', districtId: 'd1', townId: 't1', villageId: 'v1' },
      raisedBy: 'u-worker',
      input: { problem: '监护人长期住院', tried: '亲属轮流照看', helpNeeded: '临时监护', urgent: false },
    },
    DEFAULT_ACKNOWLEDGE_LIMITS,
    raisedAt,
  );
  return { ...raised, status };
}

describe('a level’s step on a difficult case (issue 8, R6)', () => {
  it('asks what was done to resolve and why to raise; acknowledging needs nothing', () => {
    expect(caseStepProblemOf('resolve', '  \n ')).toBe('请写下处理结果：做了什么，结果如何');
    expect(caseStepProblemOf('raise', '')).toBe('请写下上报原因：本级为什么解决不了');
    expect(caseStepProblemOf('resolve', '已安排临时监护')).toBeNull();
    expect(caseStepProblemOf('acknowledge', '')).toBeNull();
    expect(needsNote('acknowledge')).toBe(false);
  });

  const steps = Object.entries(escalationTransitions).flatMap(([from, actions]) => actions.map((action) => [from as EscalationStatus, action as CaseStep] as const));

  it.each(steps)('builds from %s a %s step that the lifecycle takes, sent with the version loaded', (from, action) => {
    const before = caseAt(from);
    const request = toCaseStepRequest(action, '已协调区医疗救助', before.version);

    const after = stepEscalation(before, escalationStepInputSchema.parse(request), 'u-1', DEFAULT_ACKNOWLEDGE_LIMITS, new Date('2026-11-30T04:00:00Z'));

    expect(after.version).toBe(before.version + 1);
    expect(after.trail.at(-1)?.note).toBe(action === 'acknowledge' ? '' : '已协调区医疗救助');
  });
});
