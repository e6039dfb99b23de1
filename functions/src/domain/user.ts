import { z } from 'zod';
import { idSchema, scopeSchema } from './region.js';
import { currentPledgeText } from './pledge-texts.js';
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

/** A pledge text's version id, `<year>-<n>` (pledge-texts.ts). */
export const pledgeVersionSchema = z.string().regex(/^\d{4}-\d{1,2}$/, 'a pledge version such as 2026-1');

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
    /** R8: when the user last signed the child-protection pledge, or null; `pledgeVersion` says which text. */
    pledgeSignedAt: z.iso.datetime({ offset: true }).nullable(),
    /**
     * R8: the version of the pledge text signed (pledge-texts.ts), or null. Only the current version counts
     * (`actorOf`); records from before versions existed carry none and so count as not signed.
     */
    pledgeVersion: pledgeVersionSchema.nullable().default(null),
    version: z.number().int().nonnegative(),
  })
  .strict();
export type User = z.infer<typeof userSchema>;

/**
 * What a request knows about who is asking: enough to decide access without another read. `pledgeSignedAt` is when
 * the **current** pledge version was signed (R8), null if the user signed none or an older one.
 */
export type Actor = Pick<User, 'id' | 'role' | 'scope' | 'organizationId' | 'pledgeSignedAt'>;

/**
 * The actor of a user record. R8: a signature counts only for the current pledge text, so publishing a new version
 * (appending a text) makes everyone sign again without touching a single record. `currentVersion` is the catalogue's
 * newest by default; a caller (or a test) may name another.
 */
export function actorOf(user: User, currentVersion: string = currentPledgeText().id): Actor {
  const { id, role, scope, organizationId } = user;
  return { id, role, scope, organizationId, pledgeSignedAt: signedCurrentPledgeAt(user, currentVersion) };
}

/** R8: when the user signed the current pledge version, or null. */
export function signedCurrentPledgeAt(user: Pick<User, 'pledgeSignedAt' | 'pledgeVersion'>, currentVersion: string = currentPledgeText().id): string | null {
  return user.pledgeVersion === currentVersion ? user.pledgeSignedAt : null;
}

/**
 * Who a verified session token says is asking, before anything is read: enough to attribute a refusal, not to decide
 * access (the account may have changed since the token was issued). Use cases read the user with their first batch.
 */
export interface Principal {
  userId: string;
  role: Role;
}
