import { beforeEach, describe, expect, it } from 'vitest';
import { receiveConcern, type Concern, type NewConcern } from '../../functions/src/domain/concern.js';
import { concernStepInputSchema, stepConcern } from '../../functions/src/domain/concern-lifecycle.js';
import { AlreadyExistsError, VersionConflictError } from '../../functions/src/domain/errors.js';
import type { ConcernRepository } from '../../functions/src/store/concern-ports.js';
import { createConcernRepository } from '../../functions/src/store/concern-repository.js';
import { createOutboxRepository } from '../../functions/src/store/outbox-repository.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';
import { eventOf } from '../events/support/events.js';

/** Concerns on DynamoDB Local (issue 8): the queues' order, the pointers, the tracking hash, one step at a time. */
let db: TestTable;
let concerns: ConcernRepository;

beforeEach(async () => {
  db = await createTestTable('concerns');
  concerns = createConcernRepository(db.client, db.tableName);
});

const path = (villageId: string) => ({ cityId: 'c1', districtId: 'd1', townId: 't1', villageId });

function report(id: string, overrides: Partial<NewConcern> = {}, minute = 0): Concern {
  return receiveConcern(
    {
      id,
      channel: 'staff',
      child: { kind: 'known', childId: 'child-1' },
      path: path('v1'),
      location: null,
      kinds: ['neglect'],
      urgent: false,
      description: '孩子连续几天没有吃饭',
      reporter: { userId: 'u-1', name: null, phone: null },
      ...overrides,
    },
    new Date(Date.UTC(2026, 10, 30, 1, minute)),
  );
}

const create = (concern: Concern, trackingHash: string | null = null) =>
  concerns.create({ concern, trackingHash, audit: null, events: [] });

describe('concern reports in the table', () => {
  it('a queue reads open before closed, urgent before not, then the longest waiting; a village sees only its own', async () => {
    const oldest = report('c-old', {}, 0);
    const urgent = report('c-urgent', { urgent: true }, 5);
    const newer = report('c-new', {}, 10);
    const otherVillage = report('c-v2', { path: path('v2') }, 1);
    const toClose = report('c-closed', { urgent: true }, 0);
    for (const concern of [oldest, urgent, newer, otherVillage, toClose]) await create(concern);
    const closed: Concern = { ...toClose, status: 'closed', closingFeedback: '已处理', version: 2 };
    await concerns.update({ previousVersion: 1, concern: closed, audit: null, events: [] });

    const village = await concerns.listQueue({ level: 'village', regionId: 'v1' }, 10);
    const town = await concerns.listQueue({ level: 'town', regionId: 't1' }, 10);

    expect(village.map((c) => c.id)).toEqual(['c-urgent', 'c-old', 'c-new', 'c-closed']);
    expect(town.map((c) => c.id)).toEqual(['c-urgent', 'c-old', 'c-v2', 'c-new', 'c-closed']);
  });

  it("is found from its child's record and its reporter's account, newest first; an anonymous one from neither", async () => {
    await create(report('c-1', {}, 0));
    await create(report('c-2', {}, 1));
    await create(report('c-anon', { channel: 'public', child: { kind: 'unknown', description: '一个男孩' }, reporter: { userId: null, name: null, phone: null } }, 2), 'hash-1');

    expect((await concerns.listOfChild('child-1', 10)).map((c) => c.id)).toEqual(['c-2', 'c-1']);
    expect((await concerns.listOfReporter('u-1', 10)).map((c) => c.id)).toEqual(['c-2', 'c-1']);
    expect((await concerns.findByTrackingHash('hash-1'))?.id).toBe('c-anon');
    expect(await concerns.findByTrackingHash('hash-2')).toBeNull();
  });

  it('writes the events with the report, and a report sent twice is stored once', async () => {
    const concern = report('c-1');
    const event = eventOf('ConcernReported');
    await concerns.create({ concern, trackingHash: 'h', audit: null, events: [event] });

    await expect(concerns.create({ concern, trackingHash: 'h', audit: null, events: [eventOf('ConcernReported')] })).rejects.toThrow(AlreadyExistsError);
    expect((await createOutboxRepository(db.client, db.tableName).listPending({ limit: 10 })).map((e) => e.id)).toEqual([event.id]);
  });

  it('a step computed from a version someone else moved meanwhile is refused, not written over', async () => {
    const concern = report('c-1');
    await create(concern);
    const acknowledge = concernStepInputSchema.parse({ to: 'acknowledged', version: 1 });
    const first = stepConcern(concern, acknowledge, 'dir-1', new Date());
    const second = stepConcern(concern, acknowledge, 'sup-1', new Date());

    await concerns.update({ previousVersion: 1, concern: first, audit: null, events: [] });
    await expect(concerns.update({ previousVersion: 1, concern: second, audit: null, events: [] })).rejects.toThrow(VersionConflictError);
    expect((await concerns.get('c-1'))?.trail.at(-1)?.byUserId).toBe('dir-1');
  });
});
