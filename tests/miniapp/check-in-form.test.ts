import { describe, expect, it } from 'vitest';
import { checkInInputSchema, confirmVisitInputSchema } from '../../functions/src/domain/visit.js';
import {
  canCheckIn,
  initialCheckInForm,
  presetFor,
  splitNames,
  teamChoicesOf,
  toCheckInInput,
  validateCheckInForm,
  withKind,
} from '../../miniapp/src/lib/check-in-form.js';
import { toggleIn } from '../../miniapp/src/lib/choices.js';
import { disputeInputOf, disputeProblemOf } from '../../miniapp/src/lib/dispute.js';

const now = new Date('2026-11-23T10:30:45+08:00');

describe('the check-in form', () => {
  it('prefills nothing that would let an untouched form pass a rule: it starts now, the end is left to the worker (issue 7, B4)', () => {
    const form = initialCheckInForm(now, 'sw-1');
    expect(form).toMatchObject({
      kind: 'homeVisit',
      contactChannel: null,
      purpose: 'routine',
      startDate: '2026-11-23',
      startTime: '10:30',
      endDate: '2026-11-23',
      endTime: '',
      location: null,
      participantIds: ['sw-1'],
    });
    expect(validateCheckInForm(form, now)).toEqual({ endedAt: '请选择结束时间' });
  });

  it('gives a phone contact no two-hour default either', () => {
    const form = initialCheckInForm(now, 'sw-1', presetFor('contact'));
    expect([form.kind, form.contactChannel, form.endTime]).toEqual(['contact', 'phone', '']);
    expect(validateCheckInForm(form, now)).toEqual({ endedAt: '请选择结束时间' });
  });

  it('takes its kind and purpose from the due item it was opened for', () => {
    expect(presetFor('contact')).toEqual({ kind: 'contact', purpose: 'routine' });
    expect(presetFor('reassessment')).toEqual({ kind: 'homeVisit', purpose: 'reassessment' });
    expect(presetFor('followUp')).toEqual({ kind: 'homeVisit', purpose: 'followUp' });
    expect(presetFor(undefined)).toEqual({ kind: 'homeVisit', purpose: 'routine' });
    expect(initialCheckInForm(now, 'sw-1', presetFor('contact')).contactChannel).toBe('phone');
  });

  it('gives a contact a channel and takes it away from a home visit', () => {
    const contact = withKind(initialCheckInForm(now, 'sw-1'), 'contact');
    expect(contact.contactChannel).toBe('phone');
    expect(withKind({ ...contact, contactChannel: 'message' }, 'homeVisit').contactChannel).toBeNull();
  });

  const chosen = { startTime: '08:30', endTime: '10:30' };

  it.each([
    [{ endTime: '08:00' }, 'endedAt', '结束时间须晚于开始时间'],
    [{ endTime: '08:30' }, 'endedAt', '结束时间须晚于开始时间'],
    [{ startDate: '2026-11-21', startTime: '08:00' }, 'endedAt', '一次走访不能超过24小时'],
    [{ endTime: '11:00' }, 'endedAt', '结束时间不能晚于现在'],
    [{ endTime: '' }, 'endedAt', '请选择结束时间'],
    [{ participantIds: [] }, 'participantIds', '请选择参加人员'],
    [{ kind: 'contact' as const, contactChannel: null }, 'contactChannel', '请选择联系方式'],
    [{ companions: '甲、乙、丙、丁、戊、己、庚、辛、壬、癸、子' }, 'companions', '同行人员最多填写10人'],
  ])('refuses %o before anything is queued', (change, field, message) => {
    const errors = validateCheckInForm({ ...initialCheckInForm(now, 'sw-1'), ...chosen, ...change }, now);
    expect(errors).toEqual({ [field]: message });
  });

  it('refuses a visit that starts and ends in the future', () => {
    const errors = validateCheckInForm({ ...initialCheckInForm(now, 'sw-1'), startDate: '2026-11-24', endDate: '2026-11-24', endTime: '12:30' }, now);
    expect(errors).toEqual({ startedAt: '开始时间不能晚于现在', endedAt: '结束时间不能晚于现在' });
  });

  it('accepts an end a few minutes ahead of the phone, as the server allows for clock skew', () => {
    expect(validateCheckInForm({ ...initialCheckInForm(now, 'sw-1'), ...chosen, endTime: '10:34' }, now)).toEqual({});
  });

  it('builds an input the API schema accepts, times in Beijing', () => {
    const form = {
      ...initialCheckInForm(now, 'sw-1'),
      ...chosen,
      participantIds: ['sw-1', 'dir-1'],
      companions: '李老师、 王医生,,',
      services: ['dailyCare' as const],
      notes: '  了解学习情况 ',
      location: { latitude: 30.95, longitude: 121.24, accuracyMeters: 30 },
    };
    const input = toCheckInInput(form);

    expect(input).toMatchObject({
      startedAt: '2026-11-23T08:30:00+08:00',
      endedAt: '2026-11-23T10:30:00+08:00',
      companionNames: ['李老师', '王医生'],
      notes: '了解学习情况',
      contactChannel: null,
    });
    expect(checkInInputSchema.parse(input)).toEqual(input);
    const contact = { ...withKind(initialCheckInForm(now, 'sw-1'), 'contact'), ...chosen };
    expect(checkInInputSchema.parse(toCheckInInput(contact)).contactChannel).toBe('phone');
  });

  it('lists the team to tick, the worker first and fixed', () => {
    const team = { supervisorId: 'sup', directorId: 'dir', socialWorkerId: 'sw-1' };
    expect(teamChoicesOf(team, 'sw-1', '儿童福利社工')).toEqual([
      { id: 'sw-1', label: '儿童福利社工（我）', locked: true },
      { id: 'dir', label: '儿童主任', locked: false },
      { id: 'sup', label: '儿童督导员', locked: false },
    ]);
    expect(teamChoicesOf(null, 'dir', '儿童主任')).toEqual([{ id: 'dir', label: '儿童主任（我）', locked: true }]);
  });

  it('splits companion names and toggles choices', () => {
    expect(splitNames('李老师；王医生 张阿姨')).toEqual(['李老师', '王医生', '张阿姨']);
    expect(splitNames('   ')).toEqual([]);
    expect(toggleIn(['a', 'b'], 'a')).toEqual(['b']);
    expect(toggleIn(['a'], 'b')).toEqual(['a', 'b']);
  });

  it('cuts a long companion name by characters, as the server counts them, never inside a surrogate pair', () => {
    const [cut] = splitNames(`王${'𠀀'.repeat(60)}`);

    expect(cut).toBe(`王${'𠀀'.repeat(49)}`);
    expect(/\p{Cs}/u.test(cut)).toBe(false);
  });
});

