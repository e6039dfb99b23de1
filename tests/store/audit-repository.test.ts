import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../functions/src/domain/audit.js';
import type { Repositories } from '../../functions/src/store/ports.js';
import { createRepositories } from '../../functions/src/store/repositories.js';
import { createTestTable } from '../support/dynamodb.js';
import { auditOf } from './fixtures.js';

let repositories: Repositories;

beforeAll(async () => {
  ({ repositories } = await createTestTable('audit'));
});

function minutesAfterMidnight(minutes: number): string {
  return new Date(Date.UTC(2026, 10, 23, 0, minutes)).toISOString();
}

describe('audit entries', () => {
  it('lists a child’s entries newest first, and only that child’s', async () => {
    // Prepare
    const entries = [3, 1, 2].map((m) => auditOf('child.read', 'a-child', { at: minutesAfterMidnight(m), actorId: `reader-${m}` }));
    const other = auditOf('child.read', 'another-child');

    // Act
    await repositories.audit.record([...entries, other]);

    // Assess
    const listed = await repositories.audit.listByChild('a-child', 10);
    expect(listed.map((e) => e.actorId)).toEqual(['reader-3', 'reader-2', 'reader-1']);
    expect(listed[0]).toEqual(entries[0]);
    expect(await repositories.audit.listByChild('a-child', 2)).toHaveLength(2);
  });

  it('lists an actor’s entries newest first across children, refused attempts without a child included', async () => {
    // Prepare
    const read = auditOf('child.read', 'c-x', { actorId: 'actor-1', at: minutesAfterMidnight(10) });
    const refusedList = auditOf('child.list', null, {
      actorId: 'actor-1',
      at: minutesAfterMidnight(20),
      outcome: 'denied',
      reason: 'roleCannot',
    });
    const someoneElse = auditOf('child.read', 'c-x', { actorId: 'actor-2' });

    // Act
    await repositories.audit.record([read, refusedList, someoneElse]);

    // Assess
    expect(await repositories.audit.listByActor('actor-1', 10)).toEqual([refusedList, read]);
  });

  it('keeps entries of what the product did by itself (actor role "system", as the demo seed writes)', async () => {
    // Prepare
    const seeded = auditOf('child.create', 'seeded-child', { actorId: 'system', actorRole: 'system', reason: 'demo area' });

    // Act
    await repositories.audit.record([seeded]);

    // Assess
    expect(await repositories.audit.listByChild('seeded-child', 10)).toEqual([seeded]);
  });

  it('orders entries stamped with a +08:00 offset by the instant, not by the text', async () => {
    // Prepare: 09:30 Beijing is 01:30 UTC, later than 01:00 UTC although "09:30+08:00" < "01:00Z" is false as text.
    const beijing = auditOf('child.read', 'tz-child', { at: '2026-11-23T09:30:00+08:00', actorId: 'late' });
    const utc = auditOf('child.read', 'tz-child', { at: '2026-11-23T01:00:00Z', actorId: 'early' });

    // Act
    await repositories.audit.record([beijing, utc]);

    // Assess
    expect((await repositories.audit.listByChild('tz-child', 10)).map((e) => e.actorId)).toEqual(['late', 'early']);
  });

  it('records more entries than one BatchWriteItem takes (25), all of them', async () => {
    // Prepare
    const entries = Array.from({ length: 60 }, (_, i) =>
      auditOf('child.read', 'busy-child', { at: new Date(Date.UTC(2026, 10, 23, 0, 0, i)).toISOString() }),
    );

    // Act
    await repositories.audit.record(entries);

    // Assess
    const listed = await repositories.audit.listByChild('busy-child', 100);
    expect(listed.map((e) => e.id).sort()).toEqual(entries.map((e) => e.id).sort());
  });

  it('re-sends the items DynamoDB leaves unprocessed until all are written', async () => {
    // Prepare: the first answer leaves two items unprocessed, as DynamoDB does under throttling.
    const { client, tableName } = await createTestTable('audit-retry');
    const entries: AuditEntry[] = Array.from({ length: 5 }, () => auditOf('child.read', 'throttled'));
    const mock = mockClient(client);
    mock
      .on(BatchWriteCommand)
      .callsFakeOnce((input: { RequestItems: Record<string, unknown[]> }) => ({
        UnprocessedItems: { [tableName]: input.RequestItems[tableName].slice(3) },
      }))
      .resolves({});

    // Act
    await createRepositories(client, tableName).audit.record(entries);

    // Assess
    const calls = mock.commandCalls(BatchWriteCommand);
    expect(calls).toHaveLength(2);
    expect(calls[1].args[0].input.RequestItems?.[tableName]).toHaveLength(2);
    mock.restore();
  });
});
