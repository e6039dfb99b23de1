import { useEffect, useState } from 'react';
import { asApiError } from '../../../api';
import type { ChildBasics } from '../../../lib/child-basics';
import { canCheckIn } from '../../../lib/check-in-form';
import type { Session } from '../../../lib/session';
import { api } from '../../../services/api';
import { childBasicsOf, rememberChild, rememberObligations } from '../../../services/child-cache';

/**
 * Whether this form may be filled in (issue 7, B7): `refused` when the server says the child is not the user's
 * (404/403) or the child's record says so, at once rather than when the check-in is sent; `open` with what the phone
 * knows (offline, a due child never opened still gets a form, and the server decides when it is sent); `loading`
 * only while a child the phone knows nothing of is being asked for.
 */
export type CheckInAccess =
  | { state: 'loading' }
  | { state: 'open'; basics: ChildBasics | undefined }
  | { state: 'refused'; reason: 'notYours' | 'closed' };

const REFUSING_STATUSES = [403, 404];

export function useCheckInChild(session: Session | null, childId: string): CheckInAccess {
  const [known, setKnown] = useState(() => (session && childId ? childBasicsOf(childId) : undefined));
  const [answer, setAnswer] = useState<'pending' | 'allowed' | 'offline' | 'notYours' | 'closed'>('pending');

  useEffect(() => {
    if (!session || !childId) return;
    let current = true;
    api.getChild(childId).then(
      (child) => {
        if (!current) return;
        rememberChild(child);
        setKnown(childBasicsOf(childId));
        if (!canCheckIn(session.user, child)) setAnswer(child.status === 'active' ? 'notYours' : 'closed');
        else setAnswer('allowed');
      },
      (e: unknown) => {
        if (!current) return;
        // Anything else (no signal, server trouble) leaves the form to what the phone knows.
        setAnswer(REFUSING_STATUSES.includes(asApiError(e).status) ? 'notYours' : 'offline');
      },
    );
    // Whether the district judges R3, for the warning before sending; without an answer the phone says nothing.
    api.childObligations(childId).then(
      (obligations) => {
        if (!current) return;
        rememberObligations(childId, obligations);
        setKnown(childBasicsOf(childId));
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [session, childId]);

  if (answer === 'notYours' || answer === 'closed') return { state: 'refused', reason: answer };
  if (answer === 'pending' && known === undefined) return { state: 'loading' };
  return { state: 'open', basics: known };
}
