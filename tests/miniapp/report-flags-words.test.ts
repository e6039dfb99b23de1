import { describe, expect, it } from 'vitest';
import { quarterLabel, quarterOfMonth } from '../../miniapp/src/lib/report-words.js';

describe("R9's flag of an idle organization, in the district's inbox", () => {
  it('names the organization and the month, and opens the report', async () => {
    const { describeMessage } = await import('../../miniapp/src/lib/inbox-format.js');
    const item = {
      id: 'm1', at: '2026-11-30T18:00:00.000Z', kind: 'organizationIdle' as const, readAt: null, childId: null, visitId: null, escalationId: null,
      about: null, case: null, digest: null,
      organization: { organizationId: 'org2', organizationName: '明德社工', districtId: 'd1', month: '2026-11' },
    };
    expect(describeMessage(item, 'districtOfficer', new Date('2026-12-01T02:00:00Z'))).toMatchObject({
      title: '服务机构连续两个月未提供服务',
      subject: '明德社工 · 2026年11月及上月未提供服务',
      opens: true,
    });
  });
});

describe("R24's quarter in words", () => {
  it('puts a month in its quarter and names the quarter', () => {
    expect(['2026-01', '2026-03', '2026-04', '2026-11', '2026-12'].map(quarterOfMonth)).toEqual(['2026-Q1', '2026-Q1', '2026-Q2', '2026-Q4', '2026-Q4']);
    expect(quarterLabel('2026-Q4')).toBe('2026年第四季度');
  });
});
