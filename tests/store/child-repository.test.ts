import { beforeAll, describe, expect, it } from 'vitest';
import { AlreadyExistsError, VersionConflictError } from '../../functions/src/domain/errors.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';
import { auditOf, changeStoredChild, changed, childIdsListedFor, createRegions, guardian, makeChild, storeChild, team } from './fixtures.js';

let db: TestTable;

beforeAll(async () => {
  db = await createTestTable('children');
  await createRegions(db.repositories);
});

const childIdsOfGuardian = (userId: string) => childIdsListedFor(db.repositories, 'guardian', userId);
const childIdsOfSocialWorker = (userId: string) => childIdsListedFor(db.repositories, 'socialWorker', userId);

describe('creating and reading a child', () => {
  it('reads back exactly the child it stored, without key attributes', async () => {
    // Prepare
    const child = makeChild('rt-1', { guardians: [guardian('g-rt-1')], team: team('sw-rt-1'), organizationId: 'org-1' });

    // Act
    await storeChild(db.repositories, child, auditOf('child.create', child.id));

    // Assess
    expect(await db.repositories.children.get('rt-1')).toEqual(child);
    expect(await db.repositories.children.get('nobody')).toBeNull();
  });

  it('refuses a second create with the same id (AlreadyExistsError) and keeps the first', async () => {
    // Prepare
    const first = makeChild('dup-1', { name: '第一个' });
    await storeChild(db.repositories, first, auditOf('child.create', first.id));

    // Act
    const second = storeChild(db.repositories, makeChild('dup-1', { name: '第二个' }), auditOf('child.create', 'dup-1'));

    // Assess
    await expect(second).rejects.toBeInstanceOf(AlreadyExistsError);
    expect((await db.repositories.children.get('dup-1'))?.name).toBe('第一个');
  });

  it('stores a create sent twice (an SDK retry after a lost answer) once, without reporting it as taken', async () => {
    // Prepare
    const child = makeChild('retry-1', { guardians: [guardian('g-retry')] });
    const audit = auditOf('child.create', child.id);
    await storeChild(db.repositories, child, audit);

    // Act: the same request again, as the SDK resends it; the ClientRequestToken makes it idempotent.
    const again = storeChild(db.repositories, child, audit);

    // Assess
    await expect(again).resolves.toBeUndefined();
    expect(await db.repositories.audit.listByChild('retry-1', 10)).toEqual([audit]);
    expect(await childIdsOfGuardian('g-retry')).toEqual(['retry-1']);
  });

  it('writes the audit entry of the create in the same transaction', async () => {
    // Prepare
    const child = makeChild('audited-1');
    const audit = auditOf('child.create', child.id);

    // Act
    await storeChild(db.repositories, child, audit);

    // Assess
    expect(await db.repositories.audit.listByChild('audited-1', 10)).toEqual([audit]);
  });
});

