import { describe, expect, it } from 'vitest';
import type { Visit } from '../../functions/src/domain/visit.js';
import { answerVisit, draftVisit } from '../../functions/src/domain/visit-record.js';
import {
  appendAnswer,
  appendCheckIn,
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
