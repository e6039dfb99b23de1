import type { SignPledgeInput } from '../domain/pledge.js';
import type { Actor, User } from '../domain/user.js';
import type { Repositories } from '../store/ports.js';
import type { ImageBytes, PledgeSealer } from './pledge-ports.js';
import type { Basics } from './ports.js';
import { readPledgeRoster, type PledgeRoster } from './pledge-roster.js';
import { readOwnPledge, type OwnPledgeView } from './read-own-pledge.js';
import { readSignedPledge, type SignedPledge } from './read-signed-pledge.js';
import { signPledge, type SignPledgeResult } from './sign-pledge.js';

/** Issue 11's pledge (R8), bound to its ports; the seal's key comes from the API's composition (compose/api.ts). */
export interface PledgeUseCases {
  readOwnPledge(user: User): Promise<OwnPledgeView>;
  signPledge(user: User, input: SignPledgeInput): Promise<SignPledgeResult>;
  readPledgeRoster(actor: Actor): Promise<PledgeRoster>;
  readSignedPledge(actor: Actor, userId: string, version: string): Promise<SignedPledge>;
}

export function createPledgeUseCases(deps: Basics & { repositories: Repositories; sealer: PledgeSealer; images: ImageBytes }): PledgeUseCases {
  const { repositories, clock, newId, sealer, images } = deps;
  const ports = { clock, newId, sealer, images, pledgeSignatures: repositories.pledgeSignatures, users: repositories.users, audit: repositories.audit };
  return {
    readOwnPledge: (user) => readOwnPledge(ports, user),
    signPledge: (user, input) => signPledge(ports, user, input),
    readPledgeRoster: (actor) => readPledgeRoster(ports, actor),
    readSignedPledge: (actor, userId, version) => readSignedPledge(ports, actor, userId, version),
  };
}
