import { startAutoResend } from '../lib/auto-resend';
import { createOfflineQueue } from '../lib/offline-queue';
import { phoneStorage } from '../platform/phone-storage';
import { api } from './api';
import { networkStatus } from './network';
import { currentSession } from './session';

/** The app's one queue of check-ins: every check-in goes through it, online or not (issue 3, part 4). */
export const checkInQueue = createOfflineQueue({
  storage: phoneStorage,
  checkIn: api.checkIn,
  currentUserId: () => currentSession()?.user.id ?? null,
  schedule: (run, delayMs) => {
    const timer = setTimeout(run, delayMs);
    return () => clearTimeout(timer);
  },
});

let started = false;

/** Sends what is waiting now, and from then on by itself (network back, backoff timer); called when the app shows. */
export function sendQueuedCheckIns(): void {
  if (started) {
    void checkInQueue.flush();
    return;
  }
  started = true;
  startAutoResend(checkInQueue, networkStatus);
}
