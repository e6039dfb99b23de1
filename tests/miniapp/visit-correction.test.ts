import { describe, expect, it } from 'vitest';
import {
  changesOf,
  correctionFormOf,
  correctionInputOf,
  correctionProblemsOf,
  participantChoicesOf,
  withdrawalInputOf,
  withdrawalProblemOf,
} from '../../miniapp/src/lib/visit-correction.js';
import { visitDetail } from '../support/visit-detail.js';

/** Issue 7, B3: the author corrects or withdraws their own check-in, with a reason. */
const now = new Date('2026-11-25T10:00:00+08:00');
const team = { supervisorId: 'sup-1', directorId: 'dir-1', socialWorkerId: 'sw-1' };

describe('correcting a check-in', () => {
  it('starts from the visit as it stands, in the check-in form’s shape', () => {
    expect(correctionFormOf(visitDetail({ companionNames: ['李老师', '王医生'] }))).toMatchObject({
      startDate: '2026-11-23',
      startTime: '09:30',
      endDate: '2026-11-23',
      endTime: '12:00',
      participantIds: ['sw-1', 'dir-1'],
      companions: '李老师、王医生',
      services: ['dailyCare'],
      notes: '了解孩子学习情况。',
    });
  });

  it('sends only what the author changed, in the API’s shape', () => {
    const visit = visitDetail({ startedAt: '2026-11-23T01:30:27.000Z' });
    const form = { ...correctionFormOf(visit), endTime: '10:30', participantIds: ['sw-1'], notes: '  补充了情况。 ' };

    expect(correctionInputOf(visit, form, ' 儿童主任没去，时间也填错了 ')).toEqual({
      version: 1,
      reason: '儿童主任没去，时间也填错了',
      changes: { endedAt: '2026-11-23T10:30:00+08:00', participantIds: ['sw-1'], notes: '补充了情况。' },
    });
  });

  it('counts nothing as changed that the author did not change: seconds the form does not show, ticks undone, the same names', () => {
    const visit = visitDetail({ startedAt: '2026-11-23T01:30:27.000Z', companionNames: ['李老师'] });
    const form = { ...correctionFormOf(visit), participantIds: ['dir-1', 'sw-1'], services: ['dailyCare' as const], companions: '李老师 ' };

    expect(changesOf(visit, form)).toEqual({});
    expect(correctionProblemsOf(visit, form, '没改什么', now)).toMatchObject({ unchanged: '没有修改任何内容', reason: null });
  });

  it('asks for a reason and checks the times as a check-in does', () => {
    const visit = visitDetail();
    const form = { ...correctionFormOf(visit), endTime: '09:00' };

    expect(correctionProblemsOf(visit, form, '改', now)).toEqual({
      form: { endedAt: '结束时间须晚于开始时间' },
      reason: '请写明更正的原因（至少2个字）',
      unchanged: null,
    });
    expect(correctionProblemsOf(visit, { ...form, endTime: '11:00' }, '时间填错', now)).toBeNull();
  });

  it('offers the author (fixed), the team by name where known, and anyone the record names beyond them', () => {
    const visit = visitDetail({ participantIds: ['sw-1', 'dir-1', 'sw-2'], names: { 'sw-1': '王晓静', 'dir-1': '张桂英', 'sw-2': '刘子豪' } });

    expect(participantChoicesOf(visit, team, 'sw-1', '儿童福利社工')).toEqual([
      { id: 'sw-1', label: '儿童福利社工（我）', locked: true },
      { id: 'dir-1', label: '儿童主任 张桂英', locked: false },
      { id: 'sup-1', label: '儿童督导员', locked: false },
      { id: 'sw-2', label: '刘子豪', locked: false },
    ]);
  });
});

describe('withdrawing a check-in', () => {
  it('asks for a reason and sends it on the version the author saw', () => {
    expect(withdrawalProblemOf(' ')).toBe('请写明撤回的原因（至少2个字）');
    expect(withdrawalProblemOf('重复登记')).toBeNull();
    expect(withdrawalInputOf({ version: 4 }, ' 重复登记 ')).toEqual({ version: 4, reason: '重复登记' });
  });
});
