import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ApiHarness, ApiResponse } from './api-harness.js';
import { users, type SeededUser } from './seed-area.js';

/**
 * Check-in bodies and calls for the visit tests. Times are written in Beijing time (+08:00), as a phone in
 * Shanghai sends them; the harness clock is set to match.
 */
export function homeVisitBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'homeVisit',
    startedAt: '2026-04-02T09:00:00+08:00',
    endedAt: '2026-04-02T11:30:00+08:00',
    location: { latitude: 30.93, longitude: 121.28, accuracyMeters: 20 },
    participantIds: [users.socialWorkerPledged.id, users.directorV1.id],
    services: ['guardianshipGuidance', 'educationSupport'],
    notes: '与祖父母沟通学习安排，检查居住环境。',
    problemsFound: '冬衣不足',
    ...overrides,
  };
}

export function contactBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'contact',
    startedAt: '2026-04-02T14:00:00+08:00',
    endedAt: '2026-04-02T14:10:00+08:00',
    location: null,
    participantIds: [users.directorV1.id],
    contactChannel: 'phone',
    notes: '电话询问近况',
    ...overrides,
  };
}

/** "After the visit" on the harness clock: the afternoon of the visit day. */
export const AFTER_VISIT = '2026-04-02T08:00:00.000Z';

export function postCheckIn(
  h: ApiHarness,
  as: SeededUser,
  childId: string,
  body: unknown,
  key: string | null = randomUUID(),
): Promise<ApiResponse> {
  return h.call('POST', `/api/v1/children/${childId}/visits`, {
    as,
    json: body,
    headers: key === null ? {} : { 'idempotency-key': key },
  });
}

export function postAnswer(h: ApiHarness, as: SeededUser, childId: string, visitId: string, body: unknown): Promise<ApiResponse> {
  return h.call('POST', `/api/v1/children/${childId}/visits/${visitId}/confirmation`, { as, json: body });
}

/** The stored items of one kind in a child's partition, read straight from the table. */
export async function itemsOfChild(h: ApiHarness, childId: string, skPrefix: string): Promise<Record<string, unknown>[]> {
  const { Items } = await h.table.client.send(
    new QueryCommand({
      TableName: h.table.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: { ':pk': `CHILD#${childId}`, ':sk': skPrefix },
      ConsistentRead: true,
    }),
  );
  return Items ?? [];
}

export async function dueOf(h: ApiHarness, as: SeededUser, within = 62) {
  const res = await h.call('GET', `/api/v1/obligations/mine?within=${within}`, { as });
  if (res.status !== 200) throw new Error(`GET /obligations/mine answered ${res.status}: ${res.text}`);
  return res.body.items as { childId: string; kind: string; performer: string; dueDate: string; ruleId: string; overdueDays: number; reason: string; assigneeId: string | null; assigneeName: string | null }[];
}
