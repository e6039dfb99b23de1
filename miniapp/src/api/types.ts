/**
 * Request and response shapes of the API, taken from its zod schemas. Everything here is `import type`: nothing
 * of zod or the schemas exists at run time, so none of it reaches the mini-program bundle.
 */
import type { z } from 'zod';
import type {
  childListResponseSchema,
  LoginResponse,
  Me as ApiMe,
  SessionUser as ApiSessionUser,
} from '../../../functions/src/api/schemas';
import type { ChildDetail, ChildSummary } from '../../../functions/src/domain/child-views';
import type { Scope } from '../../../functions/src/domain/region';
import type { Role } from '../../../functions/src/domain/user';

export type { ChildDetail, ChildSummary, Role, Scope };

/** Who is logged in, as login and /me describe them. */
export type SessionUser = ApiSessionUser & {
  /** The scope region's name (e.g. 青松村) when known: the demo login list has it, login answers do not (yet). */
  scopeName?: string | null;
};

export type LoginResult = Omit<LoginResponse, 'user'> & { user: SessionUser };

/** /me: the session user plus R8's pledge state (whether this role must sign, and whether it has). */
export type Me = ApiMe & Pick<SessionUser, 'scopeName'>;

/** A seeded demo account offered by the local server's dev login (functions/src/api/dev-login.ts). */
export interface DevUser {
  id: string;
  name: string;
  role: Role;
  roleName: string;
  /** The account's region (or a social worker's organization) by name; null for a guardian. */
  scopeName: string | null;
}

export type ChildListPage = z.infer<typeof childListResponseSchema>;

export interface ListChildrenQuery {
  cursor?: string | null;
  /** 1–100; the server's default is 20. */
  limit?: number;
}
