import { describe, expect, it } from 'vitest';
import type { Child } from '../../functions/src/domain/child.js';
import { RuleViolationError, VersionConflictError } from '../../functions/src/domain/errors.js';
import { isWithdrawn, type Visit } from '../../functions/src/domain/visit.js';
import { answerVisit, draftVisit } from '../../functions/src/domain/visit-record.js';
import { correctVisit, isAmendable, valuesAfterCorrections, withdrawVisit } from '../../functions/src/domain/visit-amendment.js';
import { recomputeCompletions, teamAt } from '../../functions/src/domain/visit-completions.js';
import { settleDispute } from '../../functions/src/domain/visit-settlement.js';
import { visitActionsFor } from '../../functions/src/domain/visit-actions.js';
import type { Actor } from '../../functions/src/domain/user.js';
import { appendCheckIn, EMPTY_CHAIN } from '../../functions/src/store/visit-chain.js';

/** Issue 7, B2 and B3: settling a dispute, correcting and withdrawing a check-in, and what the child then completed. */
const region = { cityId: 'c1', districtId: 'd1', townId: 't1', villageId: 'v1' };
const team = { supervisorId: 'sup-1', directorId: 'dir-1', socialWorkerId: 'sw-1' };
const notJudged = { applies: false, met: true, shortfalls: [] };
const RECORDED = '2026-11-23T04:00:00.000Z';

function visit(id = 'v1', overrides: Partial<Parameters<typeof draftVisit>[0]> = {}, recordedAt = RECORDED): Visit {
  const draft = draftVisit(
    {
      kind: 'homeVisit',
      purpose: 'routine',
      startedAt: '2026-11-23T09:00:00+08:00',
      endedAt: '2026-11-23T11:30:00+08:00',
      location: null,
      participantIds: ['sw-1', 'dir-1'],
      companionNames: [],
      contactChannel: null,
      services: ['dailyCare'],
      notes: '记录',
      problemsFound: '',
      ...overrides,
    },
    { id, child: { id: 'child-1', region }, recordedBy: 'sw-1', recordedAt: new Date(recordedAt), r3: { applies: true, met: true, shortfalls: [] } },
  );
  return appendCheckIn(EMPTY_CHAIN, draft).visit;
}

const later = (days: number) => new Date(Date.parse(RECORDED) + days * 86_400_000);

