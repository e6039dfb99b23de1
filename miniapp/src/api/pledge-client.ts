import type { ApiCall } from './client';
import type { OwnPledge, OwnPledgeSignature, PledgeDocumentFormat, PledgeRoster, SignPledgeInput } from './pledge-types';

/** Issue 11, R8: reading and signing the child-protection pledge; the org admin's roster. */
export interface PledgeApi {
  ownPledge(): Promise<OwnPledge>;
  signPledge(input: SignPledgeInput): Promise<OwnPledgeSignature | null>;
  pledgeRoster(): Promise<PledgeRoster>;
}

export function pledgeCalls(send: ApiCall): PledgeApi {
  return {
    ownPledge: () => send<OwnPledge>({ method: 'GET', path: '/me/pledge' }),
    signPledge: (input) =>
      send<{ signature: OwnPledgeSignature | null }>({ method: 'POST', path: '/me/pledge-signatures', body: input }).then(({ signature }) => signature),
    pledgeRoster: () => send<PledgeRoster>({ method: 'GET', path: '/pledges/roster' }),
  };
}

/** The path (under /api/v1) of a signed pledge's PDF or image. */
export function pledgeDocumentPath(userId: string, version: string, format: PledgeDocumentFormat): string {
  return `/pledges/${encodeURIComponent(userId)}/${encodeURIComponent(version)}/${format}`;
}

/** Whether an API problem is R8's refusal for a missing pledge (leads to the pledge page). */
export const PLEDGE_REQUIRED_TYPE = 'urn:shouhu:problem:pledge-required';
