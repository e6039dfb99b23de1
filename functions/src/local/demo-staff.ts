import type { Role, User } from '../domain/user.js';

/** When the demo area was registered: the same on every start, so every start writes the same records. */
export const SEEDED_AT = '2026-01-05T09:00:00.000+08:00';
export const REGISTERED_ON = '2026-01-05';

/** A demo account; WeChat ids are made from the user id, as no real WeChat user stands behind them. */
export function staff(id: string, name: string, role: Role, scope: User['scope'], extra: Partial<User> = {}): User {
  return {
    id,
    name,
    role,
    scope,
    organizationId: null,
    phone: null,
    wechatOpenId: `openid-${id}`,
    pledgeSignedAt: null,
    pledgeVersion: null,
    version: 1,
    ...extra,
  };
}
