/**
 * The window's `online` event: Taro's H5 onNetworkStatusChange listens to navigator.connection, which many
 * browsers lack and which does not fire when the connection simply comes back.
 */
export function onNetworkBack(listener: () => void): void {
  if (typeof window !== 'undefined') window.addEventListener('online', listener);
}
