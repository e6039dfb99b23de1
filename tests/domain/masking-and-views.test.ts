import { describe, expect, it } from 'vitest';
import { childDetailFor, childSummaryFor } from '../../functions/src/domain/child-views.js';
import type { Child } from '../../functions/src/domain/child.js';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '../../functions/src/domain/masking.js';
import { ageOn, shanghaiDate } from '../../functions/src/domain/time.js';

const child: Child = {
  id: 'ch-1',
  name: '李小明',
  gender: 'male',
  birthDate: '2016-05-01',
  idNumber: '310117201605011234',
  address: '上海市松江区叶榭镇井凌桥村3组12号',
  region: { cityId: 'c1', districtId: 'd1', townId: 't1', villageId: 'v1' },
  categories: ['leftBehind'],
  flags: ['poverty'],
  riskLevel: 'red',
  guardians: [{ userId: 'g-1', name: '李大山', relation: 'grandparent', phone: '13800001111' }],
  organizationId: 'org-1',
  legalBasis: { kind: 'statutoryDuty', authority: '民政部门法定职责' },
  followUpTriggers: [],
  status: 'active',
  team: null,
  teamHistory: [],
  registeredOn: '2026-01-01',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
};

describe('masking', () => {
  it.each([
    [maskIdNumber('310117201605011234'), '310***********1234'],
    [maskPhone('13800001111'), '138****1111'],
    [maskName('李大山'), '李*山'],
    [maskName('李四'), '李*'],
    [maskName('欧阳小明'), '欧**明'],
  ])('%s is %s', (masked, expected) => expect(masked).toBe(expected));

  it('an address keeps its administrative start and hides the house', () => {
    expect(maskAddress(child.address)).toBe('上海市松江区****');
  });
});

describe('child views', () => {
  it('a staff summary carries no full ID number, address or guardian name', () => {
    const text = JSON.stringify(childSummaryFor('director', child));
    for (const secret of ['310117201605011234', '井凌桥村3组12号', '李大山', '13800001111']) {
      expect(text).not.toContain(secret);
    }
    expect(childSummaryFor('director', child)).toMatchObject({ riskLevel: 'red', categories: ['leftBehind'] });
  });

  it("a guardian's summary and detail leave out the worker's grading (no labelling)", () => {
    const summary = childSummaryFor('guardian', child);
    expect(summary).not.toHaveProperty('riskLevel');
    expect(summary).not.toHaveProperty('categories');
    const detail = childDetailFor('guardian', child);
    for (const hidden of ['idNumber', 'riskLevel', 'flags', 'categories', 'legalBasis', 'teamHistory', 'followUpTriggers']) {
      expect(detail).not.toHaveProperty(hidden);
    }
    expect(detail.name).toBe('李小明');
  });

  it('a director sees the whole record of a single child', () => {
    expect(childDetailFor('director', child)).toEqual(child);
  });
});

describe('Beijing time', () => {
  it('16:30 UTC is already the next day in Beijing', () => {
    expect(shanghaiDate(new Date('2026-11-22T16:30:00Z'))).toBe('2026-11-23');
  });
  it.each([
    ['2016-05-01', '2026-04-30', 9],
    ['2016-05-01', '2026-05-01', 10],
    ['2012-02-29', '2026-02-28', 13],
  ])('born %s, on %s is %i', (birth, day, age) => expect(ageOn(birth, day)).toBe(age));
});
