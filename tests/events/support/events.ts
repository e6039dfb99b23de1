import { randomUUID } from 'node:crypto';
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Child } from '../../../functions/src/domain/child.js';
import type { Visit } from '../../../functions/src/domain/visit.js';
import { answerVisit, draftVisit, visitIdOf } from '../../../functions/src/domain/visit-record.js';
import { createRuntime } from '../../../functions/src/compose/runtime.js';
import { newEvent, type DomainEvent, type DomainEventType, type EventOf } from '../../../functions/src/events/domain-events.js';
import { childItem } from '../../../functions/src/store/child-items.js';
import { outboxPuts } from '../../../functions/src/store/outbox-items.js';
import { visitItem } from '../../../functions/src/store/visit-items.js';
import type { TestTable } from '../../support/dynamodb.js';
import { guardian, makeChild, team } from '../../store/fixtures.js';

export const newEventId = () => randomUUID().replaceAll('-', '');

const visitIds = { childId: 'child-1', visitId: 'visit-1', districtId: 'd1', townId: 't1' };

/** An event of this kind with made-up ids, at `occurredAt` (default: a fixed instant a second per call apart). */
let tick = 0;
export function eventOf<T extends DomainEventType>(
  detailType: T,
  detail?: EventOf<T>['detail'],
  occurredAt = new Date(Date.UTC(2026, 10, 23, 2, 0, (tick += 1))),
): EventOf<T> {
  const defaults: Record<DomainEventType, unknown> = {
    VisitRecorded: { ...visitIds, r3Met: true },
    VisitConfirmed: visitIds,
    VisitDisputed: visitIds,
    DisputeResolved: { ...visitIds, outcome: 'verified' },
    VisitCorrected: { ...visitIds, change: 'corrected' },
    PolicyChanged: { districtId: 'd1', policyVersion: 2 },
    PolicyRefreshContinued: { districtId: 'd1', policyVersion: 2 },
    ConcernReported: { concernId: 'c-1', childId: null, villageId: 'v1', townId: 't1', districtId: 'd1', urgent: true, channel: 'public' },
    ConcernStepped: { concernId: 'c-1', childId: null, townId: 't1', districtId: 'd1', from: 'received', to: 'acknowledged' },
    ConcernRaised: { concernId: 'c-1', townId: 't1', districtId: 'd1', to: 'town' },
    EscalationRaised: { escalationId: 'e-1', childId: 'child-1', level: 'town', townId: 't1', districtId: 'd1', urgent: false },
    EscalationAcknowledged: { escalationId: 'e-1', childId: 'child-1', level: 'town' },
    EscalationResolved: { escalationId: 'e-1', childId: 'child-1', level: 'town' },
    EscalationOverdue: { escalationId: 'e-1', childId: 'child-1', level: 'town' },
    DeadlineReached: { deadlineId: 'dl-1', subject: 'escalation', subjectId: 'e-1', level: 'town', due: 'acknowledge' },
    SafetySessionPlanned: { sessionId: 's-1', audienceKind: 'village', audienceId: 'v1', townId: 't1', districtId: 'd1', date: '2026-12-01' },
    SafetySessionHeld: { sessionId: 's-1', audienceKind: 'village', audienceId: 'v1', townId: 't1', districtId: 'd1', date: '2026-12-01', attendance: 30 },
    PledgeSigned: { userId: 'u-1', pledgeVersion: '2026-1', organizationId: null },
    VolunteerApplied: { applicationId: 'app-1', organizationId: 'org-1' },
    VolunteerApproved: { applicationId: 'app-1', organizationId: 'org-1', userId: 'u-volunteer' },
    VolunteerRefused: { applicationId: 'app-1', organizationId: 'org-1' },
    ActivityPlanned: { activityId: 'a-1', organizationId: 'org1', districtId: 'd1', capacity: 10 },
    ActivitySignedUp: { activityId: 'a-1', organizationId: 'org1', districtId: 'd1', signUpId: 'u-u-1', kind: 'volunteer' },
    ActivityHeld: { activityId: 'a-1', organizationId: 'org1', districtId: 'd1', attended: 3 },
    ActivityCancelled: { activityId: 'a-1', organizationId: 'org1', districtId: 'd1', userIds: ['u-1'] },
    CallbackSampleDrawn: { sampleId: 's-1', regionId: 'd1', month: '2026-10', size: 5 },
    CallbackRecorded: { sampleId: 's-1', childId: 'child-1', outcome: 'confirmed' },
    WorkerEvaluationPublished: { evaluationId: '2026-u-1', workerId: 'u-1', districtId: 'd1', year: 2026, grade: 'qualified' },
    EvaluationReviewRequested: { evaluationId: '2026-u-1', workerId: 'u-1', districtId: 'd1', year: 2026 },
    EvaluationReviewDecided: { evaluationId: '2026-u-1', workerId: 'u-1', districtId: 'd1', year: 2026, outcome: 'upheld', grade: 'qualified' },
    AssessmentRecorded: { childId: 'c-1', assessmentId: 'as-1', townId: 't1', districtId: 'd1', kind: 'first', riskLevel: 'red', previousRiskLevel: 'yellow' },
    RiskLevelOverridden: { childId: 'c-1', townId: 't1', districtId: 'd1', riskLevel: 'green', previousRiskLevel: 'red' },
    CasePlanRecorded: { childId: 'c-1', districtId: 'd1', townId: 't1', planVersion: 1, nextReviewOn: '2027-03-01' },
    CasePlanReviewed: { childId: 'c-1', districtId: 'd1', townId: 't1', reviewId: 'r-1', nextReviewOn: '2027-06-01' },
    CaseClosingAnnounced: { childId: 'c-1', districtId: 'd1', townId: 't1', toldOn: '2027-06-01', earliestClosingOn: '2027-06-08' },
    CaseClosed: { childId: 'c-1', districtId: 'd1', townId: 't1', closedOn: '2027-06-08', followUpEndsOn: '2027-09-08' },
    StateGuardianshipRecorded: { childId: 'c-1', districtId: 'd1', townId: 't1', step: 'placed', cleared: null, on: '2027-01-05' },
    HandbookHandedOver: { childId: 'c-1', districtId: 'd1', townId: 't1', on: '2027-01-05' },
  };
  return newEvent(detailType, (detail ?? defaults[detailType]) as EventOf<T>['detail'], {
    id: newEventId(),
    occurredAt,
    actorId: 'u-1',
  });
}

