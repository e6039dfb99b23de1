import { z } from '@hono/zod-openapi';
import { childListFilterSchema } from '../domain/child-list-filter.js';
import { childSummarySchema } from '../domain/child-views.js';
import { idSchema, scopeSchema } from '../domain/region.js';
import { roleNames, roleSchema, type User } from '../domain/user.js';

/** Request and response shapes the domain does not already define; explicit fields only (OWASP API3). */
export const sessionUserSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    role: roleSchema,
    roleName: z.string(),
    scope: scopeSchema.nullable(),
    organizationId: idSchema.nullable(),
  })
  .openapi('SessionUser');
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const loginResponseSchema = z
  .object({
    token: z.string(),
    expiresAt: z.iso.datetime({ offset: true }),
    user: sessionUserSchema,
  })
  .openapi('LoginResponse');
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const wechatLoginInputSchema = z
  .object({
    /** The one-time code from `wx.login()`; WeChat's codes are 32 characters. It goes into a URL to WeChat. */
    code: z
      .string()
      .min(1)
      .max(128)
      .regex(/^[\x21-\x7E]+$/, 'visible ASCII characters only'),
  })
  .strict()
  .openapi('WechatLoginInput');

export const meSchema = sessionUserSchema
  .extend({
    /** R8: whether the current child-protection pledge is signed, and whether this role must sign it. */
    pledgeSigned: z.boolean(),
    pledgeRequired: z.boolean(),
    /** The current pledge version, and the version this user last signed (null if none). */
    pledgeVersion: z.string(),
    pledgeSignedVersion: z.string().nullable(),
  })
  .openapi('Me');
export type Me = z.infer<typeof meSchema>;

export const MAX_PAGE_LIMIT = 100;
export const DEFAULT_PAGE_LIMIT = 20;

export const childListQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_LIMIT).default(DEFAULT_PAGE_LIMIT),
    cursor: z
      .string()
      .min(1)
      .max(2048)
      .regex(/^[A-Za-z0-9_\-=.~+/]+$/)
      .optional(),
  })
  .strict();

/**
 * The children's list also takes a search and filters (issue 7, B8); the count takes the same filters. Visits and
 * other paged lists take `childListQuerySchema` alone.
 */
export const childSearchQuerySchema = childListQuerySchema.extend(childListFilterSchema.shape);
export const childCountQuerySchema = childListFilterSchema;

export const filterVillageListSchema = z
  .object({
    items: z.array(z.object({ id: idSchema, name: z.string(), townId: idSchema, townName: z.string() })),
  })
  .openapi('FilterVillageList');

export const childListResponseSchema = z
  .object({
    items: z.array(childSummarySchema),
    nextCursor: z.string().nullable(),
    /** Names of the villages and towns the page's children live in, keyed by region id. */
    regionNames: z.record(z.string(), z.string()),
  })
  .openapi('ChildList');

/**
 * Domain schemas are not given `.openapi()` metadata: zod 4 adds that method only to schemas built after
 * @hono/zod-openapi is loaded, and a domain module may well load first. The generator documents them as they are.
 */
export const childIdParamsSchema = z.object({ id: idSchema });

export function sessionUserOf(user: User): SessionUser {
  return {
    id: user.id,
    name: user.name,
    role: user.role,
    roleName: roleNames[user.role],
    scope: user.scope,
    organizationId: user.organizationId,
  };
}
