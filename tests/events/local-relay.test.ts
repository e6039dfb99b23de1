import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRuntime } from '../../functions/src/compose/runtime.js';
import { createLocalBus, type LocalBus } from '../../functions/src/events/local-bus.js';
import { startLocalRelay, type LocalRelay } from '../../functions/src/events/local-relay.js';
import type { OutboxRepository } from '../../functions/src/store/event-ports.js';
import { createOutboxRepository } from '../../functions/src/store/outbox-repository.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';
import { childWithTeam, disputedVisitOf, eventOf, newEventId, putChildAndVisit, visitEventIds, writeOutbox } from './support/events.js';
import { captureLogs } from './support/logs.js';

/**
 * One machine end to end: an event written to the outbox reaches the consumer through the in-process relay and the
 * local bus, and is marked sent. The interval is long, so what happens is the nudge's doing, not a tick's.
 */
let db: TestTable;
let outbox: OutboxRepository;
let bus: LocalBus;
let relay: LocalRelay | undefined;

beforeEach(async () => {
  db = await createTestTable('local-relay');
  outbox = createOutboxRepository(db.client, db.tableName);
  const { consumers } = createRuntime({ tableName: db.tableName, client: db.client });
  bus = createLocalBus({ consumers, logger: captureLogs().logger });
});
afterEach(async () => {
  await relay?.stop();
  relay = undefined;
});

async function storedDispute() {
  const child = childWithTeam(`child-${newEventId().slice(0, 8)}`);
  const visit = disputedVisitOf(child);
  await putChildAndVisit(db, child, visit);
  return eventOf('VisitDisputed', visitEventIds(child, visit));
}

const supervisorInbox = () => db.repositories.inbox.list([{ kind: 'user', userId: 'sup-1' }], 10);

describe('the local relay', () => {
  it('relays, when nudged after a write, a VisitDisputed into the supervisor inbox and marks it sent', async () => {
    relay = startLocalRelay({ outbox, bus, intervalMs: 60_000 });
    await relay.idle();
    const event = await storedDispute();
    await writeOutbox(db, [event]);

    relay.nudge();
    await relay.idle();

    expect((await supervisorInbox()).map((m) => m.kind)).toEqual(['visitDisputed']);
    expect(await outbox.listPending({ limit: 10 })).toEqual([]);
    expect(bus.deadLetters()).toEqual([]);
  });

  it('relays on its first pass what was pending before it started (a restart of npm start)', async () => {
    const event = await storedDispute();
    await writeOutbox(db, [event, eventOf('VisitRecorded')]);

    relay = startLocalRelay({ outbox, bus, intervalMs: 60_000 });
    await relay.idle();

    expect(await supervisorInbox()).toHaveLength(1);
    expect(await outbox.listPending({ limit: 10 })).toEqual([]);
  });

  it('relays on its own tick, without a nudge', async () => {
    relay = startLocalRelay({ outbox, bus, intervalMs: 20 });
    await relay.idle();
    await writeOutbox(db, [await storedDispute()]);

    await expect.poll(() => outbox.listPending({ limit: 10 }), { timeout: 5_000 }).toEqual([]);
    expect(await supervisorInbox()).toHaveLength(1);
  });

  it('runs one pass at a time: nudges during a pass ask for one more, and each event is published once', async () => {
    const published: string[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const watchedBus: LocalBus = {
      deadLetters: () => bus.deadLetters(),
      async publish(events) {
        mostInFlight = Math.max(mostInFlight, (inFlight += 1));
        try {
          published.push(...events.map((e) => e.id));
          return await bus.publish(events);
        } finally {
          inFlight -= 1;
        }
      },
    };
    relay = startLocalRelay({ outbox, bus: watchedBus, intervalMs: 60_000 });
    const events = await Promise.all([storedDispute(), storedDispute(), storedDispute()]);
    for (const event of events) {
      await writeOutbox(db, [event]);
      relay.nudge();
      relay.nudge();
    }
    await relay.idle();

    expect(mostInFlight).toBe(1);
    expect([...published].sort()).toEqual(events.map((e) => e.id).sort());
    expect(await supervisorInbox()).toHaveLength(3);
    expect(await outbox.listPending({ limit: 10 })).toEqual([]);
  });

  it('stops cleanly: the running pass finishes, and nothing is relayed afterwards', async () => {
    relay = startLocalRelay({ outbox, bus, intervalMs: 20 });
    await relay.stop();
    const event = await storedDispute();
    await writeOutbox(db, [event]);

    relay.nudge();
    await relay.idle();

    expect((await outbox.listPending({ limit: 10 })).map((e) => e.id)).toEqual([event.id]);
    expect(await supervisorInbox()).toEqual([]);
  });
});
