import { AlreadyExistsError } from '../domain/errors.js';
import type { Repositories } from '../store/ports.js';
import type { DemoArea } from './demo-area.js';

export interface SeedResult {
  created: number;
  alreadyThere: number;
}

/**
 * Writes the demo area through the same repositories the API uses. Every write is create-once, so a second start
 * (or a start after one that stopped half-way) adds only what is missing and never duplicates.
 */
export async function seedDemoArea(repositories: Repositories, area: DemoArea, now: Date): Promise<SeedResult> {
  const result: SeedResult = { created: 0, alreadyThere: 0 };
  const createOnce = async (write: () => Promise<void>) => {
    try {
      await write();
      result.created += 1;
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
      result.alreadyThere += 1;
    }
  };
  for (const region of area.regions) await createOnce(() => repositories.regions.create(region));
  for (const organization of area.organizations) await createOnce(() => repositories.organizations.create(organization));
  for (const user of area.users) await createOnce(() => repositories.users.create(user));
  for (const child of area.children) {
    await createOnce(() =>
      repositories.children.create(child, {
        id: `seed-${child.id}`,
        at: now.toISOString(),
        actorId: 'system',
        actorRole: 'system',
        action: 'child.create',
        childId: child.id,
        outcome: 'allowed',
        reason: 'demo area',
      }),
    );
  }
  return result;
}
