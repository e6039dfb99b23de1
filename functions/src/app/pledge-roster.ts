import { decidePledgeRoster, rosterRoles } from '../domain/access-policy.js';
import { ForbiddenError } from '../domain/errors.js';
import { currentPledgeText } from '../domain/pledge-texts.js';
import { signedCurrentPledgeAt, type Actor, type Role } from '../domain/user.js';
import type { PledgePorts } from './pledge-ports.js';
import { verifiedSignature } from './verify-pledge.js';

export type RosterStatus = 'signed' | 'unsigned' | 'anomaly';

export interface RosterEntry {
  userId: string;
  name: string;
  role: Role;
  status: RosterStatus;
  /** When the current version was signed; null unless signed. */
  signedAt: string | null;
  /** Whether a record exists to download (a signed account always has one, but for accounts marked by hand). */
  downloadable: boolean;
}

export interface PledgeRoster {
  version: string;
  title: string;
  entries: RosterEntry[];
}

const statusOrder: Record<RosterStatus, number> = { anomaly: 0, unsigned: 1, signed: 2 };

/**
 * R8, issue 11: who of the org admin's organization (social workers, org admins, volunteers) has signed the current
 * pledge and who has not. Each record of a signed account is read and verified: a tampered one shows as 记录异常.
 */
export async function readPledgeRoster(ports: PledgePorts, actor: Actor): Promise<PledgeRoster> {
  const organizationId = actor.organizationId ?? '';
  const decision = decidePledgeRoster(actor, organizationId);
  if (!decision.allowed) throw new ForbiddenError('只有社会组织管理员查看本机构的承诺书签署情况').refusing({ action: 'request', reason: decision.denial });
  const text = currentPledgeText();
  const people = (await ports.users.listByOrganization(organizationId)).filter((user) => rosterRoles.includes(user.role));
  const entries = await Promise.all(
    people.map(async (user): Promise<RosterEntry> => {
      const signedAt = signedCurrentPledgeAt(user, text.id);
      const base = { userId: user.id, name: user.name, role: user.role };
      if (signedAt === null) return { ...base, status: 'unsigned', signedAt: null, downloadable: false };
      const stored = await ports.pledgeSignatures.get(user.id, text.id);
      if (stored === null) return { ...base, status: 'signed', signedAt, downloadable: false };
      const { intact } = verifiedSignature(ports.sealer, ports.images.fromBase64, stored);
      return { ...base, status: intact ? 'signed' : 'anomaly', signedAt, downloadable: intact };
    }),
  );
  entries.sort((a, b) => statusOrder[a.status] - statusOrder[b.status] || a.name.localeCompare(b.name, 'zh-Hans-CN'));
  return { version: text.id, title: text.title, entries };
}
