/**
 * Whether the phone has a connection, as the platform last reported it (issue 7, B6): the banner shows while it has
 * none, and the moment it comes back the queue sends and the lists reload. Only the change from offline to online
 * counts as "back": a switch from Wi-Fi to 4G is reported as a change too, but nothing came back.
 */
export interface NetworkStatus {
  isOnline(): boolean;
  /** What the platform says now (an event, or the answer to a query at start-up). */
  report(online: boolean): void;
  subscribe(listener: (online: boolean) => void): () => void;
  onBack(listener: () => void): () => void;
}

export function createNetworkStatus(initiallyOnline = true): NetworkStatus {
  let online = initiallyOnline;
  const listeners = new Set<(online: boolean) => void>();
  const backListeners = new Set<() => void>();
  return {
    isOnline: () => online,
    report(now) {
      if (now === online) return;
      online = now;
      for (const listener of [...listeners]) listener(online);
      if (online) for (const listener of [...backListeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onBack(listener) {
      backListeners.add(listener);
      return () => backListeners.delete(listener);
    },
  };
}
