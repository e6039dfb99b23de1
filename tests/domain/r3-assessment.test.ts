import { describe, expect, it } from 'vitest';
import { assessR3, type R3CheckInFacts } from '../../functions/src/domain/r3-assessment.js';

// R3 (000 §五.4): at least 2 people, the assigned social worker among them, at least 2 hours.
const visit = (overrides: Partial<R3CheckInFacts> = {}): R3CheckInFacts => ({
  kind: 'homeVisit',
  startedAt: '2026-11-20T09:00:00+08:00',
  endedAt: '2026-11-20T11:00:00+08:00',
  participantIds: ['sw-1', 'dir-1'],
  companionNames: [],
  ...overrides,
});

describe('R3: is a home visit up to the standard?', () => {
  it.each<[string, Partial<R3CheckInFacts>, string | null, string[]]>([
    ['two people, the assigned worker, exactly two hours', {}, 'sw-1', []],
    ['the worker with a teacher who has no account', { participantIds: ['sw-1'], companionNames: ['陈老师'] }, 'sw-1', []],
    ['the worker alone', { participantIds: ['sw-1'] }, 'sw-1', ['走访人数不足2人（实到1人）']],
    ['the same account listed twice still counts once', { participantIds: ['sw-1', 'sw-1'] }, 'sw-1', ['走访人数不足2人（实到1人）']],
    ['without the assigned social worker', { participantIds: ['sw-2', 'dir-1'] }, 'sw-1', ['负责该儿童的社工未参与走访']],
    ['a child without a team', {}, null, ['该儿童尚未组建执行小组，无法确认负责社工到场']],
    ['one minute short of two hours', { endedAt: '2026-11-20T10:59:00+08:00' }, 'sw-1', ['入户时长不足2小时（实际119分钟）']],
    ['two hours counted across offsets (09:00 Beijing = 01:00 UTC)', { endedAt: '2026-11-20T03:00:00Z' }, 'sw-1', []],
    [
      'short on everything',
      { participantIds: ['dir-1'], endedAt: '2026-11-20T09:40:00+08:00' },
      'sw-1',
      ['走访人数不足2人（实到1人）', '负责该儿童的社工未参与走访', '入户时长不足2小时（实际40分钟）'],
    ],
  ])('%s', (_, overrides, assigned, shortfalls) => {
    expect(assessR3(visit(overrides), assigned, ['R3', 'R11'])).toEqual({ applies: true, met: shortfalls.length === 0, shortfalls });
  });

  it('does not apply when the district’s policy leaves R3 out', () => {
    expect(assessR3(visit({ participantIds: ['dir-1'] }), 'sw-1', ['R11', 'R14'])).toEqual({ applies: false, met: true, shortfalls: [] });
  });

  it('does not apply to a phone contact', () => {
    const call = visit({ kind: 'contact', participantIds: ['dir-1'], endedAt: '2026-11-20T09:05:00+08:00' });
    expect(assessR3(call, 'sw-1', ['R3'])).toEqual({ applies: false, met: true, shortfalls: [] });
  });

  describe('a children’s director’s own home visit (R11)', () => {
    it('without the child’s social worker is not judged by R3, however short', () => {
      const alone = visit({ participantIds: ['dir-1'], endedAt: '2026-11-20T09:30:00+08:00' });
      expect(assessR3(alone, 'sw-1', ['R3', 'R11'], 'director')).toEqual({ applies: false, met: true, shortfalls: [] });
    });

    it('to a child without a team is not judged by R3 either', () => {
      expect(assessR3(visit({ participantIds: ['dir-1'] }), null, ['R3'], 'director')).toEqual({ applies: false, met: true, shortfalls: [] });
    });

    it('with the social worker is their joint R3 visit, judged as such', () => {
      const joint = visit({ participantIds: ['dir-1', 'sw-1'], endedAt: '2026-11-20T10:00:00+08:00' });
      expect(assessR3(joint, 'sw-1', ['R3'], 'director')).toEqual({
        applies: true,
        met: false,
        shortfalls: ['入户时长不足2小时（实际60分钟）'],
      });
    });
  });
});
