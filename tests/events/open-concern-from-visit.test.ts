import { beforeEach, describe, expect, it } from 'vitest';
import type { Consumer } from '../../functions/src/events/consumers/index.js';
import type { ConsumerName } from '../../functions/src/events/rules.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';
import { consumersOver, childWithTeam, disputedVisitOf, eventOf, newEventId, putChildAndVisit, visitEventIds } from './support/events.js';

/** Issue 8, part 2 (R11 "report at once"): problems found at a visit open a concern for the child, once. */
const NOW = new Date('2026-11-23T08:00:00.000Z');
let db: TestTable;
let consumers: Record<ConsumerName, Consumer>;

beforeEach(async () => {
  db = await createTestTable('visit-concerns');
  consumers = consumersOver(db, () => NOW);
});

async function visitStored(problemsFound: string) {
  const child = childWithTeam(`child-${newEventId().slice(0, 8)}`);
  const visit = { ...disputedVisitOf(child), problemsFound };
  await putChildAndVisit(db, child, visit);
  return { child, visit, event: eventOf('VisitRecorded', { ...visitEventIds(child, visit), r3Met: true }) };
}

describe('VisitRecorded → a concern for the problems found', () => {
  it("opens a concern about the child, from the worker, in the child's village queue, with its own ConcernReported", async () => {
    const { child, visit, event } = await visitStored('孩子身上有多处淤青，说是摔的');

    expect(await consumers.openConcernFromVisitProblems(event)).toBe('acted');

    const [concern] = await db.repositories.concerns.listQueue({ level: 'village', regionId: child.region.villageId }, 10);
    expect(concern).toMatchObject({
      channel: 'visit',
      child: { kind: 'known', childId: child.id },
      description: '孩子身上有多处淤青，说是摔的',
      reporter: { userId: visit.recordedBy, name: null, phone: null },
      status: 'received',
    });
    const pending = await db.repositories.outbox.listPending({ limit: 10 });
    expect(pending.map((e) => [e.detailType, e.detail])).toEqual([
      ['ConcernReported', expect.objectContaining({ concernId: concern.id, childId: child.id, channel: 'visit' })],
    ]);
  });

  it('opens it once however often the event comes', async () => {
    const { child, event } = await visitStored('家中无人照看');

    const outcomes = [await consumers.openConcernFromVisitProblems(event), await consumers.openConcernFromVisitProblems(event)];

    expect(outcomes).toEqual(['acted', 'duplicate']);
    expect(await db.repositories.concerns.listOfChild(child.id, 10)).toHaveLength(1);
  });

  it('a visit without problems found opens nothing', async () => {
    const { child, event } = await visitStored('');

    expect(await consumers.openConcernFromVisitProblems(event)).toBe('notApplicable');
    expect(await db.repositories.concerns.listOfChild(child.id, 10)).toEqual([]);
  });
});
