import { useRef, useState } from 'react';

/**
 * Runs one task at a time: a tap while one runs is ignored, so a form is sent once however fast it is tapped. A ref,
 * not state, decides: two taps in one frame both see the state of before the first.
 */
export function useOneAtATime(): { busy: boolean; run: (task: () => Promise<void>) => Promise<void> } {
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  return {
    busy,
    async run(task) {
      if (running.current) return;
      running.current = true;
      setBusy(true);
      try {
        await task();
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
  };
}
