import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Child } from '../domain/child.js';
import { getItems } from './batch.js';
import { childFromItem } from './child-items.js';
import { chainHeadKey, childKey, obligationStateKey, policyKey } from './keys.js';
import { obligationStateFromItem, type ObligationState } from './obligation-items.js';
import { policyFromItem } from './policy-repository.js';
import type { EffectivePolicy } from './ports.js';
import type { ChainHead } from './visit-chain.js';
import { chainHeadFromItem } from './visit-items.js';

/**
 * What a write that moves a child's obligations must read first, in one BatchGetItem with consistent reads: the
 * obligation state (version and last completions), the district's policy, and, when asked, the child itself and
 * its chain head. Read again on every retry, so a retried write never applies an old policy or an old child.
 */
export interface ObligationInputs {
  state: ObligationState | null;
  policy: EffectivePolicy;
  child: Child | null;
  head: ChainHead | null;
}

export async function readObligationInputs(
  client: DynamoDBDocumentClient,
  tableName: string,
  childId: string,
  districtId: string,
  also: { child?: boolean; head?: boolean } = {},
): Promise<ObligationInputs> {
  const keys = [obligationStateKey(childId), policyKey(districtId)];
  if (also.child) keys.push(childKey(childId));
  if (also.head) keys.push(chainHeadKey(childId));
  const [state, policy, ...rest] = await getItems(client, tableName, keys);
  const childItem = also.child ? rest.shift() : undefined;
  const headItem = also.head ? rest.shift() : undefined;
  return {
    state: obligationStateFromItem(state),
    policy: policyFromItem(districtId, policy),
    child: childItem ? childFromItem(childItem) : null,
    head: also.head ? chainHeadFromItem(headItem) : null,
  };
}

/** A write that lost a race on the obligation state or the chain head is tried again this many times in all. */
export const MAX_STATE_ATTEMPTS = 5;
