import type { NetworkStatus } from './network-status';
import type { OfflineQueue } from './offline-queue';

/**
 * Issue 7, B6: queued check-ins go out by themselves, never only on a tap. Now (the app came to the front), and the
 * moment the connection comes back, past any backoff; between those, the queue's own timer retries with a growing,
 * jittered wait after each failed attempt. Returns a function that stops listening to the network.
 */
export function startAutoResend(queue: Pick<OfflineQueue, 'flush'>, network: Pick<NetworkStatus, 'onBack'>): () => void {
  const stop = network.onBack(() => void queue.flush({ force: true }));
  void queue.flush();
  return stop;
}
