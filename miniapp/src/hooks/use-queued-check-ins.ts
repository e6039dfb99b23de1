import { useEffect, useState } from 'react';
import type { QueuedCheckIn } from '../lib/queued-check-in';
import { checkInQueue } from '../services/check-in-queue';

/** The current user's check-ins not yet on the server, kept up to date as the queue sends them. */
export function useQueuedCheckIns(childId?: string): QueuedCheckIn[] {
  const [items, setItems] = useState(() => checkInQueue.list());
  useEffect(() => {
    setItems(checkInQueue.list());
    const unsubscribe = checkInQueue.subscribe(setItems);
    return () => {
      unsubscribe();
    };
  }, []);
  return childId ? items.filter((item) => item.childId === childId) : items;
}
