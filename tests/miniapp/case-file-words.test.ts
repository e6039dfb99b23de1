import { describe, expect, it } from 'vitest';
import { deadlineText, mayExportCaseFile, mayReadAccessTrail, maySubmitCaseFile, submissionYearOn } from '../../miniapp/src/lib/case-file-words.js';

/** Issue 12 (R7) on the child's page: which 档案 buttons a reader is offered, and the year and deadline in words. */
const team = { supervisorId: 'sup', directorId: 'dir', socialWorkerId: 'sw' };

describe('the 档案 section offered to each reader', () => {
  it.each([
    [{ id: 'sw', role: 'socialWorker' }, true, false, false],
    [{ id: 'sw2', role: 'socialWorker' }, false, false, false],
    [{ id: 'dir', role: 'director' }, true, false, false],
    [{ id: 'sup', role: 'supervisor' }, true, true, true],
    [{ id: 'do', role: 'districtOfficer' }, true, true, false],
    [{ id: 'co', role: 'cityOfficer' }, true, true, false],
    [{ id: 'g', role: 'guardian' }, false, false, false],
    [{ id: 'oa', role: 'orgAdmin' }, false, false, false],
  ] as const)('%o: export %s, trail %s, submit %s', (user, exports, trail, submits) => {
    expect(mayExportCaseFile(user, { team })).toBe(exports);
    expect(mayReadAccessTrail(user.role)).toBe(trail);
    expect(maySubmitCaseFile(user.role)).toBe(submits);
  });
});

describe('the year gathered and its deadline (R7)', () => {
  it.each([
    ['2026-12-01T02:00:00.000Z', 2026],
    ['2027-01-31T15:00:00.000Z', 2026],
    ['2027-01-31T16:00:00.000Z', 2027],
  ])('on %s the files of %i', (at, year) => {
    expect(submissionYearOn(new Date(at))).toBe(year);
  });

  it('says the deadline as 截止2027年1月31日', () => {
    expect(deadlineText('2027-01-31')).toBe('截止2027年1月31日');
  });
});
