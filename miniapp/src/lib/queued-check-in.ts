import { NETWORK_FAILURE_STATUS, type ApiError } from '../api/api-error';
import type { CheckInInput } from '../api/types';

/** 待上传 (waiting, or waiting to retry) · 上传中 (on its way) · 失败 (refused for good; kept until the worker acts). */
export type QueuedState = 'pending' | 'sending' | 'failed';

export const queuedStateNames: Record<QueuedState, string> = { pending: '待上传', sending: '上传中', failed: '失败' };

/** What the server said the last time, in its Chinese words, so a refused check-in is never silently lost. */
export interface QueuedProblem {
  status: number;
  title: string;
  detail?: string;
  field?: string;
}

/** A check-in kept on the phone until the server has stored it. */
export interface QueuedCheckIn {
  /** The Idempotency-Key, fixed when the check-in was made: every retry sends the same one. */
  key: string;
  /** Who recorded it: only that user's session sends it (a shared phone must not send it as someone else). */
  userId: string;
  childId: string;
  /** For lists shown before anything is sent. */
  childName: string;
  input: CheckInInput;
  createdAt: string;
  state: QueuedState;
  attempts: number;
  /** No automatic attempt before this instant (backoff); null when the next trigger may send it. */
  retryAt: string | null;
  problem: QueuedProblem | null;
}

/** How a failed attempt is treated. */
export type FailureKind = 'retry' | 'unauthorized' | 'refused';

/**
 * Network failures and server trouble are retried later; 401 waits for a new login; any other 4xx will fail the
 * same way every time (the body is fixed), so it is kept as 失败 for the worker to see.
 * 408/409/425/429 are answers about timing (a concurrent write to the child's chain, rate limits), not the input.
 */
export function classifyFailure(error: Pick<ApiError, 'status'>): FailureKind {
  const { status } = error;
  if (status === 401) return 'unauthorized';
  if (status === NETWORK_FAILURE_STATUS || status >= 500) return 'retry';
  if ([408, 409, 425, 429].includes(status)) return 'retry';
  return 'refused';
}

export const FIRST_RETRY_DELAY_MS = 15_000;
export const MAX_RETRY_DELAY_MS = 10 * 60_000;

/**
 * After the n-th failed attempt (n from 1): a ceiling of 15 s, 30 s, 1 min, … up to 10 min, and a random wait between
 * half of it and all of it, so that the phones of a township do not all call at the same moment when the signal
 * comes back to the valley ("equal jitter"). `random` is in [0, 1).
 */
export function retryDelayAfter(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(FIRST_RETRY_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

export function problemOf(error: ApiError): QueuedProblem {
  return { status: error.status, title: error.title, detail: error.detail, field: error.field };
}

/** Storage may hold anything (an older version, a hand edit): keep every entry that can still be sent. */
export function parseStoredQueue(raw: unknown): QueuedCheckIn[] {
  const value = typeof raw === 'string' ? safeParse(raw) : raw;
  if (!Array.isArray(value)) return [];
  return value.filter(isQueuedCheckIn).map((item) => ({
    ...item,
    childName: item.childName ?? '',
    createdAt: item.createdAt ?? '',
    attempts: item.attempts ?? 0,
    retryAt: item.retryAt ?? null,
    problem: item.problem ?? null,
  }));
}

/** At start-up nothing is on its way: 上传中 means the app was closed mid-send, and the key makes resending safe. */
export function recoverInterrupted(items: QueuedCheckIn[]): QueuedCheckIn[] {
  return items.map((item) => (item.state === 'sending' ? { ...item, state: 'pending' } : item));
}

type StoredCheckIn = Pick<QueuedCheckIn, 'key' | 'userId' | 'childId' | 'input' | 'state'> & Partial<QueuedCheckIn>;

function isQueuedCheckIn(value: unknown): value is StoredCheckIn {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<QueuedCheckIn>;
  return (
    typeof v.key === 'string' &&
    typeof v.userId === 'string' &&
    typeof v.childId === 'string' &&
    typeof v.input === 'object' &&
    v.input !== null &&
    (v.state === 'pending' || v.state === 'sending' || v.state === 'failed')
  );
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
