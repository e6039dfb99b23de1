import { z } from 'zod';
import { eventDateSchema } from './date-bounds.js';

/**
 * R19 (003 §78–79): events that start a period of weekly follow-up visits. Recorded on the child; the policy
 * engine turns each into a follow-up obligation until its period ends.
 */
export const guardianshipRevocationReasons = [
  'sexualAbuse', // 性侵害 — 6 months
  'sale', // 出卖 — 6 months
  'abandonment', // 遗弃 — 6 months
  'abuseOrViolence', // 虐待、暴力伤害 — 6 months
  'leftUnattendedInDanger', // 放任处于危险状态 — 3 months
  'displacedWithoutMeans', // 流浪乞讨、无生活来源 — 2 months
  'parentAddiction', // 吸毒、赌博、酗酒 — 1 month
  'forcedBegging', // 胁迫乞讨 — 1 month
  'instigatedIntoCrime', // 教唆犯罪 — 3 months
  'otherSeriousInfringement', // 其他严重侵害 — 1 month
] as const;
export const guardianshipRevocationReasonSchema = z.enum(guardianshipRevocationReasons);
export type GuardianshipRevocationReason = z.infer<typeof guardianshipRevocationReasonSchema>;

export const followUpTriggerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('returnedHome'), on: eventDateSchema }).strict(),
  z
    .object({
      kind: z.literal('guardianshipRevoked'),
      on: eventDateSchema,
      reason: guardianshipRevocationReasonSchema,
    })
    .strict(),
]);
export type FollowUpTrigger = z.infer<typeof followUpTriggerSchema>;
