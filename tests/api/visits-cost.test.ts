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
    // visit, chain entry, chain head, obligation state + 4 obligation items (R2's yearly assessment too: all of a
    // child's items are put again when any moved), idempotency record, audit, the
    // VisitRecorded event, and the village's counters: April's (the visit) and those of the months its two home-visit
    // obligations fell due in (issue 9 part 5: due visits count by their due month), and the social worker's
    // organization's service that month (R9); the child's version is checked.
    expect(transaction).toMatchObject({ itemsWritten: 15, conditionChecks: 1 });
    expect(counter.totals()).toEqual({ requests: 3, itemsRead: 6, itemsWritten: 15, conditionChecks: 1 });
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
      'TransactWriteItems', // visit, chain entry, chain head, audit, the VisitConfirmed event, the month's counter
      'BatchGetItem', // the participants' names for the answer
    ]);
    expect(counter.totals()).toEqual({ requests: 3, itemsRead: 6, itemsWritten: 6, conditionChecks: 0 });
  });
});

describe('the cost of settling a dispute and correcting a visit (issue 7)', () => {
  it('a settlement: one batch read, one transaction with its event, one batch for the names on the page', async () => {
    const visit = await postCheckIn(h, 'socialWorkerPledged', children.a1.id, homeVisitBody({ startedAt: '2026-04-02T03:00:00+08:00', endedAt: '2026-04-02T05:30:00+08:00' }));
    expect((await postAnswer(h, 'guardianA', children.a1.id, visit.body.id, { decision: 'dispute', reasons: ['wrongTime'], version: 1 })).status).toBe(200);
    const counter = countRequests(h.table.client);

    const res = await h.call('POST', `/api/v1/children/${children.a1.id}/visits/${visit.body.id}/resolution`, {
      as: 'supervisorT1',
      json: { outcome: 'verified', note: '已与社工和监护人核实', version: 2 },
    });

    counter.stop();
    expect(res.status).toBe(200);
    expect(counter.records.map((r) => r.command)).toEqual([
      'BatchGetItem', // the user, the child, the visit, the chain head
      'TransactWriteItems', // visit, chain entry, chain head, audit, the DisputeResolved event
      'BatchGetItem', // the names of everyone the visit mentions, and of its village
    ]);
    expect(counter.totals()).toEqual({ requests: 3, itemsRead: 9, itemsWritten: 5, conditionChecks: 0 });
  });

  it('a correction: one batch, then the policy and the child’s visits together, one transaction, the names', async () => {
    const visit = await postCheckIn(h, 'socialWorkerPledged', children.a1.id, homeVisitBody({ startedAt: '2026-04-02T00:00:00+08:00', endedAt: '2026-04-02T02:30:00+08:00' }));
    const visits = (await h.call('GET', `/api/v1/children/${children.a1.id}/visits?limit=100`, { as: 'socialWorkerPledged' })).body.items.length;
    const counter = countRequests(h.table.client);

    const res = await h.call('POST', `/api/v1/children/${children.a1.id}/visits/${visit.body.id}/corrections`, {
      as: 'socialWorkerPledged',
      json: { version: 1, reason: '结束时间填错', changes: { endedAt: '2026-04-02T01:00:00+08:00' } },
    });

    counter.stop();
    expect(res.status).toBe(200);
    const commands = counter.records.map((r) => r.command);
    expect(commands[0]).toBe('BatchGetItem'); // the user, the child, the visit, its chain head and obligation state
    expect(commands.slice(1, 3).sort()).toEqual(['BatchGetItem', 'Query']); // the district's policy ∥ the child's visits
    expect(commands.slice(3)).toEqual(['TransactWriteItems', 'BatchGetItem']);
    const transaction = counter.records.find((r) => r.command === 'TransactWriteItems')!;
    // visit, chain entry, chain head, the month's counter, audit, the VisitCorrected event; the child's version and
    // the obligation state are checked, not written (another visit that day completes the same obligations).
    expect(transaction).toMatchObject({ itemsWritten: 6, conditionChecks: 2 });
    // The last batch: the two people on the page and the village.
    expect(counter.totals()).toEqual({ requests: 5, itemsRead: 5 + 1 + visits + 3, itemsWritten: 6, conditionChecks: 2 });
  });
});

