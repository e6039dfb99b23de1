import { currentPledgeText, type PledgeText } from '../domain/pledge-texts.js';
import { rolesThatSignThePledge, type User } from '../domain/user.js';
import type { PledgePorts } from './pledge-ports.js';
import { verifiedSignature } from './verify-pledge.js';

/** What a signer sees of their own signature of the current version; `intact` false is 记录异常. */
export interface OwnSignatureView {
  version: string;
  signedAt: string;
  typedName: string;
  intact: boolean;
}

export interface OwnPledgeView {
  /** Whether this role signs the pledge at all (R8: social workers, org admins, volunteers). */
  required: boolean;
  text: PledgeText;
  /** The signature of the current version, or null (never signed, or signed an older version). */
  signature: OwnSignatureView | null;
}

/** The user's signature of the current version, verified; null when there is none. */
export async function readOwnSignature(ports: Pick<PledgePorts, 'pledgeSignatures' | 'sealer' | 'images'>, user: User): Promise<OwnSignatureView | null> {
  const version = currentPledgeText().id;
  const stored = await ports.pledgeSignatures.get(user.id, version);
  if (stored === null) return null;
  const { signature, intact } = verifiedSignature(ports.sealer, ports.images.fromBase64, stored);
  return { version, signedAt: signature?.signedAt ?? user.pledgeSignedAt ?? '', typedName: signature?.typedName ?? '', intact };
}

/** R8: the current text and the user's signature of it, for the pledge page. */
export async function readOwnPledge(ports: Pick<PledgePorts, 'pledgeSignatures' | 'sealer' | 'images'>, user: User): Promise<OwnPledgeView> {
  return {
    required: rolesThatSignThePledge.includes(user.role),
    text: currentPledgeText(),
    signature: await readOwnSignature(ports, user),
  };
}
