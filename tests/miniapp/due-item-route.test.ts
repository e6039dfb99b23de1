import { describe, expect, it } from 'vitest';
import { obligationKindText } from '../../miniapp/src/lib/visit-format.js';
import { routes } from '../../miniapp/src/services/routes.js';

/** R2: the year's assessment in the worker's due list reads in words and opens what answers it, the assessment form. */
describe('a due item of the year’s assessment (R2)', () => {
  it('is named 年度评估, not by its code', () => {
    expect(obligationKindText({ kind: 'yearlyAssessment' })).toBe('年度评估');
  });

  it('opens the assessment form for that child; every other duty opens the check-in preset for it', () => {
    expect(routes.dueItem('demo-child-007', 'yearlyAssessment')).toBe('/assessment/pages/new/index?childId=demo-child-007');
    expect(routes.dueItem('demo-child-007', 'reassessment')).toBe('/children/pages/check-in/index?id=demo-child-007&due=reassessment');
    expect(routes.dueItem('demo-child-007', 'homeVisit')).toBe(routes.checkIn('demo-child-007', 'homeVisit'));
  });
});
