import { UnauthenticatedError } from '../domain/errors.js';
import { actorOf, type Actor, type Principal, type User } from '../domain/user.js';

/**
 * The actor behind a principal, from the user record read in the use case's first batch: a removed account or a
 * changed role stops working before its token expires (WeChat's guideline: authorize on the server for every call).
 */
export function actorFrom(principal: Principal, user: User | null | undefined): Actor {
  if (!user || user.role !== principal.role) throw new UnauthenticatedError('账号已变更或停用，请重新登录');
  return actorOf(user);
}
