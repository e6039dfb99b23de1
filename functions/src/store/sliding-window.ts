/**
 * The sliding-window estimate Cloudflare describes: the previous fixed window's count, weighted by how much of it
 * the last `window` still covers, plus the current window's count. It stops the burst a fixed window lets through
 * across its boundary (6 attempts at 0:59 and 6 more at 1:00). Integer milliseconds throughout, so the limit itself
 * is never missed by a rounding error.
 */
export interface WindowCounts {
  /** Attempts counted in the previous fixed window (0 when it had none or is older than one window). */
  previousCount: number;
  /** Attempts counted in the current fixed window, this one included. */
  count: number;
  /** Time since the current window began. */
  elapsedMs: number;
  windowMs: number;
}

export interface SlidingWindowVerdict {
  allowed: boolean;
  /** 0 when allowed; else whole seconds until one more attempt would be allowed, if none is made meanwhile. */
  retryAfterSeconds: number;
}

/** `estimate × windowMs`, kept as an integer. */
function scaledEstimate(previousCount: number, count: number, elapsedMs: number, windowMs: number): number {
  return previousCount * Math.max(0, windowMs - elapsedMs) + count * windowMs;
}

/** The wait until the next attempt (count + 1) fits, in this window or the next; the one after always has room. */
function msUntilAllowed({ previousCount, count, elapsedMs, windowMs }: WindowCounts, limit: number): number {
  const waits: number[] = [];
  const slackHere = limit - count - 1;
  if (slackHere >= 0 && previousCount > 0) {
    // previousCount × (windowMs − t) ≤ slackHere × windowMs
    const at = windowMs - Math.floor((slackHere * windowMs) / previousCount);
    if (at < windowMs) waits.push(Math.max(0, at - elapsedMs));
  }
  // In the next window this window's count is the previous one and nothing is counted yet.
  const nextAt = count === 0 ? 0 : Math.max(0, windowMs - Math.floor(((limit - 1) * windowMs) / count));
  waits.push(windowMs - elapsedMs + nextAt);
  return Math.min(...waits);
}

export function judgeSlidingWindow(counts: WindowCounts, limit: number): SlidingWindowVerdict {
  const { previousCount, count, elapsedMs, windowMs } = counts;
  if (scaledEstimate(previousCount, count, elapsedMs, windowMs) <= limit * windowMs) {
    return { allowed: true, retryAfterSeconds: 0 };
  }
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(msUntilAllowed(counts, limit) / 1000)) };
}
