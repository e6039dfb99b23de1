import { describe, expect, it } from 'vitest';
import type { SafetySession } from '../../functions/src/domain/safety-session.js';
import { isFallingDue, quarterOf, r12SummaryOf, r12TrackerOf, trackedRangeOf, type TrackedTown } from '../../functions/src/domain/safety-tracker.js';
import { topicsInSeason, type SafetyTopic } from '../../functions/src/domain/safety-topics.js';
import { nextVacation } from '../../functions/src/domain/school-vacations.js';
import { shanghaiDate } from '../../functions/src/domain/time.js';

/** R12 as tables: villages yearly (防溺水, 防欺凌), towns quarterly, schools before each vacation, all in Beijing dates. */
const town: TrackedTown = { id: 't1', name: '河口镇', villages: [{ id: 'v1', name: '东湾村' }], schools: [{ id: 's1', name: '河口小学' }] };

let n = 0;
function session(kind: 'village' | 'town' | 'school', id: string, date: string, topics: SafetyTopic[] = ['fire'], status: SafetySession['status'] = 'held'): SafetySession {
  n += 1;
  return {
    id: `s${n}`,
    topics,
    date,
    place: '村委会',
    audience: { kind, id, name: id, townId: 't1', districtId: 'd1' },
    organizer: { id: 'u1', name: '孙河口' },
    status,
    attendance: status === 'held' ? 20 : null,
    photoCount: status === 'held' ? 1 : 0,
    cancelReason: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
  };
}

function stateOf(today: string, sessions: SafetySession[], kind: 'village' | 'town' | 'school', requirement?: string) {
  const row = r12TrackerOf([town], sessions, today).find((candidate) => candidate.kind === kind)!;
  const item = requirement ? row.items.find((candidate) => candidate.requirement === requirement)! : row.items[0];
  return item.state;
}

describe('R12 tracker: a village, each calendar year (Beijing)', () => {
  it.each([
    // today, session date, topics, status, drowning state, bullying state
    ['2026-06-15', '2026-03-01', ['drowning'], 'held', 'done', 'due'],
    ['2026-06-15', '2026-03-01', ['drowning', 'bullying'], 'held', 'done', 'done'],
    ['2026-06-15', '2026-07-20', ['drowning'], 'planned', 'planned', 'due'],
    ['2026-06-15', '2026-07-20', ['drowning'], 'cancelled', 'due', 'due'],
    // Held last year: this year still demands it.
    ['2027-01-05', '2026-12-20', ['drowning', 'bullying'], 'held', 'due', 'due'],
    ['2026-12-31', '2026-12-31', ['bullying'], 'held', 'due', 'done'],
  ] as const)('on %s, a session of %s on %j (%s): drowning %s, bullying %s', (today, date, topics, status, drowning, bullying) => {
    const sessions = [session('village', 'v1', date, [...topics], status)];
    expect(stateOf(today, sessions, 'village', 'villageDrowning')).toBe(drowning);
    expect(stateOf(today, sessions, 'village', 'villageBullying')).toBe(bullying);
  });

  it("counts only the village's own sessions, not the town's", () => {
    expect(stateOf('2026-06-15', [session('town', 't1', '2026-03-01', ['drowning'])], 'village', 'villageDrowning')).toBe('due');
  });
});

describe('R12 tracker: a town, each quarter (Beijing)', () => {
  it.each([
    // today, held session date, state
    ['2026-03-31', '2026-01-01', 'done'],
    ['2026-04-01', '2026-03-31', 'due'], // a new quarter demands its own
    ['2026-06-30', '2026-04-01', 'done'],
    ['2026-10-01', '2026-09-30', 'due'],
    ['2026-12-31', '2026-10-15', 'done'],
    ['2027-01-01', '2026-12-31', 'due'],
  ] as const)('on %s, held on %s: %s', (today, date, state) => {
    expect(stateOf(today, [session('town', 't1', date)], 'town')).toBe(state);
  });

  it('takes the Beijing date of an instant: UTC 16:00 on 31 March is 1 April in Beijing, a new quarter', () => {
    const today = shanghaiDate(new Date('2026-03-31T16:00:00Z'));
    expect(today).toBe('2026-04-01');
    expect(quarterOf(today)).toMatchObject({ number: 2, from: '2026-04-01', until: '2026-06-30' });
    expect(stateOf(today, [session('town', 't1', '2026-03-20')], 'town')).toBe('due');
    expect(stateOf(shanghaiDate(new Date('2026-03-31T15:59:59Z')), [session('town', 't1', '2026-03-20')], 'town')).toBe('done');
  });
});

