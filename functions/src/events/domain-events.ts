import { z } from 'zod';
import { concernChannels, concernStatusSchema } from '../domain/concern.js';
import { escalationLevels } from '../domain/escalation-levels.js';
import { idSchema } from '../domain/region.js';
import { disputeOutcomeSchema } from '../domain/visit.js';

/**
 * The product's domain events (ARCHITECTURE.md, "Use cases, events and jobs"): what a use case records in the same
 * transaction as its change (the outbox), for the relay to publish on the product's own bus. An event carries ids
 * and codes only: never a name, an ID number, a phone number or free text, so a bus, a dead-letter queue or a log
 * that holds it holds no personal data. A consumer reads what it needs by id.
 *
 * `detailType` is EventBridge's `detail-type`; `version` lets a consumer tell a later shape of the same event.
 * `id` is the business key consumers deduplicate on: EventBridge gives a re-sent entry a new id of its own.
 */
export const EVENT_SOURCE = 'shouhu';

const instantSchema = z.iso.datetime({ offset: true });

const envelope = {
  id: idSchema,
  version: z.literal(1),
  occurredAt: instantSchema,
  /** Who caused it: a user id, or 'system' for what the product does by itself (jobs, the demo seed). */
  actorId: idSchema,
};

const visitIds = { childId: idSchema, visitId: idSchema, districtId: idSchema, townId: idSchema };

export const visitRecordedSchema = z
  .object({ ...envelope, detailType: z.literal('VisitRecorded'), detail: z.object({ ...visitIds, r3Met: z.boolean() }).strict() })
  .strict();

export const visitConfirmedSchema = z
  .object({ ...envelope, detailType: z.literal('VisitConfirmed'), detail: z.object(visitIds).strict() })
  .strict();

export const visitDisputedSchema = z
  .object({ ...envelope, detailType: z.literal('VisitDisputed'), detail: z.object(visitIds).strict() })
  .strict();

export const disputeResolvedSchema = z
  .object({
    ...envelope,
    detailType: z.literal('DisputeResolved'),
    detail: z.object({ ...visitIds, outcome: disputeOutcomeSchema }).strict(),
  })
  .strict();

export const visitCorrectedSchema = z
  .object({
    ...envelope,
    detailType: z.literal('VisitCorrected'),
    detail: z.object({ ...visitIds, change: z.enum(['corrected', 'withdrawn']) }).strict(),
  })
  .strict();

export const policyChangedSchema = z
  .object({
    ...envelope,
    detailType: z.literal('PolicyChanged'),
    detail: z.object({ districtId: idSchema, policyVersion: z.number().int().positive() }).strict(),
  })
  .strict();

/**
 * The recomputation a PolicyChanged started stopped at its time budget with children left (issue 9, part 2): written
 * with the saved progress, so the job's next piece is never lost; it names the version it continues.
 */
export const policyRefreshContinuedSchema = z
  .object({
    ...envelope,
    detailType: z.literal('PolicyRefreshContinued'),
    detail: z.object({ districtId: idSchema, policyVersion: z.number().int().positive() }).strict(),
  })
  .strict();

/** Issue 8: concern reports (R17), escalations of difficult cases (R6) and the deadlines that watch both. */
export const concernReportedSchema = z
  .object({
    ...envelope,
    detailType: z.literal('ConcernReported'),
    detail: z
      .object({
        concernId: idSchema,
        childId: idSchema.nullable(),
        villageId: idSchema,
        townId: idSchema,
        districtId: idSchema,
        urgent: z.boolean(),
        channel: z.enum(concernChannels),
      })
      .strict(),
  })
  .strict();

export const concernSteppedSchema = z
  .object({
    ...envelope,
    detailType: z.literal('ConcernStepped'),
    detail: z
      .object({
        concernId: idSchema,
        childId: idSchema.nullable(),
        townId: idSchema,
        districtId: idSchema,
        from: concernStatusSchema,
        to: concernStatusSchema,
      })
      .strict(),
  })
  .strict();

