import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { VisitRuleId } from '../../functions/src/domain/obligation.js';
import { refreshChildObligations } from '../../functions/src/app/refresh-obligations.js';
import { createRepositories } from '../../functions/src/store/repositories.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';
import { auditOf, changeStoredChild, changed, createRegions, guardian, makeChild, storeChild, team } from './fixtures.js';
import { countRequests } from './request-counter.js';

/**
 * The obligations index (issue 3, part 2): written with the child, each list one Query on an index, and a
 * recomputation that finds nothing to change writes nothing (so a policy change can be re-run safely).
 */
let db: TestTable;

beforeAll(async () => {
  db = await createTestTable('obligations');
  await createRegions(db.repositories);
  await putPolicy(['R3', 'R11', 'R14'], 1, '2026-11-01T00:00:00.000Z');
});

function putPolicy(ruleIds: VisitRuleId[], version: number, updatedAt: string) {
  const policy = { districtId: 'd1', ruleIds, unconfirmedAfterDays: 3, updatedAt, updatedBy: 'officer', version };
  return db.repositories.policies.put({ policy, audit: auditOf('policy.update', null), events: [] });
}

describe('the index entries of a child', () => {
  it('are written with the child, one per obligation, in the town’s and the assignee’s partitions', async () => {
    const child = makeChild('idx-1', { team: team('sw-idx', 'sup-1', 'dir-idx'), guardians: [guardian(null)] });

    await storeChild(db.repositories, child, auditOf('child.create', child.id));

    const { Items } = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': 'CHILD#idx-1', ':sk': 'OBLIGATION#' },
      }),
    );
    expect(Items?.map((item) => [item.sk, item.gsi1pk, item.gsi1sk, item.gsi2pk]).sort()).toEqual([
      ['OBLIGATION#contact:director', 'DUE#TOWN#t1', '2026-12-23#idx-1#contact:director', 'DUE#USER#dir-idx'],
      ['OBLIGATION#homeVisit:director', 'DUE#TOWN#t1', '2027-01-23#idx-1#homeVisit:director', 'DUE#USER#dir-idx'],
      ['OBLIGATION#homeVisit:socialWorker', 'DUE#TOWN#t1', '2026-12-23#idx-1#homeVisit:socialWorker', 'DUE#USER#sw-idx'],
      // R2: never assessed, registered in November: the year's assessment by the end of next February.
      ['OBLIGATION#yearlyAssessment:socialWorker', 'DUE#TOWN#t1', '2027-02-28#idx-1#yearlyAssessment:socialWorker', 'DUE#USER#sw-idx'],
    ]);
  });

  it('of a child without a team stay out of every worker’s partition (sparse) but are in the town’s', async () => {
    const child = makeChild('idx-2', { villageId: 'v10' });
    await storeChild(db.repositories, child, auditOf('child.create', child.id));

    const town = await db.repositories.obligations.listDueInTown('t1', '2026-12-23');

    expect(town.filter((entry) => entry.obligation.childId === 'idx-2').map((entry) => entry.assigneeId)).toEqual([null, null]);
  });
});

describe('each list is one query', () => {
  it('a worker’s list: one Query on gsi2, earliest due first, up to the date asked', async () => {
    const counter = countRequests(db.client);

    const due = await db.repositories.obligations.listDueForAssignee('dir-idx', '2026-12-31');

    counter.stop();
    expect(counter.records.map((r) => r.command)).toEqual(['Query']);
    expect(due.map((entry) => `${entry.obligation.dueDate} ${entry.obligation.kind}`)).toEqual(['2026-12-23 contact']);
  });

  it('a town’s day: one Query on gsi1', async () => {
    const counter = countRequests(db.client);

    const due = await db.repositories.obligations.listDueInTown('t1', '2026-12-23');

    counter.stop();
    expect(counter.records.map((r) => r.command)).toEqual(['Query']);
    expect(new Set(due.map((entry) => entry.obligation.childId))).toEqual(new Set(['idx-1', 'idx-2']));
    expect(await db.repositories.obligations.listDueInTown('t10', '2026-12-23')).toEqual([]);
  });
});

describe('moving obligations', () => {
  it('moves the assignee with the team (R1): the old worker’s list loses the child, the new one’s gains it', async () => {
    const child = (await db.repositories.children.get('idx-1'))!;

    await changeStoredChild(db.repositories, child, changed(child, { team: team('sw-new', 'sup-1', 'dir-idx') }), auditOf('child.assignTeam', child.id));

    expect(await db.repositories.obligations.listDueForAssignee('sw-idx', '2027-12-31')).toEqual([]);
    const gained = await db.repositories.obligations.listDueForAssignee('sw-new', '2027-12-31');
    expect(gained.map((e) => `${e.obligation.childId} ${e.obligation.kind}`)).toEqual(['idx-1 homeVisit', 'idx-1 yearlyAssessment']);
  });

  it('writes no obligation items for a change that does not move them (an address)', async () => {
    const child = (await db.repositories.children.get('idx-1'))!;
    const counter = countRequests(db.client);

    await changeStoredChild(db.repositories, child, changed(child, { address: '上海市松江区叶榭镇井凌桥村5组1号' }), auditOf('child.update', child.id));

    counter.stop();
    const transaction = counter.records.find((r) => r.command === 'TransactWriteItems')!;
    // The child and its audit entry; the obligation state only checked.
    expect(transaction).toMatchObject({ itemsWritten: 2, conditionChecks: 1 });
  });

  it('drops the items a new policy no longer demands, and a second recomputation writes nothing (one batch read)', async () => {
    await putPolicy(['R3'], 2, '2026-11-02T00:00:00.000Z');
    const now = new Date('2026-11-24T02:00:00.000Z');

    expect(await refreshChildObligations(db.repositories, 'idx-1', 'd1', now)).toBe(true);
    const counter = countRequests(db.client);
    expect(await refreshChildObligations(db.repositories, 'idx-1', 'd1', now)).toBe(false);
    counter.stop();

    expect((await db.repositories.obligations.listOfChild('idx-1')).map((e) => `${e.obligation.kind}:${e.obligation.performer}`)).toEqual([
      'homeVisit:socialWorker',
      // R2 binds whatever the district chose.
      'yearlyAssessment:socialWorker',
    ]);
    expect(counter.records.map((r) => r.command)).toEqual(['BatchGetItem']);
  });

  it('recomputes a child that moved to another district under that district’s policy', async () => {
    const child = makeChild('idx-3', { villageId: 'v4', team: team('sw-3') });
    await storeChild(createRepositories(db.client, db.tableName), child, auditOf('child.create', child.id));

    // Asked with the wrong district, it finds the child's own: d2 never chose, so the national rules apply, whose R20
    // visits a left-behind child at home twice a month (d1 now asks for R3's social worker visit only).
    await refreshChildObligations(db.repositories, 'idx-3', 'd1', new Date('2026-11-24T02:00:00.000Z'));

    const kinds = (await db.repositories.obligations.listOfChild('idx-3')).map((e) => `${e.obligation.kind}:${e.obligation.performer}`);
    expect(kinds).toEqual(['homeVisit:director', 'yearlyAssessment:socialWorker']);
  });
});
