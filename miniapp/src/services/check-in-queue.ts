import { createOfflineQueue } from '../lib/offline-queue';
import { onNetworkBack } from '../platform/network';
import { queueStorage } from '../platform/queue-storage';
import { api } from './api';
import { currentSession } from './session';

/** The app's one queue of check-ins: every check-in goes through it, online or not (issue 3, part 4). */
export const checkInQueue = createOfflineQueue({
  storage: queueStorage,
  checkIn: api.checkIn,
  currentUserId: () => currentSession()?.user.id ?? null,
  schedule: (run, delayMs) => {
    const timer = setTimeout(run, delayMs);
    return () => clearTimeout(timer);
  },
});

let started = false;

/** Sends what is waiting now and whenever the connection comes back; called when the app shows. */
export function sendQueuedCheckIns(): void {
  if (!started) {
    started = true;
    onNetworkBack(() => void checkInQueue.flush({ force: true }));
  }
  void checkInQueue.flush();
}
