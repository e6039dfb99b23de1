import { z } from '@hono/zod-openapi';
import { idSchema } from '../domain/region.js';
import { photoProblemOf, photoTypeOf, type PhotoType } from '../domain/safety-photo.js';
import { MAX_ATTENDANCE, MAX_SESSION_PHOTOS, audienceKinds, safetySessionStatuses } from '../domain/safety-session.js';
import { safetyTopics } from '../domain/safety-topics.js';

/**
 * A photo arrives base64-encoded in the JSON body; its type is decided by its magic bytes and its size after decoding
 * (safety-photo.ts), and a refusal names the photo (`photos.0`). The text may be longer than the limit allows, so a
 * photo that is too big is told so in those words rather than as a string too long.
 */
const MAX_PHOTO_TEXT = 600_000;

/** What the hold route's body may weigh: its photos' text and a little JSON around them (the API's 64 KiB cap is lifted there). */
export const HOLD_BODY_MAX_BYTES = MAX_SESSION_PHOTOS * MAX_PHOTO_TEXT + 16 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const photoUploadSchema = z
  .string()
  .max(MAX_PHOTO_TEXT, '照片过大，请压缩后再上传')
  .transform((text, ctx): { type: PhotoType; bytes: Uint8Array } => {
    const bytes = BASE64.test(text) ? new Uint8Array(Buffer.from(text, 'base64')) : new Uint8Array();
    const problem = BASE64.test(text) ? photoProblemOf(bytes) : '照片编码不正确（应为 base64）';
    if (problem !== null) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    return { type: photoTypeOf(bytes)!, bytes };
  })
  .openapi({ type: 'string', format: 'byte', description: 'JPEG 或 PNG 照片（base64），不超过 300 KB' });

export const holdSessionInputSchema = z
  .object({
    version: z.int().positive(),
    attendance: z.int().min(1).max(MAX_ATTENDANCE),
    photos: z.array(photoUploadSchema).min(1).max(MAX_SESSION_PHOTOS),
  })
  .strict();

export const sessionParamsSchema = z.object({ sessionId: idSchema });
export const photoParamsSchema = z.object({ sessionId: idSchema, index: z.enum(['0', '1']) });
export const townParamsSchema = z.object({ townId: idSchema });
export const districtParamsSchema = z.object({ districtId: idSchema });

const topicSchema = z.enum(safetyTopics);
const named = z.object({ id: idSchema, name: z.string() });

export const safetySessionViewSchema = z
  .object({
    id: idSchema,
    topics: z.array(topicSchema),
    topicNames: z.array(z.string()),
    date: z.string(),
    place: z.string(),
    audience: z.object({ kind: z.enum(audienceKinds), id: idSchema, name: z.string(), townId: idSchema, districtId: idSchema }),
    organizerName: z.string(),
    status: z.enum(safetySessionStatuses),
    statusName: z.string(),
    attendance: z.number().int().nullable(),
    photoCount: z.number().int(),
    cancelReason: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('SafetySession');

export const safetyScheduleSchema = z
  .object({
    today: z.string(),
    districtId: idSchema,
    villageId: idSchema.nullable(),
    towns: z.array(named.extend({ villages: z.array(named), schools: z.array(named) })),
    topics: z.array(z.object({ code: topicSchema, name: z.string() })),
    seasonalHint: z.string().nullable(),
    sessions: z.array(safetySessionViewSchema),
  })
  .openapi('SafetySchedule');

const trackerItemSchema = z.object({
  requirement: z.string(),
  requirementName: z.string(),
  period: z.string(),
  from: z.string(),
  until: z.string(),
  state: z.enum(['done', 'planned', 'due']),
  stateName: z.string(),
  sessionDate: z.string().nullable(),
  fallingDue: z.boolean(),
});

export const townTrackerSchema = z
  .object({
    today: z.string(),
    town: named,
    seasonalHint: z.string().nullable(),
    rows: z.array(z.object({ kind: z.enum(['village', 'town', 'school']), id: idSchema, name: z.string(), townId: idSchema, items: z.array(trackerItemSchema) })),
  })
  .openapi('SafetyTownTracker');

export const districtTrackerSchema = z
  .object({
    today: z.string(),
    district: named,
    towns: z.array(
      z.object({
        townId: idSchema,
        name: z.string(),
        quarterDone: z.boolean(),
        villages: z.number().int(),
        villagesDone: z.number().int(),
        schools: z.number().int(),
        schoolsDone: z.number().int(),
        fallingDue: z.number().int(),
      }),
    ),
  })
  .openapi('SafetyDistrictTracker');

export const upcomingSessionsSchema = z
  .object({
    items: z.array(z.object({ id: idSchema, date: z.string(), topicNames: z.array(z.string()), place: z.string(), audienceName: z.string() })),
  })
  .openapi('UpcomingSafetySessions');
