import { z } from 'zod';

/**
 * Plausible dates for what people enter (issue 6). The domain has no clock, so the schemas hold only the static
 * lower bounds; "not in the future" is checked where the server's clock is known: child-lifecycle.ts for dates
 * (against today in Beijing) and visit-record.ts for the times of a visit (against now, with a phone's clock skew).
 */

/**
 * The people followed are children, but a record is kept after its child turns 18 (a closed case, a care leaver
 * still supported), so the bound is generous: someone born in 1990 is in their thirties when this was written.
 */
export const EARLIEST_BIRTH_DATE = '1990-01-01';

/** Consents, returns home, revocations and visits all happen under the current framework, long after 2000. */
export const EARLIEST_EVENT_DATE = '2000-01-01';
const EARLIEST_EVENT_INSTANT = Date.parse(`${EARLIEST_EVENT_DATE}T00:00:00+08:00`);

/** A bound is checked only on a well-formed value, so a malformed one gets the one message 格式不正确. */
const whenWellFormed = { abort: true, when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };

/** ISO dates (YYYY-MM-DD) compare correctly as strings. */
function dateFrom(earliest: string) {
  return z.iso
    .date()
    .refine((date) => date >= earliest, { message: `不能早于${earliest}`, ...whenWellFormed })
    .meta({ description: `不早于${earliest}` });
}

export const birthDateSchema = dateFrom(EARLIEST_BIRTH_DATE);
export const eventDateSchema = dateFrom(EARLIEST_EVENT_DATE);

export const eventInstantSchema = z.iso
  .datetime({ offset: true })
  .refine((instant) => Date.parse(instant) >= EARLIEST_EVENT_INSTANT, {
    message: `不能早于${EARLIEST_EVENT_DATE}`,
    ...whenWellFormed,
  })
  .meta({ description: `不早于${EARLIEST_EVENT_DATE}（北京时间）` });
