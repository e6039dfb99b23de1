import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { AlreadyExistsError, VersionConflictError } from '../../functions/src/domain/errors.js';
import { childKey } from '../../functions/src/store/keys.js';
import { obligationUpdateOf } from '../../functions/src/app/obligation-update.js';
import { defaultPolicyOf } from '../../functions/src/store/policy-repository.js';
import { createRepositories } from '../../functions/src/store/repositories.js';
import { MAX_CONFLICT_ATTEMPTS } from '../../functions/src/store/transact.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';
import { mockKeepingRealCalls, transactionConflict } from './faults.js';
import { auditOf, changeStoredChild, changed, childIdsListedFor, createRegions, guardian, makeChild, storeChild, team } from './fixtures.js';

let db: TestTable;

beforeAll(async () => {
  db = await createTestTable('transactions');
  await createRegions(db.repositories);
});

const childIdsOfGuardian = (userId: string) => childIdsListedFor(db.repositories, 'guardian', userId);
const childIdsOfSocialWorker = (userId: string) => childIdsListedFor(db.repositories, 'socialWorker', userId);

describe('all or nothing', () => {
  it('writes nothing when one condition of the create transaction fails (an audit entry already stored)', async () => {
    // Prepare
    const audit = auditOf('child.create', 'tx-second');
    await db.repositories.audit.record([audit]);
    const second = makeChild('tx-second', { guardians: [guardian('g-tx')], team: team('sw-tx') });

    // Act
    const attempt = storeChild(db.repositories, second, audit);

    // Assess: the failure is not the child's, so it is not dressed up as a domain error.
    await expect(attempt).rejects.toMatchObject({ name: 'TransactionCanceledException' });
    await expect(attempt).rejects.not.toBeInstanceOf(AlreadyExistsError);
    expect(await db.repositories.children.get('tx-second')).toBeNull();
    expect(await childIdsOfGuardian('g-tx')).toEqual([]);
    expect(await childIdsOfSocialWorker('sw-tx')).toEqual([]);
  });

  it('leaves child and links untouched when an update transaction fails after the version check passed', async () => {
    // Prepare
    const child = makeChild('tx-upd', { guardians: [guardian('g-before')] });
    const audit = auditOf('child.create', child.id);
    await storeChild(db.repositories, child, audit);

    // Act: a reused audit id makes the last action of the transaction fail.
    const attempt = changeStoredChild(
      db.repositories,
      child,
      changed(child, { guardians: [guardian('g-after')] }),
      { ...audit, id: audit.id },
    );

    // Assess
    await expect(attempt).rejects.toMatchObject({ name: 'TransactionCanceledException' });
    expect(await db.repositories.children.get('tx-upd')).toEqual(child);
    expect(await childIdsOfGuardian('g-before')).toEqual(['tx-upd']);
    expect(await childIdsOfGuardian('g-after')).toEqual([]);
  });

  it('retries a TransactionConflict (which DynamoDB Local never raises) a bounded number of times, then rethrows it', async () => {
    // Prepare: a fault injected on a client of its own, so the shared one stays real.
    const { client, tableName } = await createTestTable('fault');
    const { mock } = mockKeepingRealCalls(client);
    mock.on(TransactWriteCommand).rejects(transactionConflict());
    const repositories = createRepositories(client, tableName);
    const child = makeChild('conflict-1');

    // Act
    const attempt = changeStoredChild(repositories, child, changed(child, {}), auditOf('child.update', child.id));

    // Assess: never dressed up as the caller's version conflict.
    await expect(attempt).rejects.toBeInstanceOf(TransactionCanceledException);
    await expect(attempt).rejects.not.toBeInstanceOf(VersionConflictError);
    expect(mock.commandCalls(TransactWriteCommand)).toHaveLength(MAX_CONFLICT_ATTEMPTS);
    mock.restore();
  });

  it('stores the write when a TransactionConflict clears on a retry', async () => {
    // Prepare
    const { client, tableName } = await createTestTable('fault');
    const repositories = createRepositories(client, tableName);
    const child = makeChild('conflict-3');
    await storeChild(repositories, child, auditOf('child.create', child.id));
    const { mock, pass } = mockKeepingRealCalls(client);
    mock.on(TransactWriteCommand).rejectsOnce(transactionConflict()).rejectsOnce(transactionConflict()).callsFake(pass);

    // Act
    await changeStoredChild(repositories, child, changed(child, { riskLevel: 'red' }), auditOf('child.update', child.id));

    // Assess
    expect(mock.commandCalls(TransactWriteCommand)).toHaveLength(3);
    mock.restore();
    expect((await repositories.children.get(child.id))?.riskLevel).toBe('red');
  });

  it('maps a ConditionalCheckFailed reason on the child action, and only there, to VersionConflictError', async () => {
    // Prepare
    const { client, tableName } = await createTestTable('fault');
    const { mock } = mockKeepingRealCalls(client);
    mock.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        $metadata: {},
        message: 'Transaction cancelled',
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }],
      }),
    );
    const child = makeChild('conflict-2');

    // Act
    const attempt = changeStoredChild(createRepositories(client, tableName), child, changed(child, {}), auditOf('child.update', child.id));

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(VersionConflictError);
    mock.restore();
  });
});

describe('what a write costs', () => {
  it('the store reads nothing: creating a child is one transaction and changing it is one transaction', async () => {
    // Prepare: count every request the client sends; the obligations are computed as the use case does.
    const { client, tableName } = await createTestTable('cost');
    const sent: string[] = [];
    client.middlewareStack.add(
      (next, context) => async (args) => {
        sent.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name: 'countRequests' },
    );
    const repositories = createRepositories(client, tableName);
    const child = makeChild('cost-1', { guardians: [guardian('g-cost')], team: team('sw-cost') });
    const next = changed(child, { team: team('sw-cost-2') });
    const policy = defaultPolicyOf(child.region.districtId);
    const created = obligationUpdateOf(child, policy, null, child.registeredOn);

    // Act
    await repositories.children.create({ child, audit: auditOf('child.create', child.id), obligations: created, events: [] });
    const afterCreate = [...sent];
    sent.length = 0;
    const stateAfterCreate = (await repositories.records.read({ obligationState: child.id })).obligationState;
    sent.length = 0;
    await repositories.children.update({
      previous: child,
      next,
      audit: auditOf('child.update', child.id),
      obligations: obligationUpdateOf(next, policy, stateAfterCreate, '2026-11-24'),
      events: [],
    });

    // Assess: reads are the use case's (in its own batch), never the store's.
    expect(afterCreate).toEqual(['TransactWriteItemsCommand']);
    expect(sent).toEqual(['TransactWriteItemsCommand']);
    const stored = await client.send(new GetCommand({ TableName: tableName, Key: childKey('cost-1') }));
    expect(stored.Item?.version).toBe(2);
    const links = await client.send(
      new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'USER#sw-cost-2' } }),
    );
    expect(links.Items).toHaveLength(1);
  });
});
