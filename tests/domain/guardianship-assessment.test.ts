import { describe, expect, it } from 'vitest';
import {
  assertAssessmentFits,
  assessmentInputSchema,
  endOfFebruary,
  firstEndOfFebruaryFrom,
  nextAssessmentDue,
  reassessmentDue,
  yearlyAssessmentDue,
} from '../../functions/src/domain/guardianship-assessment.js';
import { RuleViolationError } from '../../functions/src/domain/errors.js';

/** Issue 12, part 1: the guardianship assessment's rules (R2, R18, R21) as tables, against an injected "today". */
const team = { supervisorId: 'u-sup', directorId: 'u-dir', socialWorkerId: 'u-sw' };
const child = { team };
const today = '2026-11-30';

function fieldOf(act: () => void): string | null {
  try {
    act();
    return null;
  } catch (error) {
    if (error instanceof RuleViolationError) return error.field ?? 'none';
    throw error;
  }
}

describe('R2: who must be present, and the kind that fits the history', () => {
  it.each([
    ['first, all three present', 'first', ['u-sw', 'u-dir', 'u-sup'], null, null],
    ['first, the director missing', 'first', ['u-sw', 'u-sup'], null, 'presentUserIds'],
    ['first, only the social worker', 'first', ['u-sw'], null, 'presentUserIds'],
    ['first, someone outside the team', 'first', ['u-sw', 'u-dir', 'u-sup', 'u-other'], null, 'presentUserIds'],
    ['first, one named twice', 'first', ['u-sw', 'u-sw', 'u-dir', 'u-sup'], null, 'presentUserIds'],
    ['reassessment by the social worker alone', 'reassessment', ['u-sw'], '2026-05-30', null],
    ['yearly by two of the team', 'yearly', ['u-sw', 'u-dir'], '2026-01-10', null],
    ['a second "first"', 'first', ['u-sw', 'u-dir', 'u-sup'], '2026-05-30', 'kind'],
    ['a reassessment before any assessment', 'reassessment', ['u-sw', 'u-dir', 'u-sup'], null, 'kind'],
  ] as const)('%s', (_name, kind, presentUserIds, lastHeldOn, field) => {
    expect(fieldOf(() => assertAssessmentFits(child, { kind, heldOn: today, presentUserIds: [...presentUserIds] }, lastHeldOn, today))).toBe(field);
  });

  it('needs a team: a child without one cannot be assessed', () => {
    expect(fieldOf(() => assertAssessmentFits({ team: null }, { kind: 'first', heldOn: today, presentUserIds: ['u-sw'] }, null, today))).toBe('presentUserIds');
  });

  it.each([
    ['tomorrow in Beijing', '2026-12-01', null, 'heldOn'],
    ['before the last assessment', '2026-05-29', '2026-05-30', 'heldOn'],
    ['today', today, '2026-05-30', null],
  ] as const)('the date held: %s', (_name, heldOn, lastHeldOn, field) => {
    const kind = lastHeldOn === null ? 'first' : 'reassessment';
    expect(fieldOf(() => assertAssessmentFits(child, { kind, heldOn, presentUserIds: ['u-sw', 'u-dir', 'u-sup'] }, lastHeldOn, today))).toBe(field);
  });
});

