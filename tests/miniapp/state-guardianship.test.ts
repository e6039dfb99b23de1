import { describe, expect, it } from 'vitest';
import type { StateGuardianship } from '../../miniapp/src/api/index.js';
import { emptyGuardianshipForm, guardianshipBodyOf, guardianshipFieldOf, guardianshipFormErrors, parseGuardianshipForm } from '../../miniapp/src/lib/state-guardianship-form.js';
import {
  evaluationLine,
  guardianshipDeadlineText,
  guardianshipStatusText,
  mayReadStateGuardianship,
  nextGuardianshipStep,
} from '../../miniapp/src/lib/state-guardianship-words.js';

/** Issue 12 part 3, R22: temporary state guardianship in a village cadre's words, and its one next step. */
const placed: StateGuardianship = {
  childId: 'demo-child-1',
  placedOn: '2026-11-30',
  institution: '区儿童福利院',
  evaluateBy: '2027-05-30',
  evaluations: [],
  collectBy: null,
  collected: null,
  version: 1,
};
const cleared: StateGuardianship = { ...placed, evaluateBy: null, evaluations: [{ on: '2026-12-01', cleared: true, note: '' }], collectBy: '2026-12-04', version: 2 };
const collected: StateGuardianship = { ...cleared, collectBy: null, collected: { on: '2026-12-02', guardianName: '李大山' }, version: 3 };

describe('R22 in words', () => {
  it('leads from placement to evaluation to collection, and from a collection to a new placement', () => {
    expect([null, placed, cleared, collected].map(nextGuardianshipStep)).toEqual(['placed', 'evaluated', 'collected', 'placed']);
  });

  it('says where things stand and the one deadline running, with Chinese dates and no codes', () => {
    expect(guardianshipStatusText(null)).toBe('未在临时监护中');
    expect(guardianshipStatusText(placed)).toBe('临时监护中');
    expect(guardianshipStatusText(cleared)).toBe('临时监护中 · 已准予回归');
    expect(guardianshipDeadlineText(placed, '2026-12-01')).toBe('须在2027年5月30日前评估能否回归家庭');
    expect(guardianshipDeadlineText(cleared, '2026-12-01')).toBe('须在2026年12月4日前由监护人领回孩子');
    expect(guardianshipStatusText(collected)).toBe('已于2026年12月2日由李大山领回');
    expect(guardianshipDeadlineText(collected, '2026-12-01')).toBeNull();
    expect(evaluationLine(cleared.evaluations[0]!)).toBe('2026年12月1日 · 准予回归');
  });

  it('says a deadline passed', () => {
    expect(guardianshipDeadlineText(cleared, '2026-12-05')).toBe('须在2026年12月4日前由监护人领回孩子（已逾期）');
  });

  it('is for the team, the supervisor and the officers, not for families, volunteers or organization admins', () => {
    expect(['socialWorker', 'director', 'supervisor', 'districtOfficer', 'cityOfficer'].every((role) => mayReadStateGuardianship(role as never))).toBe(true);
    expect(['guardian', 'volunteer', 'orgAdmin'].some((role) => mayReadStateGuardianship(role as never))).toBe(false);
  });
});

describe('the step form', () => {
  const today = '2026-12-01';

  it('names each missing field in Chinese, and the date against today and the placement', () => {
    const empty = emptyGuardianshipForm(today);
    expect(guardianshipFormErrors('placed', empty, today, null)).toEqual({ institution: '请填写临时监护的机构' });
    expect(guardianshipFormErrors('evaluated', { ...empty, on: '2026-11-29' }, today, '2026-11-30')).toEqual({
      on: '日期不能早于临时监护开始日期',
      cleared: '请选择是否准予回归家庭',
    });
    expect(guardianshipFormErrors('collected', { ...empty, on: '2026-12-02' }, today, '2026-11-30')).toEqual({
      on: '日期不能晚于今天',
      guardianName: '请填写领回孩子的监护人姓名',
    });
  });

  it('sends each step as the API takes it, trimmed, and 准予回归 only when chosen', () => {
    const form = { on: today, institution: ' 区儿童福利院 ', cleared: 'yes' as const, note: ' 家庭已改善 ', guardianName: ' 李大山 ' };
    expect(guardianshipBodyOf('placed', form)).toEqual({ step: 'placed', on: today, institution: '区儿童福利院' });
    expect(guardianshipBodyOf('evaluated', form)).toEqual({ step: 'evaluated', on: today, cleared: true, note: '家庭已改善' });
    expect(guardianshipBodyOf('evaluated', { ...form, cleared: 'no' })).toMatchObject({ cleared: false });
    expect(guardianshipBodyOf('collected', form)).toEqual({ step: 'collected', on: today, guardianName: '李大山' });
  });

  it('puts a server refusal by its field, and one about the record as a whole above the button', () => {
    expect(guardianshipFieldOf('on')).toBe('on');
    expect(guardianshipFieldOf('guardianName')).toBe('guardianName');
    expect(guardianshipFieldOf('step')).toBeNull();
    expect(guardianshipFieldOf(undefined)).toBeNull();
  });

  it('takes back a kept draft only when it is whole', () => {
    expect(parseGuardianshipForm({ ...emptyGuardianshipForm(today), institution: '福利院' })).toMatchObject({ institution: '福利院' });
    expect(parseGuardianshipForm({ on: today })).toBeNull();
    expect(parseGuardianshipForm({ ...emptyGuardianshipForm(today), cleared: 'maybe' })).toBeNull();
  });
});
