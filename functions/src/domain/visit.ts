import { z } from 'zod';
import { eventInstantSchema } from './date-bounds.js';
import { idSchema, regionPathSchema } from './region.js';
import { multiLineText, singleLineText } from './text.js';

/** A home visit (入户走访) or a lighter contact (联系: phone or message). */
export const visitKinds = ['homeVisit', 'contact'] as const;
export const visitKindSchema = z.enum(visitKinds);
export type VisitKind = z.infer<typeof visitKindSchema>;

/** Why the visit was made: it may also complete a reassessment (R21) or an R19 follow-up. */
export const visitPurposes = ['routine', 'reassessment', 'followUp'] as const;
export const visitPurposeSchema = z.enum(visitPurposes);

/** Services of 000 §五.1. */
export const visitServices = [
  'guardianshipGuidance', // 监护指导
  'educationSupport', // 教育支持
  'dailyCare', // 生活照料
  'psychologicalSupport', // 心理疏导
  'behaviourCorrection', // 行为矫治
  'socialIntegration', // 社会融入
] as const;
export const visitServiceSchema = z.enum(visitServices);
export type VisitService = z.infer<typeof visitServiceSchema>;

export const contactChannels = ['phone', 'message', 'videoCall'] as const;
export const contactChannelSchema = z.enum(contactChannels);

/** From wx.getLocation or browser geolocation; null when the worker refused or it was unavailable (recorded as missing). */
export const visitLocationSchema = z
  .object({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    accuracyMeters: z.number().nonnegative().max(100_000).nullable(),
  })
  .strict();
export type VisitLocation = z.infer<typeof visitLocationSchema>;

const instantSchema = z.iso.datetime({ offset: true });

export const checkInInputSchema = z
  .object({
    kind: visitKindSchema,
    purpose: visitPurposeSchema.default('routine'),
    startedAt: eventInstantSchema,
    endedAt: eventInstantSchema,
    location: visitLocationSchema.nullable(),
    /** Accounts of the people who came (the worker checking in among them). */
    participantIds: z.array(idSchema).min(1).max(10),
    /** People who came without an account (e.g. a teacher), by name. */
    companionNames: z.array(singleLineText(50)).max(10).default([]),
    /** Required for a contact, absent for a home visit. */
    contactChannel: contactChannelSchema.nullable().default(null),
    services: z.array(visitServiceSchema).max(visitServices.length).default([]),
    /** The service record (个案服务记录). */
    notes: multiLineText(4000, { min: 0 }).default(''),
    problemsFound: multiLineText(2000, { min: 0 }).default(''),
  })
  .strict();
export type CheckInInput = z.infer<typeof checkInInputSchema>;

/** R3 (000 §五.4), judged when the district's policy includes R3: accepted either way, marked when short. */
export const r3AssessmentSchema = z
  .object({
    applies: z.boolean(),
    met: z.boolean(),
    /** Chinese reasons, e.g. 入户时长不足2小时. */
    shortfalls: z.array(z.string()),
  })
  .strict();
export type R3Assessment = z.infer<typeof r3AssessmentSchema>;

export const disputeReasons = ['notVisited', 'wrongTime', 'wrongPeople', 'other'] as const;
export const disputeReasonSchema = z.enum(disputeReasons);
export type DisputeReason = z.infer<typeof disputeReasonSchema>;

export const confirmationStates = ['pending', 'confirmed', 'disputed'] as const;
export const confirmationStateSchema = z.enum(confirmationStates);
export type ConfirmationState = z.infer<typeof confirmationStateSchema>;

/** The guardian's answer; it replaces the signature in the paper care handbook (R3). */
export const confirmationSchema = z
  .object({
    state: confirmationStateSchema,
    byUserId: idSchema.nullable(),
    at: instantSchema.nullable(),
    reasons: z.array(disputeReasonSchema),
    /** Bounded and normalised by confirmVisitInputSchema; read back as written, like all text of a stored visit. */
    note: z.string(),
  })
  .strict();
export type Confirmation = z.infer<typeof confirmationSchema>;

export const confirmVisitInputSchema = z
  .object({
    decision: z.enum(['confirm', 'dispute']),
    reasons: z.array(disputeReasonSchema).max(disputeReasons.length).default([]),
    note: multiLineText(500, { min: 0 }).default(''),
    version: z.number().int().positive(),
  })
  .strict();
export type ConfirmVisitInput = z.infer<typeof confirmVisitInputSchema>;

/**
 * Issue 7, B2: how the supervisor settled a guardian's dispute — the record was right (核实属实), it was not
 * (与记录不符), or someone goes back to the family (已安排重新走访).
 */
export const disputeOutcomes = ['verified', 'notAsRecorded', 'revisitArranged'] as const;
export const disputeOutcomeSchema = z.enum(disputeOutcomes);
export type DisputeOutcome = z.infer<typeof disputeOutcomeSchema>;

export const settleDisputeInputSchema = z
  .object({
    outcome: disputeOutcomeSchema,
    /** What the supervisor found or arranged; every reader of the visit sees it, the family included. */
    note: multiLineText(500),
    version: z.number().int().positive(),
  })
  .strict();
export type SettleDisputeInput = z.infer<typeof settleDisputeInputSchema>;

export const disputeResolutionSchema = z
  .object({
    outcome: disputeOutcomeSchema,
    note: z.string(),
    byUserId: idSchema,
    at: instantSchema,
  })
  .strict();
export type DisputeResolution = z.infer<typeof disputeResolutionSchema>;