export const concernRaisedSchema = z
  .object({
    ...envelope,
    detailType: z.literal('ConcernRaised'),
    detail: z
      .object({ concernId: idSchema, townId: idSchema, districtId: idSchema, to: z.enum(['town', 'district']) })
      .strict(),
  })
  .strict();

const escalationIds = { escalationId: idSchema, childId: idSchema, level: z.enum(escalationLevels) };

export const escalationRaisedSchema = z
  .object({
    ...envelope,
    detailType: z.literal('EscalationRaised'),
    detail: z.object({ ...escalationIds, townId: idSchema, districtId: idSchema, urgent: z.boolean() }).strict(),
  })
  .strict();

export const escalationAcknowledgedSchema = z
  .object({ ...envelope, detailType: z.literal('EscalationAcknowledged'), detail: z.object(escalationIds).strict() })
  .strict();

export const escalationResolvedSchema = z
  .object({ ...envelope, detailType: z.literal('EscalationResolved'), detail: z.object(escalationIds).strict() })
  .strict();

/**
 * A level let its acknowledgement deadline pass (issue 8, part 4): the case is marked overdue in the same transaction,
 * and the consumer reminds the level's people. Its own event, so the reminder is sent once however often it is tried.
 */
export const escalationOverdueSchema = z
  .object({ ...envelope, detailType: z.literal('EscalationOverdue'), detail: z.object(escalationIds).strict() })
  .strict();

/**
 * A one-off timer fired (issue 8, part 5): what was due by then is checked by its handler, which does nothing when it
 * was met meanwhile. `deadlineId` is deterministic (subject, level, what), so scheduling twice is one timer.
 */
export const deadlineReachedSchema = z
  .object({
    ...envelope,
    detailType: z.literal('DeadlineReached'),
    detail: z
      .object({
        deadlineId: idSchema,
        subject: z.enum(['concern', 'escalation']),
        subjectId: idSchema,
        level: z.enum(escalationLevels),
        due: z.literal('acknowledge'),
      })
      .strict(),
  })
  .strict();

/** Issue 11 part 3, R12: a safety-education session planned for, or held with, a village, a town or a school. */
const safetySessionIds = {
  sessionId: idSchema,
  audienceKind: z.enum(['village', 'town', 'school']),
  audienceId: idSchema,
  townId: idSchema,
  districtId: idSchema,
  date: z.iso.date(),
};

export const safetySessionPlannedSchema = z
  .object({ ...envelope, detailType: z.literal('SafetySessionPlanned'), detail: z.object(safetySessionIds).strict() })
  .strict();

export const safetySessionHeldSchema = z
  .object({
    ...envelope,
    detailType: z.literal('SafetySessionHeld'),
    detail: z.object({ ...safetySessionIds, attendance: z.number().int().positive() }).strict(),
  })
  .strict();

/**
 * R8: a user signed a version of the child-protection pledge (issue 11). Ids and the version only: the typed name and
 * the signature image stay in the signature record.
 */
export const pledgeSignedSchema = z
  .object({
    ...envelope,
    detailType: z.literal('PledgeSigned'),
    detail: z.object({ userId: idSchema, pledgeVersion: z.string().regex(/^\d{4}-\d{1,2}$/), organizationId: idSchema.nullable() }).strict(),
  })
  .strict();

/**
 * Issue 11 part 2: a volunteer applied to an organization, and its admin approved (an account was created) or refused.
 * Ids only: the applicant's name and phone stay in the application.
 */
const volunteerApplicationIds = { applicationId: idSchema, organizationId: idSchema };

export const volunteerAppliedSchema = z
  .object({ ...envelope, detailType: z.literal('VolunteerApplied'), detail: z.object(volunteerApplicationIds).strict() })
  .strict();

export const volunteerApprovedSchema = z
  .object({
    ...envelope,
    detailType: z.literal('VolunteerApproved'),
    detail: z.object({ ...volunteerApplicationIds, userId: idSchema }).strict(),
  })
  .strict();

export const volunteerRefusedSchema = z
  .object({ ...envelope, detailType: z.literal('VolunteerRefused'), detail: z.object(volunteerApplicationIds).strict() })
  .strict();

/** Issue 11 part 4, R5: group activities. Ids only: who signed up is read by id, never carried. */
const activityIds = { activityId: idSchema, organizationId: idSchema, districtId: idSchema };

