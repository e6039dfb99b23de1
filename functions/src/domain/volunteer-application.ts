import { z } from 'zod';
import { idSchema } from './region.js';
import { singleLineText } from './text.js';
import { phoneSchema } from './user.js';

/**
 * Issue 11 part 2: a volunteer (志愿者) registers from the mini-program without a prior account. WeChat identifies the
 * applicant (an openid, sealed in a registration ticket); the application names the organization, which its
 * organization admin approves (an account is created and bound to the openid) or refuses with a reason.
 * One application per WeChat user: sent again, it is the same application.
 */
export const volunteerApplicationStatuses = ['pending', 'approved', 'refused'] as const;
export const volunteerApplicationStatusSchema = z.enum(volunteerApplicationStatuses);
export type VolunteerApplicationStatus = z.infer<typeof volunteerApplicationStatusSchema>;

/** What the applicant types: the ticket travels beside it (the API opens it). */
export const volunteerApplicationFieldsSchema = z
  .object({
    name: singleLineText(50),
    phone: phoneSchema,
    organizationId: idSchema,
  })
  .strict();
export type VolunteerApplicationFields = z.infer<typeof volunteerApplicationFieldsSchema>;

const reviewerSchema = z.object({ id: idSchema, name: z.string() }).strict();

export const volunteerApplicationSchema = z
  .object({
    id: idSchema,
    /** Who applied, as WeChat knows them: bound to the account on approval; never shown to anyone. */
    wechatOpenId: z.string().min(1).max(128),
    name: z.string(),
    phone: phoneSchema,
    organizationId: idSchema,
    status: volunteerApplicationStatusSchema,
    appliedAt: z.iso.datetime({ offset: true }),
    reviewedAt: z.iso.datetime({ offset: true }).nullable(),
    reviewedBy: reviewerSchema.nullable(),
    /** Required with a refusal, shown to the applicant. */
    refusalReason: z.string().nullable(),
    /** The account approval created. */
    userId: idSchema.nullable(),
    version: z.int().positive(),
  })
  .strict();
export type VolunteerApplication = z.infer<typeof volunteerApplicationSchema>;

/** The admin's decision, over the version they read: approve and refuse racing, one wins and the other is a 409. */
export const approveApplicationInputSchema = z
  .object({
    version: z.int().positive(),
    /** The town the volunteer serves in (their account's scope); none when omitted. */
    townId: idSchema.nullable().optional(),
  })
  .strict();
export type ApproveApplicationInput = z.infer<typeof approveApplicationInputSchema>;

export const refuseApplicationInputSchema = z
  .object({
    version: z.int().positive(),
    reason: singleLineText(200),
  })
  .strict();
export type RefuseApplicationInput = z.infer<typeof refuseApplicationInputSchema>;

export function isReviewed(application: Pick<VolunteerApplication, 'status'>): boolean {
  return application.status !== 'pending';
}

/** What the applicant and the admin read; never the code. */
export const volunteerApplicationStatusNames: Record<VolunteerApplicationStatus, string> = {
  pending: '审核中',
  approved: '已通过',
  refused: '未通过',
};