describe('who gets the 入户登记 button', () => {
  const child = {
    status: 'active' as const,
    team: { supervisorId: 'sup', directorId: 'dir', socialWorkerId: 'sw-1' },
    region: { cityId: 'c', districtId: 'd', townId: 't', villageId: 'v1' },
  };

  it.each([
    [{ id: 'sw-1', role: 'socialWorker', scope: null }, true],
    [{ id: 'sw-2', role: 'socialWorker', scope: null }, false],
    [{ id: 'dir', role: 'director', scope: { level: 'village', regionId: 'v1' } }, true],
    [{ id: 'dir-2', role: 'director', scope: { level: 'village', regionId: 'v2' } }, false],
    [{ id: 'sup', role: 'supervisor', scope: { level: 'town', regionId: 't' } }, false],
    [{ id: 'g', role: 'guardian', scope: null }, false],
  ])('%o → %s', (user, expected) => {
    expect(canCheckIn(user, child)).toBe(expected);
  });

  it('nobody, once the case is closed', () => {
    expect(canCheckIn({ id: 'sw-1', role: 'socialWorker', scope: null }, { ...child, status: 'closed' })).toBe(false);
  });
});

describe("the guardian's dispute", () => {
  it('needs a reason, and words when the reason is 其他', () => {
    expect(disputeProblemOf([], '')).toBe('请至少选择一项');
    expect(disputeProblemOf(['other'], '  ')).toBe('选择“其他”时，请写明情况');
    expect(disputeProblemOf(['notVisited'], '')).toBeNull();
    expect(disputeProblemOf(['other'], '来的人不是社工')).toBeNull();
  });

  it('is sent in the shape the API takes', () => {
    const input = disputeInputOf(['wrongTime', 'other'], ' 只待了半小时 ', 3);
    expect(input).toEqual({ decision: 'dispute', reasons: ['wrongTime', 'other'], note: '只待了半小时', version: 3 });
    expect(confirmVisitInputSchema.parse(input)).toEqual(input);
  });
});
