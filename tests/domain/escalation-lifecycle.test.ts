import { describe, expect, it } from 'vitest';
import { DEFAULT_ACKNOWLEDGE_LIMITS } from '../../functions/src/domain/acknowledge-limits.js';
import { RuleViolationError, VersionConflictError } from '../../functions/src/domain/errors.js';
import { escalationStatuses, isOverdue, raiseEscalation, type Escalation, type EscalationStatus } from '../../functions/src/domain/escalation.js';
import { escalationLevels, type EscalationLevel } from '../../functions/src/domain/escalation-levels.js';
import {
  escalationStepActions,
  escalationStepInputSchema,
  remindOverdue,
  stepEscalation,
  stepsFrom,
  type EscalationStepAction,
} from '../../functions/src/domain/escalation-lifecycle.js';

const raisedAt = new Date('2026-11-30T02:00:00Z');
const later = new Date('2026-11-30T05:00:00Z');

function caseAt(level: EscalationLevel, status: EscalationStatus, urgent = false): Escalation {
  const raised = raiseEscalation(
    {
      id: 'e-1',
      childId: 'child-1',
      path: { cityId: 'c1', districtId: 'd1', townId: 't1', villageId: 'v1' },
      raisedBy: 'u-sw',
      input: { problem: '父亲外出务工失联，祖母卧病', tried: '联系村委与学校，临时托管两周', helpNeeded: '申请临时监护与生活救助', urgent },
    },
    DEFAULT_ACKNOWLEDGE_LIMITS,
    raisedAt,
  );
  const levels = escalationLevels.slice(0, escalationLevels.indexOf(level) + 1).map((l) => ({ ...raised.levels[0], level: l }));
  return { ...raised, level, status, levels };
}

const step = (action: EscalationStepAction, note = '已了解情况', version = 1) => escalationStepInputSchema.parse({ action, note, version });

function outcome(from: Escalation, action: EscalationStepAction): string {
  try {
    stepEscalation(from, step(action), 'u-1', DEFAULT_ACKNOWLEDGE_LIMITS, later);
    return 'Y';
  } catch (error) {
    expect(error).toBeInstanceOf(VersionConflictError);
    return '-';
  }
}

// Issue 8, part 4: Y = the step exists, '-' = 409. Columns: acknowledge, resolve, raise. Rows: level/status.
const table: Record<string, string> = {
  'town/raised': 'Y - -',
  'town/acknowledged': '- Y Y',
  'town/resolved': '- - -',
  'district/raised': 'Y - -',
  'district/acknowledged': '- Y Y',
  'district/resolved': '- - -',
  'city/raised': 'Y - -',
  'city/acknowledged': '- Y -',
  'city/resolved': '- - -',
};

describe('the lifecycle of a difficult case at each level (issue 8, R6)', () => {
  for (const level of escalationLevels) {
    for (const status of escalationStatuses) {
      const row = `${level}/${status}`;
      it(`${row}: ${table[row]}`, () => {
        const from = caseAt(level, status);
        expect(escalationStepActions.map((action) => outcome(from, action)).join(' ')).toBe(table[row]);
        expect(stepsFrom(from).map((action) => escalationStepActions.indexOf(action))).toEqual(
          table[row].split(' ').flatMap((mark, index) => (mark === 'Y' ? [index] : [])),
        );
      });
    }
  }

  it('is raised to the town, to be acknowledged within 3 days, or 24 hours when urgent (the defaults)', () => {
    expect(caseAt('town', 'raised').levels).toEqual([
      { level: 'town', raisedAt: raisedAt.toISOString(), acknowledgeBy: '2026-12-03T02:00:00.000Z', acknowledgedAt: null, remindedAt: null },
    ]);
    expect(caseAt('town', 'raised', true).levels[0].acknowledgeBy).toBe('2026-12-01T02:00:00.000Z');
  });

  it('raised further, the next level gets its own limit from the moment it receives the case; the trail keeps every step', () => {
    const acknowledged = stepEscalation(caseAt('town', 'raised', true), step('acknowledge', ''), 'u-sup', DEFAULT_ACKNOWLEDGE_LIMITS, later);
    const raised = stepEscalation(acknowledged, step('raise', '需要区级协调临时监护', 2), 'u-sup', { ...DEFAULT_ACKNOWLEDGE_LIMITS, urgentEscalationHours: 12 }, later);

    expect(raised).toMatchObject({ level: 'district', status: 'raised', version: 3 });
    expect(raised.levels.map((s) => [s.level, s.acknowledgedAt, s.acknowledgeBy])).toEqual([
      ['town', later.toISOString(), '2026-12-01T02:00:00.000Z'],
      ['district', null, '2026-11-30T17:00:00.000Z'],
    ]);
    expect(raised.trail.map((s) => [s.level, s.action, s.byUserId])).toEqual([
      ['town', 'raised', 'u-sw'],
      ['town', 'acknowledged', 'u-sup'],
      ['district', 'raised', 'u-sup'],
    ]);
  });

  it('refuses a stale version (409), and resolving or raising without saying why (422)', () => {
    const acknowledged = caseAt('town', 'acknowledged');
    expect(() => stepEscalation(acknowledged, step('resolve', '已解决', 2), 'u-1', DEFAULT_ACKNOWLEDGE_LIMITS, later)).toThrow(VersionConflictError);
    expect(() => stepEscalation(acknowledged, step('resolve', ''), 'u-1', DEFAULT_ACKNOWLEDGE_LIMITS, later)).toThrow(RuleViolationError);
    expect(() => stepEscalation(acknowledged, step('raise', ''), 'u-1', DEFAULT_ACKNOWLEDGE_LIMITS, later)).toThrow(RuleViolationError);
    const resolved = stepEscalation(acknowledged, step('resolve', '已落实临时监护'), 'u-1', DEFAULT_ACKNOWLEDGE_LIMITS, later);
    expect(resolved).toMatchObject({ status: 'resolved', resolution: '已落实临时监护' });
  });

  it('is overdue from its limit while the level has not acknowledged it', () => {
    const raised = caseAt('town', 'raised');
    expect(isOverdue(raised, new Date('2026-12-03T01:59:59.999Z'))).toBe(false);
    expect(isOverdue(raised, new Date('2026-12-03T02:00:00.000Z'))).toBe(true);
    expect(isOverdue(caseAt('town', 'acknowledged'), new Date('2026-12-09T00:00:00Z'))).toBe(false);
  });
});

describe('an overdue reminder (issue 8, part 5)', () => {
  const due = new Date('2026-12-03T02:00:30Z');

  it('marks the level reminded, by the system, once', () => {
    const reminded = remindOverdue(caseAt('town', 'raised'), 'town', due)!;
    expect(reminded.levels[0].remindedAt).toBe(due.toISOString());
    expect(reminded.trail.at(-1)).toEqual({ at: due.toISOString(), byUserId: null, level: 'town', action: 'overdue', note: '乡镇（街道）超时未受理' });
    expect(remindOverdue(reminded, 'town', due)).toBeNull();
  });

  it('does nothing when the level met its deadline meanwhile or the case is at another level', () => {
    expect(remindOverdue(caseAt('town', 'acknowledged'), 'town', due)).toBeNull();
    expect(remindOverdue(caseAt('town', 'resolved'), 'town', due)).toBeNull();
    expect(remindOverdue(caseAt('district', 'raised'), 'town', due)).toBeNull();
  });
});
