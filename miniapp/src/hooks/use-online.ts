import { useEffect, useState } from 'react';
import { networkStatus } from '../services/network';

/** Whether the phone has a connection, re-rendering when that changes. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(networkStatus.isOnline);
  useEffect(() => {
    setOnline(networkStatus.isOnline());
    const unsubscribe = networkStatus.subscribe(setOnline);
    return () => {
      unsubscribe();
    };
  }, []);
  return online;
}
