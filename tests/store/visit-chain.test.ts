import { describe, expect, it } from 'vitest';
import type { Visit } from '../../functions/src/domain/visit.js';
import { answerVisit, draftVisit } from '../../functions/src/domain/visit-record.js';
import { correctVisit, withdrawVisit } from '../../functions/src/domain/visit-amendment.js';
import { settleDispute } from '../../functions/src/domain/visit-settlement.js';
import {
  appendAmendment,
  appendAnswer,
  appendCheckIn,
  appendSettlement,
  canonicalJson,
  EMPTY_CHAIN,
  verifyChain,
  type ChainEntry,
} from '../../functions/src/store/visit-chain.js';

/** The hash chain on its own (no table): what breaks it and where the break is reported. */
const region = { cityId: 'c1', districtId: 'd1', townId: 't1', villageId: 'v1' };

function draft(id: string, recordedAt: string) {
  return draftVisit(
    {
      kind: 'contact',
      purpose: 'routine',
      startedAt: '2026-11-23T09:00:00+08:00',
      endedAt: '2026-11-23T09:10:00+08:00',
      location: null,
      participantIds: ['dir-1'],
      companionNames: [],
      contactChannel: 'phone',
      services: [],
      notes: `记录 ${id}`,
      problemsFound: '',
    },
    { id, child: { id: 'child-1', region }, recordedBy: 'dir-1', recordedAt: new Date(recordedAt), r3: { applies: false, met: true, shortfalls: [] } },
  );
}

/** Three check-ins and an answer to the first: entries 1–4. */
function history() {
  const entries: ChainEntry[] = [];
  const visits: Visit[] = [];
  let head = EMPTY_CHAIN;
  for (const [index, at] of ['2026-11-23T02:00:00.000Z', '2026-11-23T03:00:00.000Z', '2026-11-23T04:00:00.000Z'].entries()) {
    const { visit, entry } = appendCheckIn(head, draft(`v${index + 1}`, at));
    entries.push(entry);
    visits.push(visit);
    head = { sequence: entry.sequence, hash: entry.hash };
  }
  visits[0] = answerVisit(visits[0], { decision: 'confirm', reasons: [], note: '', version: 1 }, 'g-1', new Date('2026-11-23T05:00:00.000Z'));
  const answer = appendAnswer(head, visits[0]);
  entries.push(answer);
  return { entries, visits, head: { sequence: answer.sequence, hash: answer.hash } };
}

describe('canonical JSON', () => {
  it('sorts keys at every depth and leaves out undefined, so equal content hashes equal', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: undefined } })).toBe('{"a":{"d":[2,{"e":0,"f":1}]},"b":1}');
  });
});

describe('verifying a chain', () => {
  it('finds an untouched history intact', () => {
    const { entries, visits, head } = history();
    expect(verifyChain(entries, visits, head)).toEqual({ intact: true, entries: 4, firstBrokenSequence: null });
  });

  it('links each entry to the one before it', () => {
    const { entries } = history();
    expect(entries.map((e) => e.previousHash)).toEqual(['', entries[0].hash, entries[1].hash, entries[2].hash]);
    expect(new Set(entries.map((e) => e.hash)).size).toBe(4);
  });

  it('names the visit whose content changed', () => {
    const { entries, visits, head } = history();
    visits[1] = { ...visits[1], startedAt: '2026-11-23T08:00:00+08:00' };
    expect(verifyChain(entries, visits, head).firstBrokenSequence).toBe(2);
  });

  it('names an entry whose hash was rewritten, even when the visit was rewritten to match', () => {
    const { entries, visits, head } = history();
    entries[2] = { ...entries[2], hash: '0'.repeat(64) };
    visits[2] = { ...visits[2], hash: '0'.repeat(64) };
    expect(verifyChain(entries, visits, head).firstBrokenSequence).toBe(3);
  });

  it('names an answer changed after the fact', () => {
    const { entries, visits, head } = history();
    visits[0] = { ...visits[0], confirmation: { ...visits[0].confirmation, state: 'disputed', reasons: ['notVisited'] } };
    expect(verifyChain(entries, visits, head).firstBrokenSequence).toBe(4);
  });

  it('finds an answer that has no entry (a visit set to confirmed in the table)', () => {
    const { entries, visits, head } = history();
    visits[1] = { ...visits[1], confirmation: { state: 'confirmed', byUserId: 'g-1', at: '2026-11-23T06:00:00.000Z', reasons: [], note: '' } };
    expect(verifyChain(entries, visits, head).firstBrokenSequence).toBe(2);
  });

  it('finds an answer entry removed: the visit stands answered without it', () => {
    const { entries, visits, head } = history();
    expect(verifyChain(entries.slice(0, 3), visits, head)).toMatchObject({ intact: false, firstBrokenSequence: 1 });
  });

  it('finds the last entry removed with all trace of it by the head that still counts it', () => {
    const { entries, visits, head } = history();
    visits[0] = { ...visits[0], confirmation: { state: 'pending', byUserId: null, at: null, reasons: [], note: '' }, version: 1 };
    expect(verifyChain(entries.slice(0, 3), visits, head)).toMatchObject({ intact: false, firstBrokenSequence: 4 });
  });

  it('finds an entry removed from the middle', () => {
    const { entries, visits, head } = history();
    expect(verifyChain([entries[0], entries[2], entries[3]], visits, head)).toMatchObject({ intact: false, firstBrokenSequence: 2 });
  });
});

