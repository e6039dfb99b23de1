import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createRuntime } from '../../functions/src/compose/runtime.js';
import { DEFAULT_ACKNOWLEDGE_LIMITS } from '../../functions/src/domain/acknowledge-limits.js';
import type { Child } from '../../functions/src/domain/child.js';
import { receiveConcern, type Concern } from '../../functions/src/domain/concern.js';
import { concernStepInputSchema, stepConcern } from '../../functions/src/domain/concern-lifecycle.js';
import { raiseEscalation, type Escalation } from '../../functions/src/domain/escalation.js';
import { escalationStepInputSchema, stepEscalation } from '../../functions/src/domain/escalation-lifecycle.js';
import type { Consumer } from '../../functions/src/events/consumers/index.js';
import { acknowledgeDeadlineOf } from '../../functions/src/events/deadlines.js';
import type { DomainEventType, EventOf } from '../../functions/src/events/domain-events.js';
import type { ConsumerName } from '../../functions/src/events/rules.js';
import { childItem } from '../../functions/src/store/child-items.js';
import type { InboxOwner } from '../../functions/src/store/ports.js';
import { auditOf } from '../store/fixtures.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';
import { childWithTeam, eventOf, newEventId } from './support/events.js';

/**
 * Issue 8, part 5 on DynamoDB Local with an injected clock: events start timers, a fired timer finds what was due met
 * or missed, and acts once however often it fires; the level that holds a case is told, and reminded when overdue.
 */
let db: TestTable;
let consumers: Record<ConsumerName, Consumer>;
let now: Date;

beforeEach(async () => {
  db = await createTestTable('deadline-consumers');
  now = new Date('2026-11-30T02:00:00.000Z');
  consumers = createRuntime({ tableName: db.tableName, client: db.client, clock: () => now, newId: newEventId }).consumers;
});

const hours = (n: number, from = new Date('2026-11-30T02:00:00.000Z')) => new Date(from.getTime() + n * 3_600_000);
const due = (at: Date) => db.repositories.deadlines.listDue(at, 10);
const pendingOf = async <T extends DomainEventType>(detailType: T) =>
  (await db.repositories.outbox.listPending({ limit: 50 })).filter((event): event is EventOf<T> => event.detailType === detailType);
const inboxOf = (owner: InboxOwner) => db.repositories.inbox.list([owner], 10);

async function storedConcern(urgent = true): Promise<Concern> {
  const concern = receiveConcern(
    {
      id: newEventId(),
      channel: 'public',
      child: { kind: 'unknown', description: '约8岁的男孩' },
      path: { cityId: 'c1', districtId: 'd1', townId: 't1', villageId: 'v1' },
      location: null,
      kinds: ['leftAloneAtHome'],
      urgent,
      description: '连续三晚独自在家',
      reporter: { userId: null, name: null, phone: null },
    },
    now,
  );
  await db.repositories.concerns.create({ concern, trackingHash: null, audit: null, events: [] });
  return concern;
}

async function storedCase(child: Child = childWithTeam(`child-${newEventId().slice(0, 8)}`, { organizationId: 'org-1' }), urgent = false) {
  await db.client.send(new PutCommand({ TableName: db.tableName, Item: childItem(child) }));
  const escalation = raiseEscalation(
    { id: newEventId(), childId: child.id, path: child.region, raisedBy: 'sw-1', input: { problem: '无人照料', tried: '联系亲属', helpNeeded: '临时监护', urgent } },
    DEFAULT_ACKNOWLEDGE_LIMITS,
    now,
  );
  await db.repositories.escalations.create({ escalation, audit: auditOf('escalation.raise', child.id), events: [] });
  return { child, escalation };
}

const raisedEvent = (escalation: Escalation, level: Escalation['level'] = 'town') =>
  eventOf('EscalationRaised', { escalationId: escalation.id, childId: escalation.childId, level, townId: 't1', districtId: 'd1', urgent: escalation.urgent }, now);

