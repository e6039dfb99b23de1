/**
 * The browser's clipboard directly: Taro's H5 setClipboardData also writes what it copies to localStorage, where a
 * tracking code (or anything copied on a shared phone) must not stay.
 */
export function copyText(text: string): Promise<boolean> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  if (!clipboard?.writeText) return Promise.resolve(false);
  return clipboard.writeText(text).then(
    () => true,
    () => false,
  );
}
