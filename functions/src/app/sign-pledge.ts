import { InvalidFieldError, ForbiddenError, RuleViolationError } from '../domain/errors.js';
import { canonicalPledgeText, currentPledgeText } from '../domain/pledge-texts.js';
import { canonicalSignature, typedNameMatches, type SignPledgeInput, type UnsealedSignature } from '../domain/pledge.js';
import { signatureProblemMessages, signatureProblemOf } from '../domain/signature-png.js';
import { rolesThatSignThePledge, signedCurrentPledgeAt, type User } from '../domain/user.js';
import { newEvent } from '../events/domain-events.js';
import type { PledgePorts } from './pledge-ports.js';
import { readOwnSignature, type OwnSignatureView } from './read-own-pledge.js';

export interface SignPledgeResult {
  /** False when this user had already signed this version (a retry, a second tab): nothing was written. */
  created: boolean;
  /** Null only for an account marked signed without a record (none is made that way but by hand). */
  signature: OwnSignatureView | null;
}

/**
 * R8, issue 11: the user signs the current pledge. Checks, in order, that the role signs at all, that the version
 * read is the current one, the typed name, and the drawn signature (signature-png.ts); then writes, in one
 * transaction, the sealed record (once: no update path), the user's signed version and time (optimistic version) and
 * `PledgeSigned`. A second signing of the same version writes nothing and answers with the first.
 */
export async function signPledge(ports: PledgePorts, user: User, input: SignPledgeInput): Promise<SignPledgeResult> {
  if (!rolesThatSignThePledge.includes(user.role)) {
    throw new ForbiddenError('当前角色无需签署儿童保护承诺书').refusing({ action: 'request', reason: 'roleCannot' });
  }
  const text = currentPledgeText();
  if (input.version !== text.id) throw new RuleViolationError('承诺书已更新，请阅读最新版本后再签署', 'version');
  if (signedCurrentPledgeAt(user, text.id) !== null) return { created: false, signature: await readOwnSignature(ports, user) };
  if (!typedNameMatches(input.typedName, user.name)) throw new InvalidFieldError('请输入与账号一致的本人姓名', 'typedName');

  const image = ports.images.fromBase64(input.signaturePng);
  const problem = signatureProblemOf(image, ports.images.inflate);
  if (problem !== null) throw new InvalidFieldError(signatureProblemMessages[problem], 'signaturePng');

  const signedAt = ports.clock();
  const unsealed: UnsealedSignature = {
    userId: user.id,
    organizationId: user.organizationId,
    version: text.id,
    textHash: ports.sealer.sha256Hex(canonicalPledgeText(text)),
    typedName: input.typedName,
    signaturePng: input.signaturePng,
    imageHash: ports.sealer.sha256Hex(image),
    signedAt: signedAt.toISOString(),
    client: input.client,
  };
  const signature = { ...unsealed, seal: ports.sealer.seal(canonicalSignature(unsealed)) };
  const signedUser: User = { ...user, pledgeVersion: text.id, pledgeSignedAt: signature.signedAt, version: user.version + 1 };
  const event = newEvent(
    'PledgeSigned',
    { userId: user.id, pledgeVersion: text.id, organizationId: user.organizationId },
    { id: ports.newId(), occurredAt: signedAt, actorId: user.id },
  );
  const outcome = await ports.pledgeSignatures.sign({ signature, user: signedUser, events: [event] });
  return { created: outcome === 'signed', signature: await readOwnSignature(ports, signedUser) };
}