describe('timers started by events', () => {
  it('an urgent report must be acknowledged within 2 hours (the default); asked twice, it is one timer', async () => {
    const concern = await storedConcern();
    const reported = eventOf('ConcernReported', { concernId: concern.id, childId: null, villageId: 'v1', townId: 't1', districtId: 'd1', urgent: true, channel: 'public' }, now);

    expect([await consumers.scheduleDeadlines(reported), await consumers.scheduleDeadlines(reported)]).toEqual(['acted', 'duplicate']);

    expect(await due(hours(2))).toEqual([acknowledgeDeadlineOf({ subject: 'concern', subjectId: concern.id, level: 'town' }, hours(2))]);
    expect(await due(hours(1.99))).toEqual([]);
  });

  it("within the district's own limit when it set one; a report that is not urgent starts none", async () => {
    await db.repositories.policies.put({
      policy: { districtId: 'd1', ruleIds: ['R3'], unconfirmedAfterDays: 3, acknowledgeLimits: { urgentConcernHours: 1 }, updatedAt: now.toISOString(), updatedBy: 'do-1', version: 1 },
      audit: auditOf('policy.update', null),
      events: [],
    });
    const concern = await storedConcern();
    const detail = { concernId: concern.id, childId: null, villageId: 'v1', townId: 't1', districtId: 'd1', urgent: true, channel: 'public' as const };

    await consumers.scheduleDeadlines(eventOf('ConcernReported', detail, now));
    expect((await due(hours(1))).map((d) => d.fireAt)).toEqual([hours(1)]);
    expect(await consumers.scheduleDeadlines(eventOf('ConcernReported', { ...detail, concernId: 'not-urgent', urgent: false }, now))).toBe('notApplicable');
  });

  it('a case raised to a level must be acknowledged there by the deadline its record holds', async () => {
    const { escalation } = await storedCase();

    expect(await consumers.scheduleDeadlines(raisedEvent(escalation))).toBe('acted');

    expect(await due(hours(72))).toEqual([acknowledgeDeadlineOf({ subject: 'escalation', subjectId: escalation.id, level: 'town' }, hours(72))]);
  });
});

describe('a fired deadline of a difficult case', () => {
  it('missed: marks the case overdue once, however often it fires, and the level is reminded once', async () => {
    const { child, escalation } = await storedCase();
    now = hours(72);
    const fired = acknowledgeDeadlineOf({ subject: 'escalation', subjectId: escalation.id, level: 'town' }, now).event;

    const outcomes = await Promise.all([consumers.actOnDeadline(fired), consumers.actOnDeadline(fired)]);
    expect(outcomes.sort()).toEqual(['acted', 'notApplicable']);
    expect(await consumers.actOnDeadline(fired)).toBe('notApplicable');

    const stored = await db.repositories.escalations.get(escalation.id);
    expect(stored?.levels[0].remindedAt).toBe(now.toISOString());
    expect(stored?.trail.map((step) => step.action)).toEqual(['raised', 'overdue']);
    const [overdue, ...more] = await pendingOf('EscalationOverdue');
    expect(more).toEqual([]);

    expect([await consumers.notifyEscalation(overdue), await consumers.notifyEscalation(overdue)]).toEqual(['acted', 'duplicate']);
    expect((await inboxOf({ kind: 'user', userId: child.team!.supervisorId })).map((m) => [m.kind, m.text])).toEqual([
      ['escalationOverdue', '李小明的疑难个案超时未受理（应于2026年12月3日 10:00前受理），请尽快受理，区已可见'],
    ]);
  });

  it('met meanwhile (acknowledged before it fired): does nothing', async () => {
    const { escalation } = await storedCase();
    const acknowledged = stepEscalation(escalation, escalationStepInputSchema.parse({ action: 'acknowledge', version: 1 }), 'sup-1', DEFAULT_ACKNOWLEDGE_LIMITS, hours(5));
    await db.repositories.escalations.update({ previousVersion: 1, escalation: acknowledged, audit: null, events: [] });
    now = hours(72);

    expect(await consumers.actOnDeadline(acknowledgeDeadlineOf({ subject: 'escalation', subjectId: escalation.id, level: 'town' }, now).event)).toBe('notApplicable');

    expect((await db.repositories.escalations.get(escalation.id))?.version).toBe(2);
    expect(await pendingOf('EscalationOverdue')).toEqual([]);
  });
});

