import { useEffect } from 'react';
import { warnBeforeLeaving } from '../platform/leave-warning';

/** While `active`, leaving asks first (issue 7, B5: leaving with unsent records warns). */
export function useLeaveWarning(active: boolean, message: string): void {
  useEffect(() => (active ? warnBeforeLeaving(message) : undefined), [active, message]);
}
