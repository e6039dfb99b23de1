import { useEffect, useState } from 'react';
import { asApiError, type ApiError, type ChildPage } from '../../../api';
import { defaultEscalationLimits, escalationLimitsOf, type EscalationLimits } from '../../../lib/escalation-deadline';
import { api } from '../../../services/api';
import { districtPolicy } from '../../../services/district-policies';
import { lookUpVillageName } from '../../../services/region-names';

export interface RaiseChild {
  child: ChildPage;
  villageName: string;
}

/**
 * The child the form is about, by name and village (never its id), and how long its district gives each level to
 * acknowledge. Without the district's answer the form says the defaults: the case's own deadline comes with the answer
 * to the raise anyway.
 */
export function useRaiseChild(childId: string): { found: RaiseChild | null; error: ApiError | null; limits: EscalationLimits } {
  const [found, setFound] = useState<RaiseChild | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [limits, setLimits] = useState<EscalationLimits>(defaultEscalationLimits);

  useEffect(() => {
    if (!childId) return undefined;
    let current = true;
    api
      .getChild(childId)
      .then(async (child) => {
        districtPolicy(child.region.districtId).then(
          (policy) => current && setLimits(escalationLimitsOf(policy.acknowledgeLimits)),
          () => undefined,
        );
        const villageName = await lookUpVillageName(child.region);
        if (current) setFound({ child, villageName });
      })
      .catch((e: unknown) => current && setError(asApiError(e)));
    return () => {
      current = false;
    };
  }, [childId]);

  return { found, error, limits };
}
