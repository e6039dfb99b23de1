import { z } from 'zod';
import { idSchema, scopeSchema } from './region.js';
import { singleLineText } from './text.js';

export { roleNames } from './labels.js';

/** Roles of DOMAIN.md's glossary; their Chinese names are in labels.ts. */
export const roles = [
  'guardian',
  'director',
  'supervisor',
  'socialWorker',
  'volunteer',
  'orgAdmin',
  'districtOfficer',
  'cityOfficer',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** R8: these roles sign the child-protection pledge before they may handle any child's data. */
export const rolesThatSignThePledge: readonly Role[] = ['socialWorker', 'orgAdmin', 'volunteer'];

export const phoneSchema = z.string().regex(/^1\d{10}$/, 'an 11-digit mainland mobile number');

export const userSchema = z
  .object({
    id: idSchema,
    name: singleLineText(50),
    role: roleSchema,
    /** Guardians and social workers carry no regional scope; everyone else acts within one region. */
    scope: scopeSchema.nullable(),
    organizationId: idSchema.nullable(),
    phone: phoneSchema.nullable(),
    /** The WeChat openid this account logs in with; bound once by an officer or on invitation. */
    wechatOpenId: z.string().min(1).max(128).nullable(),
    /** R8: when the current child-protection pledge was signed, or null. */
    pledgeSignedAt: z.iso.datetime({ offset: true }).nullable(),
    version: z.number().int().nonnegative(),
  })
  .strict();
export type User = z.infer<typeof userSchema>;

/** What a request knows about who is asking: enough to decide access without another read. */
export type Actor = Pick<User, 'id' | 'role' | 'scope' | 'organizationId' | 'pledgeSignedAt'>;

export function actorOf(user: User): Actor {
  const { id, role, scope, organizationId, pledgeSignedAt } = user;
  return { id, role, scope, organizationId, pledgeSignedAt };
}

/**
 * Who a verified session token says is asking, before anything is read: enough to attribute a refusal, not to decide
 * access (the account may have changed since the token was issued). Use cases read the user with their first batch.
 */
export interface Principal {
  userId: string;
  role: Role;
}