/**
 * Issue 7: after the history above, the second visit is disputed and the dispute settled, the third corrected twice
 * and the first withdrawn: entries 5–9. The check-ins' entries still hold, since each visit keeps its first values.
 */
function amendedHistory() {
  const { entries, visits, head: start } = history();
  let head = start;
  const append = (entry: ChainEntry) => {
    entries.push(entry);
    head = { sequence: entry.sequence, hash: entry.hash };
  };
  const at = (minute: number) => new Date(`2026-11-23T06:${String(minute).padStart(2, '0')}:00.000Z`);
  visits[1] = answerVisit(visits[1], { decision: 'dispute', reasons: ['wrongTime'], note: '', version: 1 }, 'g-1', at(0));
  append(appendAnswer(head, visits[1]));
  visits[1] = settleDispute(visits[1], { outcome: 'verified', note: '已与社工核实', version: 2 }, 'sup-1', at(5));
  append(appendSettlement(head, visits[1]));
  const r3 = { applies: false, met: true, shortfalls: [] };
  visits[2] = correctVisit(visits[2], { version: 1, reason: '时间填错', changes: { endedAt: '2026-11-23T09:20:00+08:00' } }, 'dir-1', at(10), r3);
  append(appendAmendment(head, visits[2]));
  visits[2] = correctVisit(visits[2], { version: 2, reason: '补记问题', changes: { problemsFound: '门锁坏了' } }, 'dir-1', at(11), r3);
  append(appendAmendment(head, visits[2]));
  visits[0] = withdrawVisit(visits[0], { version: 2, reason: '重复登记' }, 'dir-1', at(12));
  append(appendAmendment(head, visits[0]));
  return { entries, visits, head };
}

describe('verifying a chain with settlements, corrections and withdrawals (issue 7)', () => {
  it('finds the amended history intact, each step an entry of its own', () => {
    const { entries, visits, head } = amendedHistory();
    expect(entries.map((entry) => entry.kind)).toEqual([
      'checkIn', 'checkIn', 'checkIn', 'confirmation', 'dispute', 'settlement', 'correction', 'correction', 'withdrawal',
    ]);
    expect(verifyChain(entries, visits, head)).toEqual({ intact: true, entries: 9, firstBrokenSequence: null });
    expect(visits[2]).toMatchObject({ endedAt: '2026-11-23T09:20:00+08:00', problemsFound: '门锁坏了' });
    expect(visits[2].asRecorded).toMatchObject({ endedAt: '2026-11-23T09:10:00+08:00', problemsFound: '' });
  });

  it('names the visit whose current value was changed without a correction on the chain', () => {
    const { entries, visits, head } = amendedHistory();
    visits[2] = { ...visits[2], endedAt: '2026-11-23T11:00:00+08:00' };
    expect(verifyChain(entries, visits, head).firstBrokenSequence).toBe(3);
  });

  it('names the check-in whose first values were rewritten', () => {
    const { entries, visits, head } = amendedHistory();
    visits[2] = { ...visits[2], asRecorded: { ...visits[2].asRecorded!, notes: '改写' } };
    expect(verifyChain(entries, visits, head).firstBrokenSequence).toBe(3);
  });

  it('names a correction whose reason was rewritten', () => {
    const { entries, visits, head } = amendedHistory();
    const corrections = [...visits[2].corrections];
    corrections[1] = { ...corrections[1], reason: '别的理由' };
    visits[2] = { ...visits[2], corrections };
    expect(verifyChain(entries, visits, head).firstBrokenSequence).toBe(8);
  });

  it('names a settlement whose outcome was changed, and a settlement removed from the visit', () => {
    const changed = amendedHistory();
    changed.visits[1] = { ...changed.visits[1], resolution: { ...changed.visits[1].resolution!, outcome: 'notAsRecorded' } };
    expect(verifyChain(changed.entries, changed.visits, changed.head).firstBrokenSequence).toBe(6);
    const removed = amendedHistory();
    removed.visits[1] = { ...removed.visits[1], resolution: null };
    expect(verifyChain(removed.entries, removed.visits, removed.head).intact).toBe(false);
  });

  it('finds a withdrawal removed from the visit', () => {
    const { entries, visits, head } = amendedHistory();
    visits[0] = { ...visits[0], corrections: [] };
    expect(verifyChain(entries, visits, head)).toMatchObject({ intact: false });
  });
});
