import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Child } from '../../functions/src/domain/child.js';
import { inboxItemFor } from '../../functions/src/domain/inbox-views.js';
import type { Actor } from '../../functions/src/domain/user.js';
import { UnexpectedEventError } from '../../functions/src/events/consumers/consumer.js';
import type { Consumer, ConsumerOutcome } from '../../functions/src/events/consumers/index.js';
import type { ConsumerName } from '../../functions/src/events/rules.js';
import { childItem } from '../../functions/src/store/child-items.js';
import type { InboxOwner } from '../../functions/src/store/ports.js';
import { guardian } from '../store/fixtures.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';
import { childWithTeam, consumersOver, eventOf, newEventId } from './support/events.js';

/**
 * Issue 12 part 3, R22 and R15: the family hears in their inbox that they must collect their child once an evaluation
 * cleared the return home (within three days), that the case will close, and that it closed; once per event.
 */
const NOW = new Date('2027-05-28T02:00:00.000Z');
let db: TestTable;
let consumers: Record<ConsumerName, Consumer>;

beforeEach(async () => {
  db = await createTestTable('family-case-notices');
  consumers = consumersOver(db, () => NOW);
});

const inboxOf = (userId: string) => db.repositories.inbox.list([{ kind: 'user', userId } satisfies InboxOwner], 10);

async function childStored(overrides: Partial<Child> = {}): Promise<Child> {
  const child = childWithTeam(`child-${newEventId().slice(0, 8)}`, overrides);
  await db.client.send(new PutCommand({ TableName: db.tableName, Item: childItem(child) }));
  return child;
}

const caseIds = (child: Child) => ({ childId: child.id, districtId: child.region.districtId, townId: child.region.townId });
const cleared = (child: Child, on = '2027-05-28') => eventOf('StateGuardianshipRecorded', { ...caseIds(child), step: 'evaluated', cleared: true, on });

describe('StateGuardianshipRecorded → the guardians (R22)', () => {
  it('tells each guardian with an account to collect the child within three days of the evaluation that cleared the return', async () => {
    const child = await childStored({ guardians: [guardian('g-1', '李大山'), guardian('g-2', '王秀英'), guardian(null, '李奶奶')] });
    const event = cleared(child, '2027-05-30');

    expect(await consumers.notifyFamilyOfCase(event)).toBe('acted');

    const [toFirst] = await inboxOf('g-1');
    expect(toFirst).toMatchObject({
      kind: 'stateGuardianshipCleared',
      childId: child.id,
      visitId: null,
      caseNotice: { on: '2027-06-02', followUpEndsOn: null },
      text: '经评估，李小明可以回家了。请在2027年6月2日前到临时监护的机构领回孩子；如有困难，请尽快联系孩子的服务团队。',
      readAt: null,
    });
    expect(await inboxOf('g-2')).toEqual([toFirst]);
    expect(await inboxOf('sw-1')).toEqual([]);
  });

  it('tells nobody of a placement, an evaluation that did not clear the return, or a collection', async () => {
    const child = await childStored();
    const steps = [
      eventOf('StateGuardianshipRecorded', { ...caseIds(child), step: 'placed', cleared: null, on: '2027-01-05' }),
      eventOf('StateGuardianshipRecorded', { ...caseIds(child), step: 'evaluated', cleared: false, on: '2027-05-20' }),
      eventOf('StateGuardianshipRecorded', { ...caseIds(child), step: 'collected', cleared: null, on: '2027-05-30' }),
    ];

    const outcomes = [];
    for (const event of steps) outcomes.push(await consumers.notifyFamilyOfCase(event));

    expect(outcomes).toEqual(['notApplicable', 'notApplicable', 'notApplicable']);
    expect(await inboxOf('g-1')).toEqual([]);
  });

  it('acts once when the event comes twice, one after the other and at the same moment', async () => {
    const child = await childStored();
    const first = cleared(child);
    const second = cleared(child);

    const inTurn = [await consumers.notifyFamilyOfCase(first), await consumers.notifyFamilyOfCase(first)];
    const together = await Promise.all([consumers.notifyFamilyOfCase(second), consumers.notifyFamilyOfCase(second)]);

    expect(inTurn).toEqual(['acted', 'duplicate']);
    expect([...together].sort()).toEqual<ConsumerOutcome[]>(['acted', 'duplicate']);
    expect(await inboxOf('g-1')).toHaveLength(2);
  });

  it('does nothing for a child that is not there, nor for a family without an account', async () => {
    const withoutAccount = await childStored({ guardians: [guardian(null, '王秀英')] });

    expect(await consumers.notifyFamilyOfCase(cleared({ ...withoutAccount, id: 'no-such-child' }))).toBe('nothingToDo');
    expect(await consumers.notifyFamilyOfCase(cleared(withoutAccount))).toBe('notApplicable');
    expect(await inboxOf('g-1')).toEqual([]);
  });
});

describe('CaseClosingAnnounced and CaseClosed → the guardians (R15)', () => {
  it('tells the guardian from when the case will close', async () => {
    const child = await childStored();

    await consumers.notifyFamilyOfCase(eventOf('CaseClosingAnnounced', { ...caseIds(child), toldOn: '2027-06-01', earliestClosingOn: '2027-06-08' }));

    expect(await inboxOf('g-1')).toMatchObject([
      { kind: 'caseClosingAnnounced', caseNotice: { on: '2027-06-08', followUpEndsOn: null }, text: '李小明的个案最早将于2027年6月8日结案。如有疑问，请联系孩子的服务团队。' },
    ]);
  });

  it('tells the guardian the closing date and until when the team follows up, once', async () => {
    const child = await childStored();
    const event = eventOf('CaseClosed', { ...caseIds(child), closedOn: '2027-06-08', followUpEndsOn: '2027-09-08' });

    expect([await consumers.notifyFamilyOfCase(event), await consumers.notifyFamilyOfCase(event)]).toEqual(['acted', 'duplicate']);

    expect(await inboxOf('g-1')).toMatchObject([
      { kind: 'caseClosed', caseNotice: { on: '2027-06-08', followUpEndsOn: '2027-09-08' }, text: '李小明的个案已于2027年6月8日结案。服务团队会继续回访到2027年9月8日。' },
    ]);
  });

  it('refuses an event of another kind: its rule should never route it here', async () => {
    await expect(consumers.notifyFamilyOfCase(eventOf('CasePlanRecorded'))).rejects.toBeInstanceOf(UnexpectedEventError);
  });
});

describe('a case notice as its reader sees it', () => {
  const reader = (id: string): Actor => ({ id, role: 'guardian', scope: null, organizationId: null, pledgeSignedAt: null });

  it('names the child to its guardian, and not to a guardian who may no longer read the child', async () => {
    const child = await childStored();
    await consumers.notifyFamilyOfCase(cleared(child, '2027-05-30'));
    const [message] = await inboxOf('g-1');
    const subjects = { child, visit: undefined, escalation: undefined };

    expect(inboxItemFor(reader('g-1'), message, subjects).caseNotice).toEqual({ on: '2027-06-02', followUpEndsOn: null, childName: '李小明' });
    expect(inboxItemFor(reader('g-9'), message, subjects).caseNotice).toEqual({ on: '2027-06-02', followUpEndsOn: null, childName: null });
  });
});
