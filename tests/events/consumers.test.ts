import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ConsumerOutcome } from '../../functions/src/events/consumers/index.js';
import { UnexpectedEventError } from '../../functions/src/events/consumers/consumer.js';
import type { ConsumerName } from '../../functions/src/events/rules.js';
import type { Consumer } from '../../functions/src/events/consumers/index.js';
import { processedEventKey } from '../../functions/src/store/keys.js';
import { PROCESSED_EVENT_TTL_SECONDS } from '../../functions/src/store/processed-events.js';
import type { InboxOwner } from '../../functions/src/store/ports.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';
import { consumersOver, childWithTeam, disputedVisitOf, eventOf, newEventId, putChildAndVisit, visitEventIds } from './support/events.js';

/**
 * The first consumers on DynamoDB Local: each acts once on an event however often it comes (one after the other or
 * at the same moment), because its messages and its processed record are one transaction.
 */
const NOW = new Date('2026-11-23T08:00:00.000Z');
let db: TestTable;
let consumers: Record<ConsumerName, Consumer>;

beforeEach(async () => {
  db = await createTestTable('consumers');
  consumers = consumersOver(db, () => NOW);
});

const inboxOf = (owner: InboxOwner) => db.repositories.inbox.list([owner], 10);
const supervisor: InboxOwner = { kind: 'user', userId: 'sup-1' };

async function disputedVisitStored(overrides: Parameters<typeof childWithTeam>[1] = {}) {
  const child = childWithTeam(`child-${newEventId().slice(0, 8)}`, overrides);
  const visit = disputedVisitOf(child);
  await putChildAndVisit(db, child, visit);
  return { child, visit };
}

describe('VisitDisputed → the supervisor inbox', () => {
  it('tells the supervisor who leads the child team (R1) whose visit, when, and the guardian reasons', async () => {
    const { child, visit } = await disputedVisitStored();
    const event = eventOf('VisitDisputed', visitEventIds(child, visit));

    expect(await consumers.notifyDisputeToSupervisor(event)).toBe('acted');

    expect(await inboxOf(supervisor)).toEqual([
      {
        id: expect.stringMatching(/^20261123020/),
        at: event.occurredAt,
        kind: 'visitDisputed',
        childId: child.id,
        visitId: visit.id,
        escalationId: null,
        digest: null,
        text: '监护人对李小明的入户走访记录（2026年11月23日 09:00）提出异议：没有来访：那天家里没人',
        readAt: null,
      },
    ]);
  });

  it('goes to the village’s directors too, as one message: the same id in each inbox', async () => {
    const { child, visit } = await disputedVisitStored();

    await consumers.notifyDisputeToSupervisor(eventOf('VisitDisputed', visitEventIds(child, visit)));

    const [toSupervisor] = await inboxOf(supervisor);
    expect(await inboxOf({ kind: 'village', villageId: child.region.villageId })).toEqual([toSupervisor]);
    expect(await inboxOf({ kind: 'village', villageId: 'v2' })).toEqual([]);
  });

  it('quotes a note of 500 rare characters in the delivered text cut between characters, at 500', async () => {
    // Issue 6: 500 characters outside the BMP are 1,000 UTF-16 units; the text counts characters.
    const child = childWithTeam(`child-${newEventId().slice(0, 8)}`);
    const disputed = disputedVisitOf(child);
    const visit = { ...disputed, confirmation: { ...disputed.confirmation, note: `说${'𠀀'.repeat(499)}` } };
    await putChildAndVisit(db, child, visit);

    await consumers.notifyDisputeToSupervisor(eventOf('VisitDisputed', visitEventIds(child, visit)));

    const [{ text }] = await inboxOf(supervisor);
    expect(Array.from(text)).toHaveLength(500);
    expect(/\p{Cs}/u.test(text)).toBe(false);
    expect(text.endsWith('𠀀')).toBe(true);
  });

  it('goes to the town inbox while the child has no team', async () => {
    const { child, visit } = await disputedVisitStored({ team: null });

    await consumers.notifyDisputeToSupervisor(eventOf('VisitDisputed', visitEventIds(child, visit)));

    expect((await inboxOf({ kind: 'town', townId: child.region.townId })).map((m) => m.visitId)).toEqual([visit.id]);
    expect(await inboxOf(supervisor)).toEqual([]);
  });

  it('acts once when the event comes twice, one after the other', async () => {
    const { child, visit } = await disputedVisitStored();
    const event = eventOf('VisitDisputed', visitEventIds(child, visit));

    const outcomes = [await consumers.notifyDisputeToSupervisor(event), await consumers.notifyDisputeToSupervisor(event)];

    expect(outcomes).toEqual(['acted', 'duplicate']);
    expect(await inboxOf(supervisor)).toHaveLength(1);
  });

  it('acts once when the event comes twice at the same moment', async () => {
    const { child, visit } = await disputedVisitStored();
    const event = eventOf('VisitDisputed', visitEventIds(child, visit));

    const outcomes = await Promise.all([consumers.notifyDisputeToSupervisor(event), consumers.notifyDisputeToSupervisor(event)]);

    expect([...outcomes].sort()).toEqual<ConsumerOutcome[]>(['acted', 'duplicate']);
    expect(await inboxOf(supervisor)).toHaveLength(1);
  });

  it('keeps its processed record a week, covering the retries of EventBridge and Lambda', async () => {
    const { child, visit } = await disputedVisitStored();
    const event = eventOf('VisitDisputed', visitEventIds(child, visit));

    await consumers.notifyDisputeToSupervisor(event);

    const { Item } = await db.client.send(
      new GetCommand({ TableName: db.tableName, Key: processedEventKey('notifyDisputeToSupervisor', event.id) }),
    );
    expect(Item).toMatchObject({ eventId: event.id, expiresAt: NOW.getTime() / 1000 + PROCESSED_EVENT_TTL_SECONDS });
    expect(PROCESSED_EVENT_TTL_SECONDS).toBeGreaterThanOrEqual(24 * 3_600 * 2);
  });

  it('does nothing, and records nothing, for a visit that is not there', async () => {
    const { child } = await disputedVisitStored();
    const event = eventOf('VisitDisputed', { ...visitEventIds(child, disputedVisitOf(child)), visitId: 'no-such-visit' });

    expect(await consumers.notifyDisputeToSupervisor(event)).toBe('nothingToDo');

    expect(await inboxOf(supervisor)).toEqual([]);
  });

  it('refuses an event of another kind: its rule should never route it here', async () => {
    await expect(consumers.notifyDisputeToSupervisor(eventOf('VisitConfirmed'))).rejects.toBeInstanceOf(UnexpectedEventError);
  });
});

