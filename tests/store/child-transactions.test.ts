import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { AlreadyExistsError, VersionConflictError } from '../../functions/src/domain/errors.js';
import { childKey } from '../../functions/src/store/keys.js';
import { createRepositories } from '../../functions/src/store/repositories.js';
import { MAX_CONFLICT_ATTEMPTS } from '../../functions/src/store/transact.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';
import { mockKeepingRealCalls, transactionConflict } from './faults.js';
import { auditOf, changed, childIdsListedFor, createRegions, guardian, makeChild, team } from './fixtures.js';

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
    const attempt = db.repositories.children.create(second, audit);

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
    await db.repositories.children.create(child, audit);

    // Act: a reused audit id makes the last action of the transaction fail.
    const attempt = db.repositories.children.update(
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
    const attempt = repositories.children.update(child, changed(child, {}), auditOf('child.update', child.id));

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
    await repositories.children.create(child, auditOf('child.create', child.id));
    const { mock, pass } = mockKeepingRealCalls(client);
    mock.on(TransactWriteCommand).rejectsOnce(transactionConflict()).rejectsOnce(transactionConflict()).callsFake(pass);

    // Act
    await repositories.children.update(child, changed(child, { riskLevel: 'red' }), auditOf('child.update', child.id));

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
    const attempt = createRepositories(client, tableName).children.update(child, changed(child, {}), auditOf('child.update', child.id));

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(VersionConflictError);
    mock.restore();
  });
});

describe('what a write costs', () => {
  it('creates a child with one read (its district policy) and one transaction, and updates it with one batch read and one transaction', async () => {
    // Prepare: count every request the client sends.
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

    // Act
    await repositories.children.create(child, auditOf('child.create', child.id));
    const afterCreate = [...sent];
    sent.length = 0;
    await repositories.children.update(child, changed(child, { team: team('sw-cost-2') }), auditOf('child.update', child.id));

    // Assess: the update reads the obligation state and the policy together, to recompute what is due.
    expect(afterCreate).toEqual(['GetItemCommand', 'TransactWriteItemsCommand']);
    expect(sent).toEqual(['BatchGetItemCommand', 'TransactWriteItemsCommand']);
    const stored = await client.send(new GetCommand({ TableName: tableName, Key: childKey('cost-1') }));
    expect(stored.Item?.version).toBe(2);
    const links = await client.send(
      new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'USER#sw-cost-2' } }),
    );
    expect(links.Items).toHaveLength(1);
  });
});
