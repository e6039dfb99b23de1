import { useEffect, useState } from 'react';
import type { PolicyView } from '../api';
import { nationalRulesNote } from '../lib/policy-choice';
import { districtPolicy } from '../services/district-policies';
import { RuleText } from './rule-text';

/**
 * The quiet note for a district's staff while its officer has not chosen the rules (issue 7, B8): what is due
 * follows the national rules meanwhile. Says nothing once the district chose, or when the policy cannot be read.
 */
export function NationalPolicyNote({ districtId }: { districtId: string | null }) {
  const [policy, setPolicy] = useState<PolicyView | null>(null);
  useEffect(() => {
    setPolicy(null);
    if (districtId) districtPolicy(districtId).then(setPolicy, () => undefined);
  }, [districtId]);
  if (!policy || policy.chosen) return null;
  return <RuleText className='national-policy-note' id='national-policy-note' rule={nationalRulesNote(policy)} />;
}