/**
 * Issue 7, B3: what the author of a check-in may correct (who came, when, what was done and found); the kind of
 * visit, its purpose and where it was recorded stay as recorded.
 */
export const correctableVisitFields = ['startedAt', 'endedAt', 'participantIds', 'companionNames', 'services', 'notes', 'problemsFound'] as const;
export type CorrectableVisitField = (typeof correctableVisitFields)[number];

const correctionReason = multiLineText(200, { min: 2 });
const visitVersion = z.number().int().positive();

export const visitChangesSchema = z
  .object({
    startedAt: checkInInputSchema.shape.startedAt,
    endedAt: checkInInputSchema.shape.endedAt,
    participantIds: checkInInputSchema.shape.participantIds,
    companionNames: z.array(singleLineText(50)).max(10),
    services: z.array(visitServiceSchema).max(visitServices.length),
    notes: multiLineText(4000, { min: 0 }),
    problemsFound: multiLineText(2000, { min: 0 }),
  })
  .partial()
  .strict();
export type VisitChanges = z.infer<typeof visitChangesSchema>;

export const correctVisitInputSchema = z
  .object({
    version: visitVersion,
    reason: correctionReason,
    changes: visitChangesSchema.refine((changes) => Object.keys(changes).length > 0, '至少更正一项'),
  })
  .strict();
export type CorrectVisitInput = z.infer<typeof correctVisitInputSchema>;

export const withdrawVisitInputSchema = z.object({ version: visitVersion, reason: correctionReason }).strict();
export type WithdrawVisitInput = z.infer<typeof withdrawVisitInputSchema>;

/** The correctable fields as stored: read back exactly as written (the chain's hashes cover them). */
const storedVisitValues = {
  startedAt: z.string(),
  endedAt: z.string(),
  participantIds: z.array(idSchema),
  companionNames: z.array(z.string()),
  services: z.array(visitServiceSchema),
  notes: z.string(),
  problemsFound: z.string(),
};

export const visitCorrectionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('corrected'),
      at: instantSchema,
      byUserId: idSchema,
      reason: z.string(),
      /** Only the fields that changed, with their new values. */
      changes: z.object(storedVisitValues).partial().strict(),
      /** R3 judged again on the corrected facts. */
      r3: r3AssessmentSchema,
    })
    .strict(),
  z.object({ kind: z.literal('withdrawn'), at: instantSchema, byUserId: idSchema, reason: z.string() }).strict(),
]);
export type VisitCorrection = z.infer<typeof visitCorrectionSchema>;

/** The check-in's own values of what was later corrected, kept so that its chain entry still verifies. */
export const visitAsRecordedSchema = z.object({ ...storedVisitValues, r3: r3AssessmentSchema }).strict();
export type VisitAsRecorded = z.infer<typeof visitAsRecordedSchema>;

/**
 * An obligation a visit met when it was checked in, with the due date it had then (issue 9 part 5: whether the visit
 * was on time, and which month's due visit it was). Worked out by the server from the child's obligations, so the
 * chain's check-in entry, which vouches for what the worker recorded, leaves it out.
 */
export const obligationMetSchema = z.object({ key: z.string(), dueDate: z.iso.date() }).strict();
export type ObligationMet = z.infer<typeof obligationMetSchema>;

export const visitSchema = z
  .object({
    id: idSchema,
    childId: idSchema,
    region: regionPathSchema,
    ...checkInInputSchema.shape,
    purpose: visitPurposeSchema,
    // The check-in schema bounded and normalised the text; a stored visit is read back exactly as written, because
    // its hash covers it and normalising it again on read could only ever break the chain.
    companionNames: z.array(z.string()),
    contactChannel: contactChannelSchema.nullable(),
    services: z.array(visitServiceSchema),
    notes: z.string(),
    problemsFound: z.string(),
    locationMissing: z.boolean(),
    recordedBy: idSchema,
    recordedAt: instantSchema,
    r3: r3AssessmentSchema,
    confirmation: confirmationSchema,
    /** The supervisor's settlement of a dispute (issue 7, B2); null until then. Visits stored before have none. */
    resolution: disputeResolutionSchema.nullable().default(null),
    /** The author's corrections and withdrawal, oldest first (issue 7, B3); the values above are the current ones. */
    corrections: z.array(visitCorrectionSchema).max(20).default([]),
    /** The values as first recorded, once a correction changed them; null while none did. */
    asRecorded: visitAsRecordedSchema.nullable().default(null),
    /** Visits stored before issue 9 part 5 met none as far as the counters know. */
    obligationsMet: z.array(obligationMetSchema).max(10).default([]),
    /**
     * The organization whose social worker recorded the visit (R9: the service it gave that month); null for a
     * director's visit, a worker of no organization, and visits stored before issue 9 part 5.
     */
    organizationId: idSchema.nullable().default(null),
    /** Position in the child's hash chain of visit records, from 1. */
    sequence: z.number().int().positive(),
    /** SHA-256 of the previous record in the chain ('' for the first) and of this record with it. */
    previousHash: z.string(),
    hash: z.string(),
    version: z.number().int().positive(),
  })
  .strict();
export type Visit = z.infer<typeof visitSchema>;

/** A withdrawn visit stays on record and on the chain, but completes nothing and asks nobody for an answer. */
export function isWithdrawn(visit: Pick<Visit, 'corrections'>): boolean {
  return visit.corrections.some((correction) => correction.kind === 'withdrawn');
}
