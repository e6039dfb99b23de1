import { describe, expect, it } from 'vitest';
import { assessmentInputOf, emptyAssessmentForm, validateAssessmentForm, type AssessmentForm } from '../../miniapp/src/lib/assessment-form.js';
import { mayRecordAssessment, riskBasisText, riskWithBasisText } from '../../miniapp/src/lib/assessment-words.js';
import { assessmentInputSchema } from '../../functions/src/domain/guardianship-assessment.js';

/** Issue 12: the assessment form on the phone checks what the server checks (R2, R18), and the level says its basis. */
const team = ['u-sw', 'u-dir', 'u-sup'];
function filled(): AssessmentForm {
  const form = emptyAssessmentForm('first', '2026-11-30', team);
  for (const d of ['economic', 'care', 'skills', 'responsibility', 'relationship', 'development'] as const) form.scores[d] = 3;
  for (const s of ['child', 'guardian', 'neighbours', 'school'] as const) {
    form.heard[s] = true;
    form.learned[s] = '情况稳定';
  }
  form.heard.police = false;
  return { ...form, conclusion: '监护基本到位', riskLevel: 'yellow', recommendations: '每半年入户' };
}

describe('the assessment form', () => {
  it('a filled form passes and becomes an input the server schema accepts', () => {
    expect(validateAssessmentForm(filled(), 3)).toEqual({});
    expect(assessmentInputSchema.safeParse(assessmentInputOf(filled(), 4)).success).toBe(true);
  });

  it.each([
    ['R2: a first assessment without the whole team', (f: AssessmentForm) => ({ ...f, presentUserIds: ['u-sw'] }), 'presentUserIds'],
    ['R18: a dimension not scored', (f: AssessmentForm) => ({ ...f, scores: { ...f.scores, care: undefined } }), 'dimensions.care'],
    ['R18: a source heard without what was learned', (f: AssessmentForm) => ({ ...f, learned: { ...f.learned, school: ' ' } }), 'sources.school'],
    ['R18: a source not answered', (f: AssessmentForm) => ({ ...f, heard: { ...f.heard, police: undefined } }), 'sources.police'],
    ['no level', (f: AssessmentForm) => ({ ...f, riskLevel: null }), 'riskLevel'],
    ['no conclusion', (f: AssessmentForm) => ({ ...f, conclusion: '' }), 'conclusion'],
  ])('%s is named', (_name, change, field) => {
    expect(Object.keys(validateAssessmentForm(change(filled()), 3))).toEqual([field]);
  });
});

describe('where the risk level came from', () => {
  it.each([
    [null, '待评估（登记时初定）'],
    [{ kind: 'assessment', assessmentId: 'a1', heldOn: '2026-11-30', assessmentKind: 'first' }, '依据11月30日首次评估'],
    [{ kind: 'assessment', assessmentId: 'a1', heldOn: '2025-06-01', assessmentKind: 'reassessment' }, '依据2025年6月1日复评'],
    [{ kind: 'override', reason: '监护人住院', byUserId: 'u-sup', at: '2026-11-30T02:00:00Z' }, '督导员调整：监护人住院'],
  ] as const)('%j: %s', (basis, text) => {
    expect(riskBasisText(basis, '2026-12-01')).toBe(text);
  });

  it('says the level in words before its basis', () => {
    expect(riskWithBasisText({ riskLevel: 'red', riskBasis: null }, '2026-12-01')).toBe('红色风险 · 待评估（登记时初定）');
  });

  it('offers 新建评估 to the team and the supervisor only, for an active child with a team', () => {
    const child = { status: 'active' as const, team: { socialWorkerId: 'u-sw', directorId: 'u-dir', supervisorId: 'u-sup' } };
    expect(mayRecordAssessment({ id: 'u-sw', role: 'socialWorker' }, child)).toBe(true);
    expect(mayRecordAssessment({ id: 'u-other', role: 'socialWorker' }, child)).toBe(false);
    expect(mayRecordAssessment({ id: 'u-dir', role: 'director' }, child)).toBe(true);
    expect(mayRecordAssessment({ id: 'u-any', role: 'supervisor' }, child)).toBe(true);
    expect(mayRecordAssessment({ id: 'u-g', role: 'guardian' }, child)).toBe(false);
    expect(mayRecordAssessment({ id: 'u-sw', role: 'socialWorker' }, { ...child, team: null })).toBe(false);
  });
});
