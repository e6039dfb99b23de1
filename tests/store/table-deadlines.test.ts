import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acknowledgeDeadlineOf } from '../../functions/src/events/deadlines.js';
import { deadlineScheduleKey } from '../../functions/src/store/keys.js';
import { createOutboxRepository } from '../../functions/src/store/outbox-repository.js';
import { createTableDeadlines } from '../../functions/src/store/table-deadlines.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';
import { mockKeepingRealCalls } from './faults.js';
import { countRequests } from './request-counter.js';

/**
 * Timers on one machine (issue 8, part 5): schedule items in the table, listed when due, fired into the outbox once,
 * in one transaction with their deletion.
 */
let db: TestTable;
let deadlines: ReturnType<typeof createTableDeadlines>;
let restore: (() => void) | undefined;

beforeEach(async () => {
  db = await createTestTable('deadlines');
  deadlines = createTableDeadlines(db.client, db.tableName);
});
afterEach(() => {
  restore?.();
  restore = undefined;
});

const fireAt = new Date('2026-11-30T04:00:00.000Z');
const deadline = (subjectId = 'e'.repeat(32), at = fireAt) => acknowledgeDeadlineOf({ subject: 'escalation', subjectId, level: 'town' }, at);
const pending = () => createOutboxRepository(db.client, db.tableName).listPending({ limit: 10 });
const scheduleItem = async (id: string) =>
  (await db.client.send(new GetCommand({ TableName: db.tableName, Key: deadlineScheduleKey(id), ConsistentRead: true }))).Item;

describe('a deadline in the table', () => {
  it('scheduled twice is one timer, due from its time on', async () => {
    expect(await deadlines.schedule(deadline())).toBe('scheduled');
    expect(await deadlines.schedule(deadline())).toBe('alreadyScheduled');

    expect(await deadlines.listDue(new Date('2026-11-30T03:59:59.999Z'), 10)).toEqual([]);
    expect(await deadlines.listDue(fireAt, 10)).toEqual([deadline()]);
  });

  it('lists the due ones earliest first, and not the later ones', async () => {
    const late = deadline('b'.repeat(32), new Date('2026-11-30T05:00:00Z'));
    const early = deadline('a'.repeat(32), new Date('2026-11-30T03:00:00Z'));
    const notYet = deadline('c'.repeat(32), new Date('2026-11-30T09:00:00Z'));
    for (const d of [late, early, notYet]) await deadlines.schedule(d);

    expect((await deadlines.listDue(new Date('2026-11-30T06:00:00Z'), 10)).map((d) => d.id)).toEqual([early.id, late.id]);
  });

  it('fires in one transaction: the timer gone and its event in the outbox; a second firing does nothing', async () => {
    await deadlines.schedule(deadline());
    const counter = countRequests(db.client);

    expect(await deadlines.fire(deadline())).toBe('fired');
    expect(counter.records.map((r) => [r.command, r.itemsWritten])).toEqual([['TransactWriteItems', 2]]);
    counter.stop();

    expect(await scheduleItem(deadline().id)).toBeUndefined();
    expect(await pending()).toEqual([deadline().event]);
    expect(await deadlines.fire(deadline())).toBe('alreadyFired');
    expect(await pending()).toHaveLength(1);
  });

  it('fired by two passes at once, fires once', async () => {
    await deadlines.schedule(deadline());

    const outcomes = await Promise.all([deadlines.fire(deadline()), deadlines.fire(deadline())]);

    expect(outcomes.sort()).toEqual(['alreadyFired', 'fired']);
    expect(await pending()).toHaveLength(1);
  });

  it('asked for again after it fired (an event delivered twice), goes off without a second event', async () => {
    await deadlines.schedule(deadline());
    await deadlines.fire(deadline());
    expect(await deadlines.schedule(deadline())).toBe('scheduled');

    expect(await deadlines.fire(deadline())).toBe('alreadyFired');
    expect(await scheduleItem(deadline().id)).toBeUndefined();
    expect(await pending()).toHaveLength(1);
  });

  it('whose firing fails leaves both as they were, to fire on the next pass', async () => {
    await deadlines.schedule(deadline());
    const { mock, pass } = mockKeepingRealCalls(db.client);
    restore = () => mock.restore();
    mock.on(TransactWriteCommand).rejectsOnce(Object.assign(new Error('Service unavailable'), { name: 'InternalServerError' })).callsFake(pass);

    await expect(deadlines.fire(deadline())).rejects.toMatchObject({ name: 'InternalServerError' });
    expect(await scheduleItem(deadline().id)).toBeDefined();
    expect(await pending()).toEqual([]);

    expect(await deadlines.fire(deadline())).toBe('fired');
    expect(await pending()).toHaveLength(1);
  });
});
