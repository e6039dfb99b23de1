/** Browsers show their own wording for `beforeunload`; the message only documents why we ask. */
export function warnBeforeLeaving(_message: string): () => void {
  if (typeof window === 'undefined') return () => undefined;
  const ask = (event: BeforeUnloadEvent) => {
    event.preventDefault();
    // Older Chromium WebViews ask only when returnValue is set.
    event.returnValue = '';
  };
  window.addEventListener('beforeunload', ask);
  return () => window.removeEventListener('beforeunload', ask);
}

export const warnBeforeClosing = warnBeforeLeaving;