describe('DisputeResolved → the worker and the guardians', () => {
  it('tells the worker who recorded the visit and each guardian with an account the outcome', async () => {
    const { child, visit } = await disputedVisitStored();
    const event = eventOf('DisputeResolved', { ...visitEventIds(child, visit), outcome: 'notAsRecorded' });

    expect(await consumers.notifyDisputeOutcome(event)).toBe('acted');

    const expected = {
      kind: 'disputeResolved',
      childId: child.id,
      visitId: visit.id,
      at: event.occurredAt,
      text: '李小明的入户走访记录（2026年11月23日 09:00）的异议已处理：与记录不符',
      readAt: null,
    };
    expect(await inboxOf({ kind: 'user', userId: 'sw-1' })).toEqual([expect.objectContaining(expected)]);
    expect(await inboxOf({ kind: 'user', userId: 'g-1' })).toEqual([expect.objectContaining(expected)]);
    expect(await inboxOf(supervisor)).toEqual([]);
  });

  it('tells the village’s directors, with the id the worker’s and the guardian’s copies carry', async () => {
    const { child, visit } = await disputedVisitStored();

    await consumers.notifyDisputeOutcome(eventOf('DisputeResolved', { ...visitEventIds(child, visit), outcome: 'verified' }));

    const toVillage = await inboxOf({ kind: 'village', villageId: child.region.villageId });
    expect(toVillage).toEqual([expect.objectContaining({ kind: 'disputeResolved', visitId: visit.id })]);
    expect((await inboxOf({ kind: 'user', userId: 'sw-1' })).map((m) => m.id)).toEqual([toVillage[0].id]);
    expect((await inboxOf({ kind: 'user', userId: 'g-1' })).map((m) => m.id)).toEqual([toVillage[0].id]);
  });

  it.each([
    ['verified', '核实属实'],
    ['revisitArranged', '已安排重新走访'],
  ] as const)('words the outcome %s as %s', async (outcome, words) => {
    const { child, visit } = await disputedVisitStored();

    await consumers.notifyDisputeOutcome(eventOf('DisputeResolved', { ...visitEventIds(child, visit), outcome }));

    expect((await inboxOf({ kind: 'user', userId: 'g-1' }))[0].text).toMatch(new RegExp(`：${words}$`));
  });

  it('acts once when the event comes twice, also at the same moment', async () => {
    const { child, visit } = await disputedVisitStored();
    const event = eventOf('DisputeResolved', { ...visitEventIds(child, visit), outcome: 'verified' });

    const together = await Promise.all([consumers.notifyDisputeOutcome(event), consumers.notifyDisputeOutcome(event)]);
    const later = await consumers.notifyDisputeOutcome(event);

    expect([...together, later].sort()).toEqual<ConsumerOutcome[]>(['acted', 'duplicate', 'duplicate']);
    expect(await inboxOf({ kind: 'user', userId: 'sw-1' })).toHaveLength(1);
    expect(await inboxOf({ kind: 'user', userId: 'g-1' })).toHaveLength(1);
  });
});