describe('correcting a check-in (issue 7, B3)', () => {
  it('keeps the first values and the correction, and shows the corrected ones', () => {
    const next = correctVisit(visit(), { version: 1, reason: '结束时间填错', changes: { endedAt: '2026-11-23T11:00:00+08:00', notes: '记录' } }, 'sw-1', later(1), notJudged);

    expect(next).toMatchObject({ endedAt: '2026-11-23T11:00:00+08:00', r3: notJudged, version: 2 });
    expect(next.asRecorded).toMatchObject({ endedAt: '2026-11-23T11:30:00+08:00', r3: { applies: true, met: true } });
    // Only what really changed is in the correction.
    expect(next.corrections).toEqual([
      { kind: 'corrected', at: later(1).toISOString(), byUserId: 'sw-1', reason: '结束时间填错', changes: { endedAt: '2026-11-23T11:00:00+08:00' }, r3: notJudged },
    ]);
    expect(valuesAfterCorrections(next)).toMatchObject({ endedAt: next.endedAt, notes: next.notes, r3: next.r3 });
  });

  it.each<[string, () => unknown, typeof RuleViolationError | typeof VersionConflictError, string]>([
    ['a version the author did not see', () => correctVisit(visit(), { version: 3, reason: '改正', changes: { notes: '新' } }, 'sw-1', later(1), notJudged), VersionConflictError, 'version'],
    ['a week and a minute after recording', () => correctVisit(visit(), { version: 1, reason: '改正', changes: { notes: '新' } }, 'sw-1', new Date(later(7).getTime() + 60_000), notJudged), RuleViolationError, 'visitId'],
    ['no change at all', () => correctVisit(visit(), { version: 1, reason: '改正', changes: { notes: '记录' } }, 'sw-1', later(1), notJudged), RuleViolationError, 'changes'],
    ['an end before the start', () => correctVisit(visit(), { version: 1, reason: '改正', changes: { endedAt: '2026-11-23T08:00:00+08:00' } }, 'sw-1', later(1), notJudged), RuleViolationError, 'changes.endedAt'],
    ['the author taken off who came', () => correctVisit(visit(), { version: 1, reason: '改正', changes: { participantIds: ['dir-1'] } }, 'sw-1', later(1), notJudged), RuleViolationError, 'changes.participantIds'],
  ])('is refused for %s, naming %s', (_case, act, type, field) => {
    expect(act).toThrow(type);
    try {
      act();
    } catch (error) {
      expect((error as RuleViolationError).field).toBe(field);
    }
  });

  it('is allowed up to seven days after recording, not once withdrawn', () => {
    expect(isAmendable(visit(), later(7))).toBe(true);
    const withdrawn = withdrawVisit(visit(), { version: 1, reason: '重复登记' }, 'sw-1', later(1));
    expect(isWithdrawn(withdrawn)).toBe(true);
    expect(isAmendable(withdrawn, later(1))).toBe(false);
    expect(() => withdrawVisit(withdrawn, { version: 2, reason: '再撤回' }, 'sw-1', later(2))).toThrow(VersionConflictError);
  });

  it('tells the author’s page until when the visit may be amended, and nobody else', () => {
    const child = { region, team, guardians: [], organizationId: 'org-1' };
    const author: Actor = { id: 'sw-1', role: 'socialWorker', scope: null, organizationId: 'org-1', pledgeSignedAt: RECORDED };
    const director: Actor = { id: 'dir-1', role: 'director', scope: { level: 'village', regionId: 'v1' }, organizationId: null, pledgeSignedAt: null };

    expect(visitActionsFor(author, child, visit(), later(1))).toMatchObject({ amend: true, amendUntil: later(7).toISOString() });
    expect(visitActionsFor(author, child, visit(), new Date(later(7).getTime() + 1))).toMatchObject({ amend: false, amendUntil: null });
    expect(visitActionsFor(director, child, visit(), later(1))).toMatchObject({ amend: false, amendUntil: null });
  });

  it('keeps a withdrawn visit’s values as they were', () => {
    const original = visit();
    const withdrawn = withdrawVisit(original, { version: 1, reason: '重复登记' }, 'sw-1', later(1));
    expect({ ...withdrawn, corrections: [], version: 1 }).toEqual(original);
    expect(withdrawn.asRecorded).toBeNull();
  });

  it('leaves the guardian nothing to answer once withdrawn', () => {
    const withdrawn = withdrawVisit(visit(), { version: 1, reason: '重复登记' }, 'sw-1', later(1));
    expect(() => answerVisit(withdrawn, { decision: 'confirm', reasons: [], note: '', version: 2 }, 'g-1', later(1))).toThrow(VersionConflictError);
  });
});

describe('settling a dispute (issue 7, B2)', () => {
  const disputed = () => answerVisit(visit(), { decision: 'dispute', reasons: ['wrongTime'], note: '', version: 1 }, 'g-1', later(1));

  it('records the outcome, the note, who and when, one version on; the guardian’s answer stays', () => {
    const settled = settleDispute(disputed(), { outcome: 'revisitArranged', note: '下周二再去一次', version: 2 }, 'sup-1', later(2));
    expect(settled.resolution).toEqual({ outcome: 'revisitArranged', note: '下周二再去一次', byUserId: 'sup-1', at: later(2).toISOString() });
    expect(settled.confirmation.state).toBe('disputed');
    expect(settled.version).toBe(3);
  });

  it('is refused on a stale version, on an undisputed visit and a second time', () => {
    expect(() => settleDispute(disputed(), { outcome: 'verified', note: '核实', version: 1 }, 'sup-1', later(2))).toThrow(VersionConflictError);
    expect(() => settleDispute(visit(), { outcome: 'verified', note: '核实', version: 1 }, 'sup-1', later(2))).toThrow(VersionConflictError);
    const settled = settleDispute(disputed(), { outcome: 'verified', note: '核实', version: 2 }, 'sup-1', later(2));
    expect(() => settleDispute(settled, { outcome: 'verified', note: '核实', version: 3 }, 'sup-1', later(2))).toThrow(VersionConflictError);
  });
});