describe('the cost of reading one visit', () => {
  it('two round trips: the user, the child and the visit in one batch; then the audit entry and the names (people, village) together', async () => {
    const visit = await postCheckIn(h, 'socialWorkerPledged', children.a1.id, homeVisitBody({ startedAt: '2026-04-01T15:00:00+08:00', endedAt: '2026-04-01T17:30:00+08:00' }));
    const counter = countRequests(h.table.client);

    const res = await h.call('GET', `/api/v1/children/${children.a1.id}/visits/${visit.body.id}`, { as: 'guardianA' });

    counter.stop();
    expect(res.status).toBe(200);
    expect(counter.records[0].command).toBe('BatchGetItem');
    expect(counter.records.slice(1).map((r) => r.command).sort()).toEqual(['BatchGetItem', 'BatchWriteItem']);
    expect(counter.totals()).toEqual({ requests: 3, itemsRead: 3 + 2 + 1, itemsWritten: 1, conditionChecks: 0 });
  });
});

describe('the cost of reading one child', () => {
  // Issue 7, B7: the page names the child's team, whose accounts are known once the child is: their batch goes
  // with the audit entry, so the read is still two round trips (three requests; two for a child without a team).
  it('two round trips: the user and the child in one batch, then the audit entry and the team’s names together', async () => {
    const counter = countRequests(h.table.client);

    const res = await h.call('GET', `/api/v1/children/${children.a1.id}`, { as: 'directorV1' });

    counter.stop();
    expect(res.status).toBe(200);
    expect(counter.records[0].command).toBe('BatchGetItem'); // the session's user and the child
    expect(counter.records.slice(1).map((r) => r.command).sort()).toEqual(['BatchGetItem', 'BatchWriteItem']); // team ∥ audit
    expect(counter.totals()).toEqual({ requests: 3, itemsRead: 2 + 3, itemsWritten: 1, conditionChecks: 0 });
  });

  it('two requests for a child without a team: the batch, then the audit entry', async () => {
    const counter = countRequests(h.table.client);

    const res = await h.call('GET', `/api/v1/children/${children.a2.id}`, { as: 'directorV1' });

    counter.stop();
    expect(res.status).toBe(200);
    expect(counter.records.map((r) => r.command)).toEqual(['BatchGetItem', 'BatchWriteItem']);
  });

  it('two requests for a refused read too: the batch, then the refusal’s audit entry', async () => {
    const counter = countRequests(h.table.client);

    const res = await h.call('GET', `/api/v1/children/${children.a1.id}`, { as: 'directorV2' });

    counter.stop();
    expect(res.status).toBe(404);
    expect(counter.records.map((r) => r.command)).toEqual(['BatchGetItem', 'BatchWriteItem']);
  });
});

describe('the cost of an inbox (issue 7, B8)', () => {
  // A dispute and its outcome in the supervisor's and the director's inboxes, about child a1.
  beforeAll(async () => {
    const visit = await postCheckIn(h, 'socialWorkerPledged', children.a1.id, homeVisitBody({ startedAt: '2026-04-01T19:00:00+08:00', endedAt: '2026-04-01T21:30:00+08:00' }));
    const answer = await postAnswer(h, 'guardianA', children.a1.id, visit.body.id, { decision: 'dispute', reasons: ['notVisited'], version: 1 });
    await h.drainEvents();
    const settled = await h.call('POST', `/api/v1/children/${children.a1.id}/visits/${visit.body.id}/resolution`, {
      as: 'supervisorT1',
      json: { outcome: 'verified', note: '核实属实', version: answer.body.version },
    });
    expect(settled.status).toBe(200);
    await h.drainEvents();
  });

  it('a list: the user, the inboxes together, every child and visit named in one batch, then the audit entries', async () => {
    const counter = countRequests(h.table.client);

    const res = await h.call('GET', '/api/v1/inbox', { as: 'directorV1' });

    counter.stop();
    expect(res.status).toBe(200);
    const messages = res.body.items.length;
    expect(messages).toBeGreaterThanOrEqual(2);
    const commands = counter.records.map((r) => r.command);
    expect(commands[0]).toBe('BatchGetItem'); // the user
    expect(commands.slice(1, 3)).toEqual(['Query', 'Query']); // the director's own inbox ∥ the village's
    expect(commands.slice(3)).toEqual(['BatchGetItem', 'BatchWriteItem']); // the children and visits; the audit entries
    // However many messages: one child (a1) and one visit per message, read once each.
    expect(counter.records[3].itemsRead).toBe(1 + new Set(res.body.items.map((item: { visitId: string }) => item.visitId)).size);
  });

  it('the unread count for the home page: the user and the inboxes, no child read', async () => {
    const counter = countRequests(h.table.client);

    const res = await h.call('GET', '/api/v1/inbox/unread-count', { as: 'directorV1' });

    counter.stop();
    expect(res.status).toBe(200);
    expect(res.body.count).toBeGreaterThanOrEqual(2);
    expect(counter.records.map((r) => r.command)).toEqual(['BatchGetItem', 'Query', 'Query']);
  });
});

