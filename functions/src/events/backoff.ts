/** Bounded exponential backoff with jitter (AWS guidance), for what this folder re-sends or re-delivers. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** The wait before attempt `attempt` (2, 3, …): doubling from the base, capped, then a random half of it dropped. */
export function backoffDelayMs(policy: RetryPolicy, attempt: number): number {
  const ceiling = Math.min(policy.baseDelayMs * 2 ** (attempt - 2), policy.maxDelayMs);
  return ceiling * (0.5 + Math.random() / 2);
}

export function pauseBeforeAttempt(policy: RetryPolicy, attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, backoffDelayMs(policy, attempt)));
}
