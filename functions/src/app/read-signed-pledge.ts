import { auditEntryOf } from './audit-entry.js';
import { decidePledgeDownload } from '../domain/access-policy.js';
import { NotFoundError, RuleViolationError } from '../domain/errors.js';
import { pledgeTextOf, type PledgeText } from '../domain/pledge-texts.js';
import type { PledgeSignature } from '../domain/pledge.js';
import type { Actor, Role } from '../domain/user.js';
import type { PledgePorts } from './pledge-ports.js';
import { verifiedSignature } from './verify-pledge.js';

/** A signed pledge as its documents show it: the text signed and the verified record. */
export interface SignedPledge {
  text: PledgeText;
  signature: PledgeSignature;
  signerName: string;
  signerRole: Role;
}

function noSuchPledge(): NotFoundError {
  return new NotFoundError('未找到该承诺书签署记录，或您无权查看', 'userId');
}

/**
 * R8, issue 11: one signed pledge for download (PDF or image), to the signer or their organization's admin; anyone
 * else gets 404 (no existence leak). A record that fails its check is refused as 记录异常 and never handed out as a
 * valid document. Each download is audited.
 */
export async function readSignedPledge(ports: PledgePorts, actor: Actor, userId: string, version: string): Promise<SignedPledge> {
  const signer = await ports.users.get(userId);
  if (signer === null) throw noSuchPledge();
  const decision = decidePledgeDownload(actor, signer);
  if (!decision.allowed) throw noSuchPledge().refusing({ action: 'pledge.download', reason: decision.denial });
  const [stored, text] = [await ports.pledgeSignatures.get(userId, version), pledgeTextOf(version)];
  if (stored === null || text === null) throw noSuchPledge();
  const { signature, intact } = verifiedSignature(ports.sealer, ports.images.fromBase64, stored);
  if (!intact || signature === null) throw new RuleViolationError('该承诺书记录异常（签署后被改动），不能作为有效文件下载', 'userId');
  await ports.audit.record([auditEntryOf(ports, actor, 'pledge.download', null, 'allowed')]);
  return { text, signature, signerName: signer.name, signerRole: signer.role };
}
