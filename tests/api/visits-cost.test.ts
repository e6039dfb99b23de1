import { beforeAll, describe, expect, it } from 'vitest';
import { countRequests } from '../store/request-counter.js';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { children } from './support/seed-area.js';
import { AFTER_VISIT, homeVisitBody, postAnswer, postCheckIn } from './support/visits.js';

/**
 * What one check-in, one confirmation and one read of a child cost in DynamoDB requests and items, through the whole API (session,
 * access, validation, the write). Pinned here so that a change that adds a read shows up; the numbers are in the
 * issue's closing note.
 */
let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness();
  h.setNow(AFTER_VISIT);
  // A district with its policy stored (the seed's d1) and a first visit, so the measured check-in appends to an
  // existing chain and obligation state (the usual case).
  expect((await postCheckIn(h, 'socialWorkerPledged', children.a1.id, homeVisitBody({ startedAt: '2026-04-01T09:00:00+08:00', endedAt: '2026-04-01T11:00:00+08:00' }))).status).toBe(201);
});

describe('the cost of a visit', () => {
  // Before issue 7 a check-in was 8 requests (7 before its transaction: the session's user, the child, the
  // idempotency record, each participant, the policy, then a batch reading the child, chain head, obligation state
  // and policy again), 9 items read, 10 written and 1 condition check.
  it('a check-in: two batch reads, then the one transaction that writes everything with its event', async () => {
    const counter = countRequests(h.table.client);

    const res = await postCheckIn(h, 'socialWorkerPledged', children.a1.id, homeVisitBody());

    counter.stop();
    expect(res.status).toBe(201);
    expect(counter.records.map((r) => r.command)).toEqual([
      'BatchGetItem', // the user (also a participant, read once), the other participant, the child, its chain head
      // and obligation state, the idempotency record (none yet)
      'BatchGetItem', // the district's policy, known once the child is
      'TransactWriteItems',
    ]);
    expect(counter.records.map((r) => r.itemsRead)).toEqual([5, 1, 0]);
    const transaction = counter.records.at(-1)!;
    // visit, chain entry, chain head, obligation state + 3 obligation items, idempotency record, counter, audit,
    // the VisitRecorded event; the child's version is checked, not written.
    expect(transaction).toMatchObject({ itemsWritten: 11, conditionChecks: 1 });
    expect(counter.totals()).toEqual({ requests: 3, itemsRead: 6, itemsWritten: 11, conditionChecks: 1 });
  });

  it('a check-in sent again: one batch, then the stored visit, and nothing written', async () => {
    const body = homeVisitBody({ startedAt: '2026-04-02T06:00:00+08:00', endedAt: '2026-04-02T08:00:00+08:00' });
    const key = 'cost-replay-0001';
    expect((await postCheckIn(h, 'socialWorkerPledged', children.a1.id, body, key)).status).toBe(201);
    const counter = countRequests(h.table.client);

    const res = await postCheckIn(h, 'socialWorkerPledged', children.a1.id, body, key);

    counter.stop();
    expect(res.headers.get('idempotent-replayed')).toBe('true');
    expect(counter.records.map((r) => r.command)).toEqual(['BatchGetItem', 'BatchGetItem']);
    expect(counter.totals()).toMatchObject({ requests: 2, itemsWritten: 0 });
  });

  // Before issue 7 a confirmation was 7 requests (the user, the child, the visit, the chain head, the transaction,
  // then each participant's name), 6 items read, 4 written.
  it('a confirmation: one batch read, one transaction with its event, one batch for the names of who came', async () => {
    const visit = await postCheckIn(h, 'socialWorkerPledged', children.a1.id, homeVisitBody({ startedAt: '2026-04-02T12:00:00+08:00', endedAt: '2026-04-02T14:00:00+08:00' }));
    const counter = countRequests(h.table.client);

    const res = await postAnswer(h, 'guardianA', children.a1.id, visit.body.id, { decision: 'confirm', version: 1 });

    counter.stop();
    expect(res.status).toBe(200);
    expect(counter.records.map((r) => r.command)).toEqual([
      'BatchGetItem', // the user, the child, the visit, the chain head
      'TransactWriteItems', // visit, chain entry, chain head, audit, the VisitConfirmed event
      'BatchGetItem', // the participants' names for the answer
    ]);
    expect(counter.totals()).toEqual({ requests: 3, itemsRead: 6, itemsWritten: 5, conditionChecks: 0 });
  });
});

describe('the cost of reading one child', () => {
  it('two requests: the user and the child in one batch, then the audit entry', async () => {
    const counter = countRequests(h.table.client);

    const res = await h.call('GET', `/api/v1/children/${children.a1.id}`, { as: 'directorV1' });

    counter.stop();
    expect(res.status).toBe(200);
    expect(counter.records.map((r) => r.command)).toEqual([
      'BatchGetItem', // the session's user and the child
      'BatchWriteItem', // the audit entry
    ]);
    expect(counter.totals()).toEqual({ requests: 2, itemsRead: 2, itemsWritten: 1, conditionChecks: 0 });
  });

  it('two requests for a refused read too: the batch, then the refusal’s audit entry', async () => {
    const counter = countRequests(h.table.client);

    const res = await h.call('GET', `/api/v1/children/${children.a1.id}`, { as: 'directorV2' });

    counter.stop();
    expect(res.status).toBe(404);
    expect(counter.records.map((r) => r.command)).toEqual(['BatchGetItem', 'BatchWriteItem']);
  });
});
