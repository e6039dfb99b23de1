import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ACKNOWLEDGE_LIMITS } from '../../functions/src/domain/acknowledge-limits.js';
import { AlreadyExistsError, VersionConflictError } from '../../functions/src/domain/errors.js';
import { raiseEscalation, type Escalation } from '../../functions/src/domain/escalation.js';
import { escalationStepInputSchema, remindOverdue, stepEscalation } from '../../functions/src/domain/escalation-lifecycle.js';
import type { DomainEvent } from '../../functions/src/events/domain-events.js';
import { createEscalationRepository } from '../../functions/src/store/escalation-repository.js';
import type { EscalationRepository } from '../../functions/src/store/escalation-ports.js';
import { createOutboxRepository } from '../../functions/src/store/outbox-repository.js';
import { eventOf } from '../events/support/events.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';
import { auditOf, pathOf } from './fixtures.js';

/** Difficult cases on DynamoDB Local (issue 8, R6): each level's queue, the overdue watch of the level above, the child's trail. */
let db: TestTable;
let escalations: EscalationRepository;

beforeEach(async () => {
  db = await createTestTable('escalations');
  escalations = createEscalationRepository(db.client, db.tableName);
});

const input = { problem: '祖母卧病，无人照料', tried: '联系亲属未果', helpNeeded: '临时监护', urgent: false };

function raised(id: string, options: { villageId?: string; childId?: string; urgent?: boolean; hour?: number } = {}): Escalation {
  const { villageId = 'v1', childId = 'child-1', urgent = false, hour = 0 } = options;
  return raiseEscalation(
    { id, childId, path: pathOf(villageId), raisedBy: 'sw-1', input: { ...input, urgent } },
    DEFAULT_ACKNOWLEDGE_LIMITS,
    new Date(Date.UTC(2026, 10, 30, hour)),
  );
}

const create = (escalation: Escalation, events: DomainEvent[] = []) => escalations.create({ escalation, audit: auditOf('escalation.raise', escalation.childId), events });
const at = (iso: string) => new Date(iso);
const step = (escalation: Escalation, action: 'acknowledge' | 'resolve' | 'raise', now: Date) =>
  stepEscalation(escalation, escalationStepInputSchema.parse({ action, note: '说明', version: escalation.version }), 'u-1', DEFAULT_ACKNOWLEDGE_LIMITS, now);
const save = (previous: Escalation, next: Escalation) => escalations.update({ previousVersion: previous.version, escalation: next, audit: null, events: [] });
const ids = (list: Escalation[]) => list.map((escalation) => escalation.id);

describe('difficult cases in the table', () => {
  it("a town's queue: open first, urgent first, then the earliest deadline; another town's cases are not in it", async () => {
    const plain = raised('e-plain', { hour: 0 });
    const urgent = raised('e-urgent', { urgent: true, hour: 5 });
    const later = raised('e-later', { hour: 3 });
    const elsewhere = raised('e-t2', { villageId: 'v3' });
    for (const escalation of [plain, urgent, later, elsewhere]) await create(escalation);
    const acknowledged = step(plain, 'acknowledge', at('2026-11-30T06:00:00Z'));
    await save(plain, acknowledged);
    await save(acknowledged, step(acknowledged, 'resolve', at('2026-11-30T07:00:00Z')));

    expect(ids(await escalations.listQueue({ level: 'town', regionId: 't1' }, 10))).toEqual(['e-urgent', 'e-later', 'e-plain']);
    expect(ids(await escalations.listQueue({ level: 'town', regionId: 't2' }, 10))).toEqual(['e-t2']);
  });

  it('raised further, it leaves the town queue for the district queue', async () => {
    const escalation = raised('e-1');
    await create(escalation);
    const acknowledged = step(escalation, 'acknowledge', at('2026-11-30T01:00:00Z'));
    await save(escalation, acknowledged);
    await save(acknowledged, step(acknowledged, 'raise', at('2026-11-30T02:00:00Z')));

    expect(await escalations.listQueue({ level: 'town', regionId: 't1' }, 10)).toEqual([]);
    expect(ids(await escalations.listQueue({ level: 'district', regionId: 'd1' }, 10))).toEqual(['e-1']);
    expect(ids(await escalations.listQueue({ level: 'district', regionId: 'd2' }, 10))).toEqual([]);
  });

  it('the level above sees the cases not acknowledged below from their deadline on, until they are acknowledged', async () => {
    const due = raised('e-due', { hour: 0 }); // due 2026-12-03T00:00
    const notYet = raised('e-not-yet', { hour: 6 });
    const otherDistrict = raised('e-d2', { villageId: 'v4' });
    for (const escalation of [due, notYet, otherDistrict]) await create(escalation);
    const district = { level: 'district' as const, regionId: 'd1' };

    expect(ids(await escalations.listOverdueBelow(district, at('2026-12-02T23:59:59.999Z'), 10))).toEqual([]);
    expect(ids(await escalations.listOverdueBelow(district, at('2026-12-03T00:00:00.000Z'), 10))).toEqual(['e-due']);
    expect(ids(await escalations.listOverdueBelow(district, at('2026-12-09T00:00:00.000Z'), 10))).toEqual(['e-due', 'e-not-yet']);
    expect(await escalations.listOverdueBelow({ level: 'town', regionId: 't1' }, at('2026-12-09T00:00:00.000Z'), 10)).toEqual([]);

    const reminded = remindOverdue(due, 'town', at('2026-12-03T00:00:30Z'))!;
    await save(due, reminded);
    expect(ids(await escalations.listOverdueBelow(district, at('2026-12-09T00:00:00.000Z'), 10))).toEqual(['e-due', 'e-not-yet']);
    await save(reminded, step(reminded, 'acknowledge', at('2026-12-03T01:00:00Z')));
    expect(ids(await escalations.listOverdueBelow(district, at('2026-12-09T00:00:00.000Z'), 10))).toEqual(['e-not-yet']);
  });

  it("the child's cases, newest first, with their whole trail", async () => {
    await create(raised('e-old', { hour: 0 }));
    await create(raised('e-new', { hour: 1 }));
    await create(raised('e-other', { childId: 'child-2' }));

    const list = await escalations.listOfChild('child-1', 10);
    expect(ids(list)).toEqual(['e-new', 'e-old']);
    expect(list[0].trail).toEqual([{ at: '2026-11-30T01:00:00.000Z', byUserId: 'sw-1', level: 'town', action: 'raised', note: '' }]);
  });

  it('writes its events with it; a taken id is refused and writes nothing', async () => {
    const event = eventOf('EscalationRaised');
    await escalations.create({ escalation: raised('e-1'), audit: auditOf('escalation.raise', 'child-1'), events: [event] });

    await expect(create(raised('e-1'), [eventOf('EscalationRaised')])).rejects.toThrow(AlreadyExistsError);
    expect((await createOutboxRepository(db.client, db.tableName).listPending({ limit: 10 })).map((e) => e.id)).toEqual([event.id]);
    expect(await escalations.listOfChild('child-1', 10)).toHaveLength(1);
  });

  it('a step computed from a version someone else moved meanwhile is refused, not written over', async () => {
    const escalation = raised('e-1');
    await create(escalation);
    await save(escalation, step(escalation, 'acknowledge', at('2026-11-30T01:00:00Z')));

    await expect(save(escalation, remindOverdue(escalation, 'town', at('2026-12-03T00:00:00Z'))!)).rejects.toThrow(VersionConflictError);
    expect((await escalations.get('e-1'))?.status).toBe('acknowledged');
  });
});