describe('what the child completed once a visit is corrected or withdrawn', () => {
  const child: Pick<Child, 'team' | 'teamHistory'> = { team, teamHistory: [] };
  const keys = ['contact:director', 'contact:socialWorker', 'homeVisit:director', 'homeVisit:socialWorker'];

  it('falls back on the latest remaining visit for the keys the withdrawn one completed, and leaves other keys alone', () => {
    const earlier = visit('v0', { startedAt: '2026-11-02T09:00:00+08:00', endedAt: '2026-11-02T11:30:00+08:00' });
    const withdrawn = withdrawVisit(visit('v1'), { version: 1, reason: '重复登记' }, 'sw-1', later(1));
    const previous = { 'homeVisit:socialWorker': '2026-11-23', 'homeVisit:director': '2026-11-23', 'contact:director': '2026-11-23', 'contact:socialWorker': '2026-11-23', 'reassessment:socialWorker': '2026-10-01' };

    const next = recomputeCompletions(previous, child, [earlier, withdrawn], keys);

    expect(next).toEqual({ ...Object.fromEntries(keys.map((key) => [key, '2026-11-02'])), 'reassessment:socialWorker': '2026-10-01' });
  });

  it('forgets a key no remaining visit completed', () => {
    const withdrawn = withdrawVisit(visit('v1'), { version: 1, reason: '重复登记' }, 'sw-1', later(1));
    expect(recomputeCompletions({ 'homeVisit:socialWorker': '2026-11-23' }, child, [withdrawn], ['homeVisit:socialWorker'])).toEqual({});
  });

  it('R3: a visit corrected to under two hours no longer completes the social worker’s home visit', () => {
    const short = { applies: true, met: false, shortfalls: ['入户时长不足2小时（实际60分钟）'] };
    const corrected = correctVisit(visit(), { version: 1, reason: '时间填错', changes: { endedAt: '2026-11-23T10:00:00+08:00' } }, 'sw-1', later(1), short);
    expect(recomputeCompletions({ 'homeVisit:socialWorker': '2026-11-23' }, child, [corrected], keys)).toEqual({
      'contact:director': '2026-11-23',
      'contact:socialWorker': '2026-11-23',
      'homeVisit:director': '2026-11-23',
    });
  });

  it('counts each visit for the team the child had when it was recorded (R1)', () => {
    const history: Child['teamHistory'] = [
      { at: '2026-11-01T00:00:00.000Z', byUserId: 'do-1', team, reason: null },
      { at: '2026-11-25T00:00:00.000Z', byUserId: 'do-1', team: { ...team, socialWorkerId: 'sw-2' }, reason: '社工调动' },
    ];
    expect(teamAt({ team: null, teamHistory: history }, '2026-10-30T00:00:00.000Z')).toBeNull();
    expect(teamAt({ team: null, teamHistory: history }, RECORDED)).toEqual(team);
    expect(teamAt({ team: null, teamHistory: history }, '2026-11-26T00:00:00.000Z')?.socialWorkerId).toBe('sw-2');
    expect(teamAt({ team, teamHistory: [] }, '2020-01-01T00:00:00.000Z')).toEqual(team);
  });
});