/** The product's consumers over a test table, with this clock. */
export function consumersOver(table: TestTable, clock: () => Date) {
  return createRuntime({ tableName: table.tableName, client: table.client, clock, newId: newEventId }).consumers;
}

/** Writes the events as the use cases do: outbox items in one transaction (each of these its own change). */
export async function writeOutbox(table: TestTable, events: readonly DomainEvent[]): Promise<void> {
  for (let start = 0; start < events.length; start += 100) {
    await table.client.send(new TransactWriteCommand({ TransactItems: outboxPuts(table.tableName, events.slice(start, start + 100)) }));
  }
}

/** A child with a team (social worker sw-1, supervisor sup-1) and two guardians, one of whom has an account. */
export function childWithTeam(id: string, overrides: Partial<Child> = {}): Child {
  return makeChild(id, {
    guardians: [guardian('g-1', '李大山'), guardian(null, '王秀英')],
    team: team('sw-1', 'sup-1', 'dir-1'),
    ...overrides,
  });
}

/** A home visit by sw-1 that the guardian g-1 disputed (not visited, with a note). */
export function disputedVisitOf(child: Child): Visit {
  const startedAt = '2026-11-23T09:00:00+08:00';
  const draft = draftVisit(
    {
      kind: 'homeVisit',
      purpose: 'routine',
      startedAt,
      endedAt: '2026-11-23T11:30:00+08:00',
      location: null,
      participantIds: ['sw-1', 'dir-1'],
      companionNames: [],
      contactChannel: null,
      services: [],
      notes: '',
      problemsFound: '',
    },
    {
      id: visitIdOf(startedAt, newEventId().slice(0, 8)),
      child,
      recordedBy: 'sw-1',
      recordedAt: new Date('2026-11-23T04:00:00.000Z'),
      r3: { applies: true, met: true, shortfalls: [] },
    },
  );
  const visit: Visit = { ...draft, sequence: 1, previousHash: '', hash: 'a'.repeat(64) };
  return answerVisit(visit, { decision: 'dispute', reasons: ['notVisited'], note: '那天家里没人', version: 1 }, 'g-1', new Date('2026-11-23T06:00:00.000Z'));
}

/** The child and the visit as stored records, put directly: the consumers only read them by id. */
export async function putChildAndVisit(table: TestTable, child: Child, visit: Visit): Promise<void> {
  await table.client.send(new PutCommand({ TableName: table.tableName, Item: childItem(child) }));
  await table.client.send(new PutCommand({ TableName: table.tableName, Item: visitItem(visit) }));
}

export function visitEventIds(child: Child, visit: Visit) {
  return { childId: child.id, visitId: visit.id, districtId: child.region.districtId, townId: child.region.townId };
}
