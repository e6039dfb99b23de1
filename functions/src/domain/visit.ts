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
    /** Position in the child's hash chain of visit records, from 1. */
    sequence: z.number().int().positive(),
    /** SHA-256 of the previous record in the chain ('' for the first) and of this record with it. */
    previousHash: z.string(),
    hash: z.string(),
    version: z.number().int().positive(),
  })
  .strict();
export type Visit = z.infer<typeof visitSchema>;
