import type { ConcernUseCases } from '../../app/concern-use-cases.js';
import { findVillagesNamedIn } from '../../app/find-villages-named.js';
import type { UseCases } from '../../app/use-cases.js';
import type { Repositories } from '../../store/ports.js';
import type { ConversationDeps } from './conversation-ports.js';

/**
 * What the lead passes in: the runtime's repositories and use cases (compose/runtime.ts), the concern use cases the
 * API composes with the server's secret (compose/api.ts, `apiDepsOf(...).concerns`), and the binding helper's two
 * functions.
 */
export interface ConversationWiring {
  repositories: Pick<Repositories, 'users' | 'regions' | 'children'>;
  useCases: Pick<UseCases, 'listPendingConfirmations' | 'answerVisit' | 'listOwnDue'>;
  concerns: Pick<ConcernUseCases, 'reportConcern' | 'reportPublicConcern'>;
  bind: ConversationDeps['bind'];
  setDigestToChat: ConversationDeps['setDigestToChat'];
}

/** The conversations' dependencies, wired to the same use cases and repositories as the mini-program's routes. */
export function createConversationDeps(wiring: ConversationWiring): ConversationDeps {
  const { repositories, useCases, concerns } = wiring;
  const villageNamed = async (id: string) => {
    const region = await repositories.regions.get(id);
    return region?.level === 'village' ? { id: region.id, name: region.name } : null;
  };
  return {
    userOf: (userId) => repositories.users.get(userId),
    listPendingConfirmations: (actor) => useCases.listPendingConfirmations(actor),
    answerVisit: (principal, request) => useCases.answerVisit(principal, request),
    listOwnDue: (actor, withinDays) => useCases.listOwnDue(actor, withinDays),
    reportConcern: (principal, input, key) => concerns.reportConcern(principal, input, key),
    reportPublicConcern: (input, key) => concerns.reportPublicConcern(input, key),
    findVillagesNamedIn: async (words) =>
      (await findVillagesNamedIn(repositories.regions, words)).map((village) => ({ id: village.id, name: village.name })),
    async homeVillageOf(user) {
      if (user.scope?.level === 'village') return villageNamed(user.scope.regionId);
      if (user.role !== 'guardian') return null;
      // Only the village is used, to route the report; nothing of the child is shown.
      const own = await repositories.children.list({ kind: 'guardian', userId: user.id }, { limit: 1 });
      const child = own.items[0];
      return child ? villageNamed(child.region.villageId) : null;
    },
    bind: wiring.bind,
    setDigestToChat: wiring.setDigestToChat,
  };
}
