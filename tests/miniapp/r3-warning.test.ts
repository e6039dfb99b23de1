import { describe, expect, it } from 'vitest';
import { assessR3 } from '../../functions/src/domain/r3-assessment.js';
import { mergeChildDetail, mergeDueList, r3AppliesFrom, r3ContextOf } from '../../miniapp/src/lib/child-basics.js';
import { initialCheckInForm, toCheckInInput, type CheckInForm } from '../../miniapp/src/lib/check-in-form.js';
import { r3ShortfallsOf, r3WarningOf } from '../../miniapp/src/lib/r3-warning.js';

const now = new Date('2026-11-23T12:00:00+08:00');
const known = { r3Applies: true, assignedSocialWorkerId: 'sw-1', recordedBy: 'socialWorker' } as const;

function homeVisit(change: Partial<CheckInForm>): CheckInForm {
  return { ...initialCheckInForm(now, 'sw-1'), startTime: '09:00', endTime: '11:30', participantIds: ['sw-1', 'dir-1'], ...change };
}

describe('the warning before sending a visit that falls short of R3 (issue 7, B4)', () => {
  it.each([
    ['two people, the assigned worker, 2½ hours', homeVisit({}), []],
    ['exactly two hours', homeVisit({ startTime: '09:30' }), []],
    ['a companion by name makes the second person', homeVisit({ participantIds: ['sw-1'], companions: '李老师' }), []],
    ['the worker alone', homeVisit({ participantIds: ['sw-1'] }), ['走访人数不足2人（实到1人）']],
    ['under two hours', homeVisit({ startTime: '10:00' }), ['入户时长不足2小时（实际90分钟）']],
    ['both', homeVisit({ participantIds: ['sw-1'], startTime: '11:00' }), ['走访人数不足2人（实到1人）', '入户时长不足2小时（实际30分钟）']],
    ['a phone call, which R3 does not judge', homeVisit({ kind: 'contact', contactChannel: 'phone', startTime: '11:20' }), []],
  ])('%s', (_case, form, shortfalls) => {
    const input = toCheckInInput(form);
    expect(r3ShortfallsOf(input, known)).toEqual(shortfalls);
    // The same rule as the server's, by construction: the form calls it; this pins that they agree on the table.
    expect(r3ShortfallsOf(input, known)).toEqual(assessR3(input, 'sw-1', ['R3']).shortfalls);
  });

  it('says nothing of R3 for a director’s own home visit without the social worker: that is their R11 visit', () => {
    const input = toCheckInInput({ ...homeVisit({ startTime: '10:30' }), participantIds: ['dir-1'] });
    expect(r3ShortfallsOf(input, { ...known, recordedBy: 'director' })).toEqual([]);
  });

  it('judges a director’s home visit with the social worker as the joint R3 visit it is', () => {
    const input = toCheckInInput({ ...homeVisit({ startTime: '10:30' }), participantIds: ['dir-1', 'sw-1'] });
    expect(r3ShortfallsOf(input, { ...known, recordedBy: 'director' })).toEqual(['入户时长不足2小时（实际60分钟）']);
  });

  it('says nothing when the phone cannot tell: R3 not judged in the district, or not known, or the team not known', () => {
    const input = toCheckInInput(homeVisit({ participantIds: ['sw-1'] }));
    expect(r3ShortfallsOf(input, { ...known, r3Applies: false })).toEqual([]);
    expect(r3ShortfallsOf(input, { ...known, r3Applies: null })).toEqual([]);
    expect(r3ShortfallsOf(input, { ...known, assignedSocialWorkerId: undefined })).toEqual([]);
  });

  it('asks in plain Chinese, naming what falls short and that the monthly visit stays due', () => {
    const warning = r3WarningOf(['走访人数不足2人（实到1人）', '入户时长不足2小时（实际90分钟）']);
    expect(warning).toEqual({
      title: '不符合每月入户走访要求',
      content:
        '走访人数不足2人（实到1人）；入户时长不足2小时（实际90分钟）。\n这次走访会照常登记，但不算作本月的社工入户走访（R3），这项走访仍然待办。',
      confirmText: '仍然提交',
      cancelText: '返回修改',
    });
    // WeChat cuts a modal button's text after four characters.
    expect(Array.from(warning!.confirmText).length).toBeLessThanOrEqual(4);
    expect(Array.from(warning!.cancelText).length).toBeLessThanOrEqual(4);
    expect(r3WarningOf([])).toBeNull();
  });
});

describe('what the phone knows for the warning', () => {
  const r3Item = { ruleId: 'R3' as const, alsoRequiredBy: [] };
  const r14Item = { ruleId: 'R14' as const, alsoRequiredBy: ['R3' as const] };
  const r11Item = { ruleId: 'R11' as const, alsoRequiredBy: [] };

  it('reads R3 from a child’s whole list of obligations, and only a yes from a partial one', () => {
    expect(r3AppliesFrom([r11Item, r3Item], true)).toBe(true);
    expect(r3AppliesFrom([r14Item], false)).toBe(true);
    expect(r3AppliesFrom([r11Item], true)).toBe(false);
    expect(r3AppliesFrom([r11Item], false)).toBeNull();
  });

  it('knows the assigned social worker from the team, or from who is asking when that is a social worker', () => {
    const team = { supervisorId: 'sup', directorId: 'dir-1', socialWorkerId: 'sw-1' };
    const basics = mergeChildDetail({}, { id: 'c1', name: '王浩然', team, status: 'active' } as never, '青松村', now).c1;
    expect(r3ContextOf(basics, { id: 'dir-1', role: 'director' }).assignedSocialWorkerId).toBe('sw-1');

    const dueOnly = mergeDueList({}, [{ childId: 'c2', childName: '李明', villageName: '青松村', kind: 'homeVisit', dueDate: '2026-11-30', ruleId: 'R3', alsoRequiredBy: [], reason: 'x', overdueDays: 0 } as never], now).c2;
    expect(r3ContextOf(dueOnly, { id: 'sw-1', role: 'socialWorker' })).toEqual({ r3Applies: true, assignedSocialWorkerId: 'sw-1', recordedBy: 'socialWorker' });
    expect(r3ContextOf(dueOnly, { id: 'dir-1', role: 'director' }).assignedSocialWorkerId).toBeUndefined();
    expect(r3ContextOf(undefined, { id: 'dir-1', role: 'director' })).toEqual({ r3Applies: null, assignedSocialWorkerId: undefined, recordedBy: 'director' });
  });
});