describe('updating a child (optimistic locking)', () => {
  it('replaces the child when the stored version is the expected one', async () => {
    // Prepare
    const child = makeChild('upd-1');
    await storeChild(db.repositories, child, auditOf('child.create', child.id));
    const next = changed(child, { riskLevel: 'red' });

    // Act
    await changeStoredChild(db.repositories, child, next, auditOf('child.update', child.id));

    // Assess
    expect(await db.repositories.children.get('upd-1')).toEqual(next);
  });

  it('refuses an update from a stale version (VersionConflictError) and changes nothing, audit included', async () => {
    // Prepare
    const v1 = makeChild('stale-1');
    await storeChild(db.repositories, v1, auditOf('child.create', v1.id));
    const v2 = changed(v1, { riskLevel: 'red' });
    await changeStoredChild(db.repositories, v1, v2, auditOf('child.update', v1.id));
    const staleAudit = auditOf('child.update', v1.id);

    // Act
    const attempt = changeStoredChild(db.repositories, v1, changed(v1, { name: '改名' }), staleAudit);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(VersionConflictError);
    await expect(attempt).rejects.toMatchObject({ code: 'VERSION_CONFLICT', field: 'version' });
    expect(await db.repositories.children.get('stale-1')).toEqual(v2);
    expect((await db.repositories.audit.listByChild('stale-1', 10)).map((a) => a.id)).not.toContain(staleAudit.id);
  });

  it('refuses an update of a child that does not exist as a version conflict', async () => {
    // Prepare
    const ghost = makeChild('ghost-1');

    // Act
    const attempt = changeStoredChild(db.repositories, ghost, changed(ghost, {}), auditOf('child.update', ghost.id));

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(VersionConflictError);
    expect(await db.repositories.children.get('ghost-1')).toBeNull();
  });

  it('refuses, as a programming error, an update that does not raise the version by one', async () => {
    // Prepare
    const child = makeChild('same-version-1');
    await storeChild(db.repositories, child, auditOf('child.create', child.id));

    // Act
    const attempt = changeStoredChild(db.repositories, child, { ...child, riskLevel: 'red' }, auditOf('child.update', child.id));

    // Assess
    await expect(attempt).rejects.toThrow('raise the version by one');
    expect(await db.repositories.children.get('same-version-1')).toEqual(child);
  });

  it('lets exactly one of two concurrent updates from the same version win', async () => {
    // Prepare
    const v1 = makeChild('race-1');
    await storeChild(db.repositories, v1, auditOf('child.create', v1.id));
    const red = changed(v1, { riskLevel: 'red' });
    const green = changed(v1, { riskLevel: 'green' });

    // Act
    const results = await Promise.allSettled([
      changeStoredChild(db.repositories, v1, red, auditOf('child.update', v1.id)),
      changeStoredChild(db.repositories, v1, green, auditOf('child.update', v1.id)),
    ]);

    // Assess
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(VersionConflictError);
    const stored = await db.repositories.children.get('race-1');
    expect(stored).toEqual(results[0].status === 'fulfilled' ? red : green);
    expect(stored?.version).toBe(2);
  });
});

describe('membership links follow guardians and teams', () => {
  it('moves the child from the old guardian to the new one in the update transaction', async () => {
    // Prepare
    const child = makeChild('mv-1', { guardians: [guardian('g-old')] });
    await storeChild(db.repositories, child, auditOf('child.create', child.id));
    expect(await childIdsOfGuardian('g-old')).toEqual(['mv-1']);

    // Act
    await changeStoredChild(
      db.repositories,
      child,
      changed(child, { guardians: [guardian('g-new', '王秀英')] }),
      auditOf('child.update', child.id),
    );

    // Assess
    expect(await childIdsOfGuardian('g-old')).toEqual([]);
    expect(await childIdsOfGuardian('g-new')).toEqual(['mv-1']);
  });

  it('moves the child to the new social worker when the team changes (R1) and keeps unchanged links', async () => {
    // Prepare
    const child = makeChild('mv-2', { guardians: [guardian('g-stay')], team: team('sw-old') });
    await storeChild(db.repositories, child, auditOf('child.create', child.id));

    // Act
    await changeStoredChild(db.repositories, child, changed(child, { team: team('sw-new') }), auditOf('child.assignTeam', child.id));

    // Assess
    expect(await childIdsOfSocialWorker('sw-old')).toEqual([]);
    expect(await childIdsOfSocialWorker('sw-new')).toEqual(['mv-2']);
    expect(await childIdsOfGuardian('g-stay')).toEqual(['mv-2']);
  });

  it('lists a person once per relation: guardian of one child is not social worker of it', async () => {
    // Prepare: the same account is a guardian of one child and the social worker of another.
    const own = makeChild('rel-own', { guardians: [guardian('both-1')] });
    const served = makeChild('rel-served', { team: team('both-1') });

    // Act
    await storeChild(db.repositories, own, auditOf('child.create', own.id));
    await storeChild(db.repositories, served, auditOf('child.create', served.id));

    // Assess
    expect(await childIdsOfGuardian('both-1')).toEqual(['rel-own']);
    expect(await childIdsOfSocialWorker('both-1')).toEqual(['rel-served']);
  });
});
