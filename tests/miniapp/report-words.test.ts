import { describe, expect, it } from 'vitest';
import { completionRate, deadlineLabel, lastMonthOf, monthLabel, submissionWords, yearLines } from '../../miniapp/src/lib/report-words.js';

const now = new Date('2026-11-15T02:00:00Z');

describe('the monthly report in words', () => {
  it('opens on last month in Beijing, also across the new year and at 00:30 Beijing on the 1st', () => {
    expect(lastMonthOf(now)).toBe('2026-10');
    expect(lastMonthOf(new Date('2027-01-05T00:00:00Z'))).toBe('2026-12');
    expect(lastMonthOf(new Date('2026-11-30T16:30:00Z'))).toBe('2026-11');
    expect(monthLabel('2026-03')).toBe('2026年3月');
  });

  it('says a deadline of 00:00 on the 16th as the end of the 15th', () => {
    expect(deadlineLabel('2026-11-15T16:00:00.000Z')).toBe('11月15日24时');
  });

  it('says who sent a report and when, late in red, and an unsent one past its deadline in red too', () => {
    const submission = { submittedAt: '2026-11-10T02:00:00.000Z', submittedByName: '沈志强', late: false };
    const deadline = '2026-11-15T16:00:00.000Z';
    expect(submissionWords({ submits: true, deadline, submission }, now)).toEqual({ text: '已提交 11月10日 10:00 · 沈志强', tone: 'done' });
    expect(submissionWords({ submits: true, deadline, submission: { ...submission, late: true } }, now).tone).toBe('late');
    expect(submissionWords({ submits: true, deadline, submission: null }, now)).toEqual({ text: '未提交 · 截止 11月15日24时', tone: 'missing' });
    expect(submissionWords({ submits: true, deadline, submission: null }, new Date('2026-11-16T00:00:00Z'))).toEqual({ text: '未提交 · 已过截止 11月15日24时', tone: 'late' });
    expect(submissionWords({ submits: false, deadline: null, submission: null }, now)).toEqual({ text: '', tone: 'none' });
  });

  it('gives a completion rate only where something was due', () => {
    const figures = { visitsDue: 8, visitsDone: 6 } as Parameters<typeof completionRate>[0];
    expect(completionRate(figures)).toBe(75);
    expect(completionRate({ ...figures!, visitsDue: 0 })).toBeNull();
    expect(completionRate(null)).toBeNull();
  });

  it('races the parts over the finished months only: the month under way is not drawn as a fall to nothing', () => {
    const figures = (visitsDue: number, visitsDone: number) => ({ visitsDue, visitsDone }) as NonNullable<Parameters<typeof completionRate>[0]>;
    const months = Array.from({ length: 12 }, () => null as ReturnType<typeof figures> | null);
    const town = { regionId: 't1', name: '叶榭镇', figures: months.map((_, index) => (index === 9 ? figures(4, 2) : index === 10 ? figures(8, 6) : index === 11 ? figures(8, 0) : null)) };
    const year = { region: { id: 'd1', name: '松江区', level: 'district' as const }, year: 2026, months: [], totals: [], parts: [town] };
    expect(yearLines(year, '2026-11')).toEqual([
      { month: '10月', name: '叶榭镇', rate: 50 },
      { month: '11月', name: '叶榭镇', rate: 75 },
    ]);
    expect(yearLines(year, '2026-12').map((line) => line.month)).toEqual(['10月', '11月', '12月']);
  });
});

describe('the reminder to send the monthly report, in the inbox', () => {
  it('names the region, the month and the deadline, and opens the report', async () => {
    const { describeMessage } = await import('../../miniapp/src/lib/inbox-format.js');
    const item = {
      id: 'm1', at: '2026-12-15T01:00:00.000Z', kind: 'reportDue' as const, readAt: null, childId: null, visitId: null, escalationId: null,
      about: null, case: null, digest: null,
      report: { regionId: 't2', regionName: '泖港镇', month: '2026-11', deadline: '2026-12-15T16:00:00.000Z' },
    };
    expect(describeMessage(item, 'supervisor', new Date('2026-12-15T02:00:00Z'))).toMatchObject({
      title: '月度汇报提交提醒',
      subject: '泖港镇 2026年11月汇报未提交 · 截止 12月15日24时',
      opens: true,
    });
    expect(describeMessage(item, 'supervisor', new Date('2026-12-19T01:00:00Z')).subject).toContain('已过截止');
  });
});