export const activityPlannedSchema = z
  .object({ ...envelope, detailType: z.literal('ActivityPlanned'), detail: z.object({ ...activityIds, capacity: z.number().int().positive() }).strict() })
  .strict();

export const activitySignedUpSchema = z
  .object({
    ...envelope,
    detailType: z.literal('ActivitySignedUp'),
    detail: z.object({ ...activityIds, signUpId: idSchema, kind: z.enum(['volunteer', 'child']) }).strict(),
  })
  .strict();

export const activityHeldSchema = z
  .object({ ...envelope, detailType: z.literal('ActivityHeld'), detail: z.object({ ...activityIds, attended: z.number().int().nonnegative() }).strict() })
  .strict();

/**
 * The consumer tells each signed-up person (a volunteer, a child's guardian) through their inbox
 * (notify-activity-cancelled.ts); their user ids travel with it, as the sign-ups are closed from then on.
 */
export const activityCancelledSchema = z
  .object({
    ...envelope,
    detailType: z.literal('ActivityCancelled'),
    detail: z.object({ ...activityIds, userIds: z.array(idSchema).max(90) }).strict(),
  })
  .strict();

/** Issue 12 part 6, seed 000 §六(一): an officer drew a callback sample, and recorded one family's callback. Ids and codes only. */
export const callbackSampleDrawnSchema = z
  .object({
    ...envelope,
    detailType: z.literal('CallbackSampleDrawn'),
    detail: z.object({ sampleId: idSchema, regionId: idSchema, month: z.string().regex(/^\d{4}-\d{2}$/), size: z.number().int().min(0) }).strict(),
  })
  .strict();

export const callbackRecordedSchema = z
  .object({
    ...envelope,
    detailType: z.literal('CallbackRecorded'),
    detail: z.object({ sampleId: idSchema, childId: idSchema, outcome: z.enum(['confirmed', 'notConfirmed', 'unreachable']) }).strict(),
  })
  .strict();

/** Issue 12 part 7, R23: a worker's yearly grade published, a review asked for, and decided. The grade is a code. */
const evaluationIds = { evaluationId: idSchema, workerId: idSchema, districtId: idSchema, year: z.number().int().min(2020).max(2100) };
const gradeCode = z.enum(['excellent', 'qualified', 'improve']);

export const workerEvaluationPublishedSchema = z
  .object({ ...envelope, detailType: z.literal('WorkerEvaluationPublished'), detail: z.object({ ...evaluationIds, grade: gradeCode }).strict() })
  .strict();

export const evaluationReviewRequestedSchema = z
  .object({ ...envelope, detailType: z.literal('EvaluationReviewRequested'), detail: z.object(evaluationIds).strict() })
  .strict();

export const evaluationReviewDecidedSchema = z
  .object({
    ...envelope,
    detailType: z.literal('EvaluationReviewDecided'),
    detail: z.object({ ...evaluationIds, outcome: z.enum(['upheld', 'changed']), grade: gradeCode }).strict(),
  })
  .strict();

/**
 * Issue 12, R18: a guardianship assessment recorded, with the child's new risk level (a code), written in the same
 * transaction as the assessment and the child; a supervisor's override of the level likewise (its reason stays in
 * the child's record, not here: free text).
 */
const riskLevelCode = z.enum(['red', 'yellow', 'green']);
export const assessmentRecordedSchema = z
  .object({
    ...envelope,
    detailType: z.literal('AssessmentRecorded'),
    detail: z
      .object({ childId: idSchema, assessmentId: idSchema, townId: idSchema, districtId: idSchema, kind: z.enum(['first', 'yearly', 'reassessment']), riskLevel: riskLevelCode, previousRiskLevel: riskLevelCode })
      .strict(),
  })
  .strict();

export const riskLevelOverriddenSchema = z
  .object({
    ...envelope,
    detailType: z.literal('RiskLevelOverridden'),
    detail: z.object({ childId: idSchema, townId: idSchema, districtId: idSchema, riskLevel: riskLevelCode, previousRiskLevel: riskLevelCode }).strict(),
  })
  .strict();