describe('R12 tracker: a school, before each vacation (8 weeks before its first day)', () => {
  it.each([
    // today, held session date, state; summer 2026 starts 1 July (window 6 May – 30 June), winter 2027 on 23 January
    // (window 28 November 2026 – 22 January 2027).
    ['2026-06-20', '2026-05-06', 'done'],
    ['2026-06-20', '2026-05-05', 'due'], // before the window: it counts for no vacation
    ['2026-06-30', '2026-06-30', 'done'],
    ['2026-07-01', '2026-06-30', 'due'], // the summer began: the winter's window is next
    ['2027-01-10', '2026-12-01', 'done'], // the window crosses the new year
    ['2027-01-10', '2026-11-27', 'due'],
    ['2027-01-23', '2027-01-22', 'due'], // the winter began: the next summer's window
  ] as const)('on %s, held on %s: %s', (today, date, state) => {
    expect(stateOf(today, [session('school', 's1', date)], 'school')).toBe(state);
  });

  it('names the next vacation and its window', () => {
    expect(nextVacation('2026-07-01')).toEqual({ kind: 'winter', start: '2027-01-23', windowStart: '2026-11-28', windowEnd: '2027-01-22' });
    expect(nextVacation('2026-06-30')).toMatchObject({ kind: 'summer', start: '2026-07-01' });
    // A year not in the table falls back to 25 January and 1 July.
    expect(nextVacation('2031-02-01')).toMatchObject({ kind: 'summer', start: '2031-07-01' });
    const row = r12TrackerOf([town], [], '2027-01-10').find((candidate) => candidate.kind === 'school')!;
    expect(row.items[0].period).toBe('2027年寒假前');
  });

  it('reads the calendar year and the window before the next vacation, across the new year', () => {
    expect(trackedRangeOf('2027-01-10')).toEqual({ from: '2026-11-28', until: '2027-12-31' });
    expect(trackedRangeOf('2026-06-01')).toEqual({ from: '2026-01-01', until: '2026-12-31' });
  });
});

describe('R12 falling due: what the reminder sweep tells of', () => {
  it.each([
    // today, kind, requirement, falling due (nothing held)
    ['2026-04-30', 'village', 'villageDrowning', false],
    ['2026-05-01', 'village', 'villageDrowning', true],
    ['2026-10-31', 'village', 'villageBullying', false],
    ['2026-11-01', 'village', 'villageBullying', true],
    ['2026-12-10', 'town', 'townQuarter', false],
    ['2026-12-11', 'town', 'townQuarter', true], // the quarter's last 21 days
    ['2026-06-02', 'school', 'schoolVacation', false],
    ['2026-06-03', 'school', 'schoolVacation', true], // 28 days before 1 July
  ] as const)('on %s a %s with nothing held: %s is falling due = %s', (today, kind, requirement, expected) => {
    const row = r12TrackerOf([town], [], today).find((candidate) => candidate.kind === kind)!;
    expect(isFallingDue(row.items.find((item) => item.requirement === requirement)!, today)).toBe(expected);
  });

  it('a held session stops it falling due; the summary counts the town', () => {
    const today = '2026-12-28';
    const sessions = [session('town', 't1', '2026-12-01'), session('village', 'v1', '2026-02-01', ['drowning', 'bullying'])];
    const rows = r12TrackerOf([town], sessions, today);
    expect(rows.flatMap((row) => row.items).filter((item) => isFallingDue(item, today))).toEqual([expect.objectContaining({ requirement: 'schoolVacation' })]);
    expect(r12SummaryOf(rows, [town], today)).toEqual([
      { townId: 't1', name: '河口镇', quarterDone: true, villages: 1, villagesDone: 1, schools: 1, schoolsDone: 0, fallingDue: 1 },
    ]);
  });
});

describe('R12 seasonal hint', () => {
  it.each([
    ['2026-03-31', false],
    ['2026-04-01', true],
    ['2026-06-30', true],
    ['2026-07-01', false],
  ] as const)('on %s 防溺水 first with a hint: %s', (today, first) => {
    const { topics, hint } = topicsInSeason(today);
    expect(topics).toHaveLength(11);
    expect(topics[0] === 'drowning' && hint !== null).toBe(first);
    if (!first) expect(hint).toBeNull();
  });
});
