import { z } from 'zod';
import { idSchema } from './region.js';
import { safetyTopics } from './safety-topics.js';
import { singleLineText } from './text.js';

/**
 * R12 (001 §二.5; 002 §六(五); 004 §二(六)): a safety-education session (安全教育) for one audience, a village, a town or
 * a school, planned, then held (with the attendance and one or two photos) or cancelled. Updates carry a version.
 */
export const safetyTopicSchema = z.enum(safetyTopics);

export const audienceKinds = ['village', 'town', 'school'] as const;
export type AudienceKind = (typeof audienceKinds)[number];

export const audienceKindNames: Record<AudienceKind, string> = { village: '村（居）', town: '镇（街道）', school: '学校' };

export const safetySessionStatuses = ['planned', 'held', 'cancelled'] as const;
export type SafetySessionStatus = (typeof safetySessionStatuses)[number];

export const safetySessionStatusNames: Record<SafetySessionStatus, string> = { planned: '已计划', held: '已开展', cancelled: '已取消' };

const dateSchema = z.iso.date();

/** At most two photos of a held session (each its own item, see safety-photos.ts). */
export const MAX_SESSION_PHOTOS = 2;

/** Which audience a plan names: its kind and the village's, town's or school's id. */
export const audienceRefSchema = z.object({ kind: z.enum(audienceKinds), id: idSchema }).strict();
export type AudienceRef = z.infer<typeof audienceRefSchema>;

export const planSessionInputSchema = z
  .object({
    topics: z
      .array(safetyTopicSchema)
      .min(1)
      .max(safetyTopics.length)
      .refine((topics) => new Set(topics).size === topics.length, '主题不能重复'),
    date: dateSchema,
    place: singleLineText(100),
    audience: audienceRefSchema,
  })
  .strict();
export type PlanSessionInput = z.infer<typeof planSessionInputSchema>;

export const cancelSessionInputSchema = z
  .object({ version: z.int().positive(), reason: singleLineText(200) })
  .strict();
export type CancelSessionInput = z.infer<typeof cancelSessionInputSchema>;

/** The most people one session is recorded with: a school's assembly hall, not a typo's thousands. */
export const MAX_ATTENDANCE = 5_000;

/** The audience as stored: where it sits (the session's town holds its partition) and its name as shown. */
export const sessionAudienceSchema = z
  .object({
    kind: z.enum(audienceKinds),
    id: idSchema,
    name: z.string(),
    districtId: idSchema,
    townId: idSchema,
  })
  .strict();
export type SessionAudience = z.infer<typeof sessionAudienceSchema>;

export const safetySessionSchema = z
  .object({
    id: idSchema,
    topics: z.array(safetyTopicSchema).min(1),
    date: dateSchema,
    place: z.string(),
    audience: sessionAudienceSchema,
    organizer: z.object({ id: idSchema, name: z.string() }).strict(),
    status: z.enum(safetySessionStatuses),
    attendance: z.int().min(1).max(MAX_ATTENDANCE).nullable(),
    photoCount: z.int().min(0).max(MAX_SESSION_PHOTOS),
    cancelReason: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
    version: z.int().positive(),
  })
  .strict();
export type SafetySession = z.infer<typeof safetySessionSchema>;

export type SessionChange = 'hold' | 'cancel';

/** Planned → held or cancelled; nothing else moves (a held session is a record, a cancelled one stays cancelled). */
export function canChange(session: Pick<SafetySession, 'status'>): boolean {
  return session.status === 'planned';
}
