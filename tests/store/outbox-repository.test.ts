import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { outboxKey } from '../../functions/src/store/keys.js';
import { createOutboxRepository, OUTBOX_SENT_RETENTION_SECONDS } from '../../functions/src/store/outbox-repository.js';
import type { OutboxRepository } from '../../functions/src/store/event-ports.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';
import { eventOf, writeOutbox } from '../events/support/events.js';

/** The outbox on DynamoDB Local: the pending index the local relay and the sweep read, and marking sent. */
let db: TestTable;
let outbox: OutboxRepository;

beforeEach(async () => {
  db = await createTestTable('outbox');
  outbox = createOutboxRepository(db.client, db.tableName);
});

const at = (time: string) => new Date(`2026-11-23T${time}.000Z`);

describe('the pending list', () => {
  it('gives pending events oldest first, up to the limit', async () => {
    const events = [eventOf('VisitRecorded', undefined, at('03:00:00')), eventOf('VisitDisputed', undefined, at('01:00:00')), eventOf('PolicyChanged', undefined, at('02:00:00'))];
    await writeOutbox(db, events);

    const firstTwo = await outbox.listPending({ limit: 2 });

    expect(firstTwo.map((e) => e.id)).toEqual([events[1].id, events[2].id]);
    expect(firstTwo[0]).toEqual(events[1]);
  });

  it('leaves out events at or after `occurredBefore`', async () => {
    const events = [eventOf('VisitRecorded', undefined, at('01:00:00')), eventOf('VisitRecorded', undefined, at('02:00:00'))];
    await writeOutbox(db, events);

    expect((await outbox.listPending({ limit: 10, occurredBefore: at('02:00:00') })).map((e) => e.id)).toEqual([events[0].id]);
  });
});

describe('marking sent', () => {
  it('takes the event off the pending index and keeps it a week', async () => {
    const [sent, pending] = [eventOf('VisitRecorded'), eventOf('VisitConfirmed')];
    await writeOutbox(db, [sent, pending]);
    const now = at('05:00:00');

    expect(await outbox.markSent(sent.id, now)).toBe('marked');

    expect((await outbox.listPending({ limit: 10 })).map((e) => e.id)).toEqual([pending.id]);
    expect(await outbox.pendingAmong([sent.id, pending.id])).toEqual(new Set([pending.id]));
    const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: outboxKey(sent.id) }));
    expect(Item).toMatchObject({ sentAt: now.toISOString(), expiresAt: now.getTime() / 1000 + OUTBOX_SENT_RETENTION_SECONDS, event: sent });
    expect(Item).not.toHaveProperty('gsi1pk');
    expect(Item).not.toHaveProperty('gsi1sk');
  });

  it('is harmless the second time: the first sentAt stays', async () => {
    const event = eventOf('VisitRecorded');
    await writeOutbox(db, [event]);
    await outbox.markSent(event.id, at('05:00:00'));

    expect(await outbox.markSent(event.id, at('06:00:00'))).toBe('alreadySent');

    const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: outboxKey(event.id) }));
    expect(Item?.sentAt).toBe(at('05:00:00').toISOString());
  });

  it('never creates an item for an event that was not written', async () => {
    expect(await outbox.markSent('never-written', at('05:00:00'))).toBe('alreadySent');

    const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: outboxKey('never-written') }));
    expect(Item).toBeUndefined();
    expect(await outbox.pendingAmong(['never-written'])).toEqual(new Set());
  });
});
