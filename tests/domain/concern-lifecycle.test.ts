import { describe, expect, it } from 'vitest';
import { concernStatuses, receiveConcern, statusViewOf, type Concern, type ConcernStatus } from '../../functions/src/domain/concern.js';
import { concernStepInputSchema, raiseConcern, stepConcern } from '../../functions/src/domain/concern-lifecycle.js';
import { RuleViolationError, VersionConflictError } from '../../functions/src/domain/errors.js';

const now = new Date('2026-11-30T02:00:00Z');
const later = new Date('2026-11-30T03:00:00Z');

function concernAt(status: ConcernStatus): Concern {
  const received = receiveConcern(
    {
      id: 'c-1',
      channel: 'public',
      child: { kind: 'unknown', description: '村口小卖部旁的男孩，约8岁' },
      path: { cityId: 'c1', districtId: 'd1', townId: 't1', villageId: 'v1' },
      location: null,
      kinds: ['leftAloneAtHome'],
      urgent: true,
      description: '连续三天晚上一个人在家',
      reporter: { userId: null, name: null, phone: null },
    },
    now,
  );
  return { ...received, status };
}

const stepTo = (to: Exclude<ConcernStatus, 'received'>, extra: Record<string, unknown> = {}) =>
  concernStepInputSchema.parse({ to, version: 1, ...extra });

const extrasFor = (to: ConcernStatus) =>
  to === 'assessed' ? { riskLevel: 'yellow' } : to === 'closed' ? { closingFeedback: '已联系其父母回家照看' } : {};

// The lifecycle of issue 8, part 3: Y = the step exists from the row's status, '-' = 409. Columns in concernStatuses'
// order after received: acknowledged, investigating, assessed, assisting, referred, closed.
const table: Record<ConcernStatus, string> = {
  received: 'Y - - - - -',
  acknowledged: '- Y - - - -',
  investigating: '- - Y - - -',
  assessed: '- - - Y Y -',
  assisting: '- - - - - Y',
  referred: '- - - - - Y',
  closed: '- - - - - -',
};
const targets = concernStatuses.filter((status) => status !== 'received') as Exclude<ConcernStatus, 'received'>[];

describe('the concern lifecycle (issue 8, R17)', () => {
  for (const from of concernStatuses) {
    it(`from ${from}: ${table[from]}`, () => {
      const outcome = targets.map((to) => {
        try {
          stepConcern(concernAt(from), stepTo(to, extrasFor(to)), 'u-1', later);
          return 'Y';
        } catch (error) {
          expect(error).toBeInstanceOf(VersionConflictError);
          return '-';
        }
      });
      expect(outcome.join(' ')).toBe(table[from]);
    });
  }

  it('appends a dated step by the actor and moves the version', () => {
    const stepped = stepConcern(concernAt('received'), stepTo('acknowledged', { note: '已电话联系报告人' }), 'dir-1', later);
    expect(stepped.status).toBe('acknowledged');
    expect(stepped.version).toBe(2);
    expect(stepped.trail.at(-1)).toEqual({ at: later.toISOString(), byUserId: 'dir-1', from: 'received', to: 'acknowledged', note: '已电话联系报告人' });
  });

  it('refuses a step on a version the actor did not see', () => {
    expect(() => stepConcern(concernAt('received'), stepTo('acknowledged', { version: 2 }), 'dir-1', later)).toThrow(VersionConflictError);
  });

  it('assessing needs a risk level, closing needs the feedback the reporter is told, and neither is taken elsewhere', () => {
    const attempt = (from: ConcernStatus, to: Exclude<ConcernStatus, 'received'>, extra: Record<string, unknown>) => () =>
      stepConcern(concernAt(from), stepTo(to, extra), 'sup-1', later);
    expect(attempt('investigating', 'assessed', {})).toThrow(RuleViolationError);
    expect(attempt('assisting', 'closed', {})).toThrow(RuleViolationError);
    expect(attempt('received', 'acknowledged', { riskLevel: 'red' })).toThrow(RuleViolationError);
    expect(attempt('received', 'acknowledged', { closingFeedback: '已处理' })).toThrow(RuleViolationError);
    expect(stepConcern(concernAt('investigating'), stepTo('assessed', { riskLevel: 'red' }), 'sup-1', later).riskLevel).toBe('red');
  });

  it('the reporter sees the status and, once closed, the feedback: nothing about the child or who handles it', () => {
    const closed = stepConcern(concernAt('assisting'), stepTo('closed', { closingFeedback: '已联系其父母回家照看' }), 'sup-1', later);
    expect(statusViewOf(closed)).toEqual({
      status: 'closed',
      reportedAt: now.toISOString(),
      updatedAt: later.toISOString(),
      closingFeedback: '已联系其父母回家照看',
    });
    expect(Object.keys(statusViewOf(concernAt('assisting')))).toEqual(['status', 'reportedAt', 'updatedAt', 'closingFeedback']);
  });

  it('an unacknowledged report is raised to the town, then the district, then no further; an acknowledged one is not', () => {
    const toTown = raiseConcern(concernAt('received'), later);
    expect(toTown?.raisedTo).toBe('town');
    const toDistrict = raiseConcern(toTown!, later);
    expect(toDistrict?.raisedTo).toBe('district');
    expect(raiseConcern(toDistrict!, later)).toBeNull();
    expect(raiseConcern(concernAt('acknowledged'), later)).toBeNull();
  });
});