describe('R18: the form is complete: six dimensions scored 1–5, five sources answered, conclusion, level, recommendations', () => {
  const dimension = { score: 3, notes: '' };
  const source = { heard: true, learned: '情况稳定' };
  const valid = {
    version: 1,
    kind: 'first',
    heldOn: '2026-11-30',
    presentUserIds: ['u-sw', 'u-dir', 'u-sup'],
    dimensions: { economic: dimension, care: dimension, skills: dimension, responsibility: dimension, relationship: dimension, development: dimension },
    sources: { child: source, guardian: source, police: { heard: false, learned: '' }, neighbours: source, school: source },
    conclusion: '监护基本到位',
    riskLevel: 'yellow',
    recommendations: '每半年入户',
  };
  const without = (key: string, inner?: string) => {
    const copy = structuredClone(valid) as unknown as Record<string, Record<string, unknown>>;
    if (inner) delete copy[key][inner];
    else delete copy[key];
    return copy;
  };

  it.each([
    ['the whole form', valid, null],
    ['a dimension missing (care ability)', without('dimensions', 'care'), 'dimensions.care'],
    ['a source missing (school)', without('sources', 'school'), 'sources.school'],
    ['no conclusion', without('conclusion'), 'conclusion'],
    ['no recommendations', without('recommendations'), 'recommendations'],
    ['a score of 0', { ...valid, dimensions: { ...valid.dimensions, economic: { score: 0, notes: '' } } }, 'dimensions.economic.score'],
    ['a score of 6', { ...valid, dimensions: { ...valid.dimensions, development: { score: 6, notes: '' } } }, 'dimensions.development.score'],
    ['an unknown dimension', { ...valid, dimensions: { ...valid.dimensions, health: dimension } }, 'dimensions'],
    ['a blank conclusion', { ...valid, conclusion: '   ' }, 'conclusion'],
    ['an unknown kind', { ...valid, kind: 'monthly' }, 'kind'],
  ])('%s', (_name, body, path) => {
    const result = assessmentInputSchema.safeParse(body);
    expect(result.success ? null : result.error.issues[0].path.join('.')).toBe(path);
  });
});

describe('R2: the year’s assessment is due by the end of February (Beijing years)', () => {
  it.each([
    ['never assessed, registered in January: this February', null, '2026-01-15', '2026-02-28'],
    ['never assessed, registered on the last day of February: that day', null, '2026-02-28', '2026-02-28'],
    ['never assessed, registered in March: next February', null, '2026-03-01', '2027-02-28'],
    ['never assessed, registered in December: not the February before it existed', null, '2026-12-20', '2027-02-28'],
    ['never assessed, registered in 2027: a leap February', null, '2027-05-05', '2028-02-29'],
    ['assessed in 2027: by the end of February 2028 (leap)', '2027-06-01', '2026-01-05', '2028-02-29'],
    ['assessed in March: next year', '2026-03-01', '2026-01-05', '2027-02-28'],
    ['assessed on the last day of February: the next February', '2028-02-29', '2026-01-05', '2029-02-28'],
    ['assessed in 2099: 2100 is no leap year', '2099-05-05', '2026-01-05', '2100-02-28'],
    ['assessed at intake, before registration: from registration', '2025-11-01', '2026-03-10', '2027-02-28'],
  ] as const)('%s', (_name, lastHeldOn, registeredOn, due) => {
    expect(yearlyAssessmentDue(lastHeldOn, registeredOn)).toBe(due);
  });

  it.each([
    ['2026-01-05', '2026-02-28'],
    ['2026-02-28', '2026-02-28'],
    ['2026-03-01', '2027-02-28'],
    ['2028-02-29', '2028-02-29'],
    ['2027-12-31', '2028-02-29'],
  ])('the first end of February on or after %s is %s', (day, due) => {
    expect(firstEndOfFebruaryFrom(day)).toBe(due);
  });

  it.each([
    [2024, '2024-02-29'],
    [2026, '2026-02-28'],
    [2000, '2000-02-29'],
    [1900, '1900-02-28'],
  ])('the end of February %i is %s', (year, date) => {
    expect(endOfFebruary(year)).toBe(date);
  });
});

describe('R21: reassessment six calendar months after the last', () => {
  it.each([
    ['2026-05-30', '2026-11-30'],
    ['2026-08-31', '2027-02-28'],
    ['2027-08-31', '2028-02-29'],
    ['2026-12-15', '2027-06-15'],
  ])('after %s: %s', (last, due) => {
    expect(reassessmentDue(last)).toBe(due);
  });

  it.each([
    ['six-monthly, falls before the yearly', '2026-05-30', true, '2026-11-30'],
    ['six-monthly, the yearly falls first', '2026-11-30', true, '2027-02-28'],
    ['six-monthly and yearly on the same day', '2026-08-31', true, '2027-02-28'],
    ['not in guardianship difficulty: yearly only', '2026-05-30', false, '2027-02-28'],
    ['never assessed: the yearly date from registration', null, true, '2026-02-28'],
  ] as const)('next due: %s', (_name, last, sixMonthly, due) => {
    expect(nextAssessmentDue(last, '2026-01-05', sixMonthly)).toBe(due);
  });
});
