/**
 * The window's `online` / `offline` events: Taro's H5 onNetworkStatusChange listens to navigator.connection, which
 * many browsers lack and which does not fire when the connection simply comes back.
 */
export function watchNetwork(listener: (online: boolean) => void): void {
  if (typeof window === 'undefined') return;
  window.addEventListener('online', () => listener(true));
  window.addEventListener('offline', () => listener(false));
  listener(navigator.onLine);
}
