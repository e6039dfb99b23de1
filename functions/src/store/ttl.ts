import { TTL_ATTRIBUTE } from './table-definition.js';

/** The TTL attribute's value for an item to be removed after `instant`: DynamoDB reads it as epoch seconds. */
export function ttlAttribute(instant: Date | string): Record<typeof TTL_ATTRIBUTE, number> {
  return { [TTL_ATTRIBUTE]: Math.ceil(new Date(instant).getTime() / 1000) };
}

/**
 * Whether a stored item's TTL has passed at `now`. TTL removes items up to days late, so every read of an expiring
 * item asks this itself.
 */
export function hasExpired(item: Record<string, unknown>, now: Date): boolean {
  return Number(item[TTL_ATTRIBUTE]) * 1000 <= now.getTime();
}
