import { describe, expect, it } from 'vitest';
import { countsChange, STANDING, villageFigures, type CounterDelta } from '../../functions/src/domain/monthly-counts.js';

/** Issue 9 part 5: the arithmetic of the counters, apart from storage. */
const v1 = { cityId: 'c1', districtId: 'd1', townId: 't1', villageId: 'v1' };
const v2 = { ...v1, villageId: 'v2' };

describe('a change of records', () => {
  it('moves each counter item once, by the difference, and none that does not move', () => {
    // A visit corrected from 30 November to 1 December (Beijing): one item each month, nothing for the unchanged answer.
    const before: CounterDelta[] = [
      { region: v1, period: '2026-11', counts: { visits: 1, homeVisits: 1 } },
      { region: v1, period: '2026-12', counts: { confirmations: 1 } },
    ];
    const after: CounterDelta[] = [
      { region: v1, period: '2026-12', counts: { visits: 1, homeVisits: 1 } },
      { region: v1, period: '2026-12', counts: { confirmations: 1 } },
    ];
    expect(countsChange(before, after, '2026-12-02T01:00:00Z')).toEqual([
      { region: v1, period: '2026-11', counts: { visits: -1, homeVisits: -1 } },
      { region: v1, period: '2026-12', counts: { visits: 1, homeVisits: 1 } },
    ]);
  });

  it('logs a standing change in the month it was made (Beijing), in each village it touches', () => {
    // A red child moved from v1 to v2 and re-graded yellow at 00:30 on 1 December in Beijing.
    const change = countsChange(
      [{ region: v1, period: STANDING, counts: { childrenServed: 1, riskRed: 1 } }],
      [{ region: v2, period: STANDING, counts: { childrenServed: 1, riskYellow: 1 } }],
      '2026-11-30T16:30:00Z',
    );
    expect(change).toEqual(
      expect.arrayContaining([
        { region: v1, period: STANDING, counts: { childrenServed: -1, riskRed: -1 } },
        { region: v2, period: STANDING, counts: { childrenServed: 1, riskYellow: 1 } },
        { region: v1, period: '2026-12', counts: { childrenServedChange: -1, riskRedChange: -1 } },
        { region: v2, period: '2026-12', counts: { childrenServedChange: 1, riskYellowChange: 1 } },
      ]),
    );
    expect(change).toHaveLength(4);
  });
});

describe("a village's figures", () => {
  it('take the standing figures back to the month\'s end, and count as missing what was met only after it', () => {
    const figures = villageFigures({
      month: { homeVisits: 3, visitsOnTime: 2, visitsLate: 1, dueMet: 4, dueMetAfterMonth: 1, r3Met: 2 },
      // Now 5 children (2 red), after one registered (red) in December and one closed (yellow) in January.
      standing: { childrenServed: 5, riskRed: 2, riskYellow: 3, escalationsOpen: 1 },
      later: [{ childrenServedChange: 1, riskRedChange: 1 }, { childrenServedChange: -1, riskYellowChange: -1, escalationsOpenChange: 1 }],
      openDue: 2,
    });
    expect(figures).toMatchObject({
      childrenServed: 5,
      riskRed: 1,
      riskYellow: 4,
      escalationsOpen: 0,
      visitsDue: 6,
      visitsMissing: 3,
      visitsDone: 3,
      visitsOnTime: 2,
      visitsLate: 1,
      visitsMeetingR3: 2,
    });
  });
});