/**
 * Issue 12 parts 2 and 3: a child's case (R2 plan, R15 reviews and closing, R22 temporary state guardianship). Ids,
 * dates and codes only: the plan's words stay in the plan.
 */
const caseIds = { childId: idSchema, districtId: idSchema, townId: idSchema };
const dateSchema = z.iso.date();

export const casePlanRecordedSchema = z
  .object({ ...envelope, detailType: z.literal('CasePlanRecorded'), detail: z.object({ ...caseIds, planVersion: z.number().int().positive(), nextReviewOn: dateSchema }).strict() })
  .strict();

export const casePlanReviewedSchema = z
  .object({ ...envelope, detailType: z.literal('CasePlanReviewed'), detail: z.object({ ...caseIds, reviewId: idSchema, nextReviewOn: dateSchema }).strict() })
  .strict();

export const caseClosingAnnouncedSchema = z
  .object({ ...envelope, detailType: z.literal('CaseClosingAnnounced'), detail: z.object({ ...caseIds, toldOn: dateSchema, earliestClosingOn: dateSchema }).strict() })
  .strict();

export const caseClosedSchema = z
  .object({ ...envelope, detailType: z.literal('CaseClosed'), detail: z.object({ ...caseIds, closedOn: dateSchema, followUpEndsOn: dateSchema }).strict() })
  .strict();

export const stateGuardianshipRecordedSchema = z
  .object({
    ...envelope,
    detailType: z.literal('StateGuardianshipRecorded'),
    detail: z.object({ ...caseIds, step: z.enum(['placed', 'evaluated', 'collected']), cleared: z.boolean().nullable(), on: dateSchema }).strict(),
  })
  .strict();

export const handbookHandedOverSchema = z
  .object({ ...envelope, detailType: z.literal('HandbookHandedOver'), detail: z.object({ ...caseIds, on: dateSchema }).strict() })
  .strict();

export const domainEventSchema = z.discriminatedUnion('detailType', [
  assessmentRecordedSchema,
  riskLevelOverriddenSchema,
  visitRecordedSchema,
  visitConfirmedSchema,
  visitDisputedSchema,
  disputeResolvedSchema,
  visitCorrectedSchema,
  policyChangedSchema,
  policyRefreshContinuedSchema,
  concernReportedSchema,
  concernSteppedSchema,
  concernRaisedSchema,
  escalationRaisedSchema,
  escalationAcknowledgedSchema,
  escalationResolvedSchema,
  escalationOverdueSchema,
  deadlineReachedSchema,
  safetySessionPlannedSchema,
  safetySessionHeldSchema,
  pledgeSignedSchema,
  volunteerAppliedSchema,
  volunteerApprovedSchema,
  volunteerRefusedSchema,
  activityPlannedSchema,
  activitySignedUpSchema,
  activityHeldSchema,
  activityCancelledSchema,
  callbackSampleDrawnSchema,
  callbackRecordedSchema,
  workerEvaluationPublishedSchema,
  evaluationReviewRequestedSchema,
  evaluationReviewDecidedSchema,
  casePlanRecordedSchema,
  casePlanReviewedSchema,
  caseClosingAnnouncedSchema,
  caseClosedSchema,
  stateGuardianshipRecordedSchema,
  handbookHandedOverSchema,
]);
export type DomainEvent = z.infer<typeof domainEventSchema>;
export type DomainEventType = DomainEvent['detailType'];
export type EventOf<T extends DomainEventType> = Extract<DomainEvent, { detailType: T }>;
export { disputeOutcomes, type DisputeOutcome } from '../domain/visit.js';

/** A new event with its envelope filled in; the caller gives the kind, the detail and who caused it. */
export function newEvent<T extends DomainEventType>(
  detailType: T,
  detail: EventOf<T>['detail'],
  meta: { id: string; occurredAt: Date; actorId: string },
): EventOf<T> {
  return domainEventSchema.parse({
    id: meta.id,
    version: 1,
    occurredAt: meta.occurredAt.toISOString(),
    actorId: meta.actorId,
    detailType,
    detail,
  }) as EventOf<T>;
}