describe('a fired deadline of an urgent report', () => {
  it('missed: raises it to the town once however often it fires, and then to the district when that deadline fires', async () => {
    const concern = await storedConcern();
    now = hours(2);
    const toTown = acknowledgeDeadlineOf({ subject: 'concern', subjectId: concern.id, level: 'town' }, now).event;

    expect(await consumers.actOnDeadline(toTown)).toBe('acted');
    expect(await consumers.actOnDeadline(toTown)).toBe('notApplicable');
    expect((await db.repositories.concerns.get(concern.id))?.raisedTo).toBe('town');
    const [raised] = await pendingOf('ConcernRaised');
    expect(raised.detail).toEqual({ concernId: concern.id, townId: 't1', districtId: 'd1', to: 'town' });

    // Raised to the town, it is watched once more.
    expect(await consumers.scheduleDeadlines(raised)).toBe('acted');
    expect((await due(hours(4))).map((d) => d.event.detail.level)).toEqual(['district']);
    now = hours(4);
    expect(await consumers.actOnDeadline(acknowledgeDeadlineOf({ subject: 'concern', subjectId: concern.id, level: 'district' }, now).event)).toBe('acted');
    expect((await db.repositories.concerns.get(concern.id))?.raisedTo).toBe('district');
    expect((await pendingOf('ConcernRaised')).map((e) => e.detail.to).sort()).toEqual(['district', 'town']);
    expect(await consumers.scheduleDeadlines((await pendingOf('ConcernRaised')).find((e) => e.detail.to === 'district')!)).toBe('notApplicable');
  });

  it('met meanwhile (acknowledged): does nothing', async () => {
    const concern = await storedConcern();
    const acknowledged = stepConcern(concern, concernStepInputSchema.parse({ to: 'acknowledged', version: 1 }), 'dir-1', hours(1));
    await db.repositories.concerns.update({ previousVersion: 1, concern: acknowledged, audit: null, events: [] });
    now = hours(2);

    expect(await consumers.actOnDeadline(acknowledgeDeadlineOf({ subject: 'concern', subjectId: concern.id, level: 'town' }, now).event)).toBe('notApplicable');
    expect((await db.repositories.concerns.get(concern.id))?.raisedTo).toBeNull();
  });
});

describe('the level that holds a case is told', () => {
  it('at the town: the supervisor leading the team, with the deadline; the director and the organization informed', async () => {
    const { child, escalation } = await storedCase(undefined, true);

    expect(await consumers.notifyEscalation(raisedEvent(escalation))).toBe('acted');

    const texts = async (owner: InboxOwner) => (await inboxOf(owner)).map((m) => [m.kind, m.escalationId, m.text]);
    expect(await texts({ kind: 'user', userId: child.team!.supervisorId })).toEqual([
      ['escalationRaised', escalation.id, '李小明的疑难个案已提请乡镇（街道）儿童督导员（紧急），请于2026年12月1日 10:00前受理'],
    ]);
    expect(await texts({ kind: 'village', villageId: escalation.path.villageId })).toEqual([['escalationRaised', escalation.id, '李小明的疑难个案已提请乡镇（街道）儿童督导员（紧急）']]);
    expect(await texts({ kind: 'organization', organizationId: 'org-1' })).toHaveLength(1);
    expect(await texts({ kind: 'user', userId: 'sw-1' })).toEqual([]);
  });

  it('at the district: every officer of the district, through its inbox; an event about a level it never reached, nobody', async () => {
    const { escalation } = await storedCase(childWithTeam(`child-${newEventId().slice(0, 8)}`, { team: null }));
    expect(await consumers.notifyEscalation(raisedEvent(escalation, 'district'))).toBe('nothingToDo');
    const step = (from: Escalation, action: 'acknowledge' | 'raise') =>
      stepEscalation(from, escalationStepInputSchema.parse({ action, note: '需区级协调', version: from.version }), 'sup-1', DEFAULT_ACKNOWLEDGE_LIMITS, hours(1));
    const acknowledged = step(escalation, 'acknowledge');
    await db.repositories.escalations.update({ previousVersion: 1, escalation: acknowledged, audit: null, events: [] });
    await db.repositories.escalations.update({ previousVersion: 2, escalation: step(acknowledged, 'raise'), audit: null, events: [] });

    expect(await consumers.notifyEscalation(raisedEvent(escalation, 'district'))).toBe('acted');

    expect((await inboxOf({ kind: 'district', districtId: 'd1' })).map((m) => m.escalationId)).toEqual([escalation.id]);
    expect(await inboxOf({ kind: 'town', townId: 't1' })).toEqual([]);
  });
});
