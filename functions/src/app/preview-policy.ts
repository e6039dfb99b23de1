import { inCatalogueOrder } from '../domain/obligation.js';
import { noPolicyEffect, policyChangeOn, withChildEffect, type PolicyEffect } from '../domain/policy-preview.js';
import { shanghaiDate } from '../domain/time.js';
import type { Principal } from '../domain/user.js';
import type { Child } from '../domain/child.js';
import type { Page } from '../store/ports.js';
import { startPolicyChange, type PolicyChange } from './policy-change-reads.js';
import type { PreviewPolicyPorts } from './ports.js';

export interface PolicyPreview extends PolicyEffect {
  districtId: string;
  /** The version the preview was computed against: saving with it succeeds unless someone saves first. */
  version: number;
}

/** The list's largest page, which is also one BatchGetItem of obligation states. */
const PREVIEW_PAGE = 100;

/**
 * What saving these rules would move, without writing anything (issue 7, B8): every child of the district, page by
 * page, with its obligation state (one batch read a page, while the next page of children is being read), under the
 * rules in force and the proposed ones, on today's date in Beijing. Counts only: no child is named, so no child's
 * record is shown and nothing is audited but a refusal.
 */
export async function previewPolicy(ports: PreviewPolicyPorts, principal: Principal, change: PolicyChange): Promise<PolicyPreview> {
  const { district, current } = await startPolicyChange(ports, principal, change, 'preview');
  const today = shanghaiDate(ports.clock());
  const proposed = inCatalogueOrder(change.input.ruleIds);
  const pageOf = (cursor: string | null) =>
    ports.children.list({ kind: 'region', level: 'district', regionId: district.id }, { limit: PREVIEW_PAGE, cursor });

  let effect = noPolicyEffect;
  let next: Promise<Page<Child>> | null = pageOf(null);
  while (next !== null) {
    const page: Page<Child> = await next;
    next = page.nextCursor === null ? null : pageOf(page.nextCursor);
    // Awaited on the next turn; until then a failure must not count as unhandled if the states' read fails first.
    next?.catch(() => undefined);
    const states = await ports.obligations.statesOf(page.items.map((child) => child.id));
    for (const child of page.items) {
      const lastCompletions = states.get(child.id)?.lastCompletions ?? {};
      effect = withChildEffect(effect, policyChangeOn(child, current.ruleIds, proposed, lastCompletions, today));
    }
  }
  return { districtId: district.id, version: current.version, ...effect };
}
