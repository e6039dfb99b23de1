import { guardianUserIdsOf, type Child } from './child.js';
import type { GuardianDigest } from './inbox.js';
import type { Visit } from './visit.js';

/**
 * Each guardian's digest of `today` from the visits waiting for an answer (R3): one per guardian with an account,
 * however many children and visits. A visit of a child not found (removed since) counts for nobody.
 */
export function guardianDigestsOf(
  pending: readonly Pick<Visit, 'childId'>[],
  children: readonly Pick<Child, 'id' | 'guardians'>[],
  today: string,
): Map<string, GuardianDigest> {
  const guardiansOf = new Map(children.map((child) => [child.id, guardianUserIdsOf(child)]));
  const digests = new Map<string, GuardianDigest>();
  for (const visit of pending) {
    for (const userId of guardiansOf.get(visit.childId) ?? []) {
      const digest = digests.get(userId);
      digests.set(userId, { date: today, awaitingAnswer: (digest?.awaitingAnswer ?? 0) + 1 });
    }
  }
  return digests;
}

export function guardianDigestText(digest: GuardianDigest): string {
  return `今日待确认提醒：有 ${digest.awaitingAnswer} 次走访等待您确认。请到首页“待确认的走访”查看。`;
}
