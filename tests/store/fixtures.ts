import { randomUUID } from 'node:crypto';
import type { AuditAction, AuditEntry } from '../../functions/src/domain/audit.js';
import type { Child, Guardian, Team } from '../../functions/src/domain/child.js';
import type { Region, RegionPath } from '../../functions/src/domain/region.js';
import type { User } from '../../functions/src/domain/user.js';
import { importChild } from '../../functions/src/app/import-child.js';
import { obligationUpdateOf } from '../../functions/src/app/obligation-update.js';
import { shanghaiDate } from '../../functions/src/domain/time.js';
import type { Repositories } from '../../functions/src/store/ports.js';

/**
 * A small geography: city c1 with two districts (d1: towns t1 with villages v1, v2, v10, t10 with v11 and t2 with
 * v3; d2: town t3 with v4) and a second city c2, whose children must never appear in c1's lists. t1 beside t10 and
 * v1 beside v10 make a key prefix that is not exact show up.
 */
export const regions: Region[] = [
  { id: 'c1', level: 'city', name: '上海市', parentId: null },
  { id: 'd1', level: 'district', name: '松江区', parentId: 'c1' },
  { id: 'd2', level: 'district', name: '青浦区', parentId: 'c1' },
  { id: 't1', level: 'town', name: '叶榭镇', parentId: 'd1' },
  { id: 't10', level: 'town', name: '泖港镇', parentId: 'd1' },
  { id: 't2', level: 'town', name: '新浜镇', parentId: 'd1' },
  { id: 't3', level: 'town', name: '朱家角镇', parentId: 'd2' },
  { id: 'v1', level: 'village', name: '井凌桥村', parentId: 't1' },
  { id: 'v2', level: 'village', name: '徐姚村', parentId: 't1' },
  { id: 'v10', level: 'village', name: '腰泾村', parentId: 't1' },
  { id: 'v11', level: 'village', name: '泖港村', parentId: 't10' },
  { id: 'v3', level: 'village', name: '胡家埭村', parentId: 't2' },
  { id: 'v4', level: 'village', name: '张马村', parentId: 't3' },
  { id: 'c2', level: 'city', name: '嘉兴市', parentId: null },
  { id: 'd3', level: 'district', name: '平湖市', parentId: 'c2' },
  { id: 't4', level: 'town', name: '当湖街道', parentId: 'd3' },
  { id: 'v5', level: 'village', name: '东湖社区', parentId: 't4' },
];

const parentOf = new Map(regions.map((r) => [r.id, r.parentId]));

/** The full path of a village, read from the geography above. */
export function pathOf(villageId: string): RegionPath {
  const townId = parentOf.get(villageId)!;
  const districtId = parentOf.get(townId)!;
  return { cityId: parentOf.get(districtId)!, districtId, townId, villageId };
}

export async function createRegions(repositories: Repositories): Promise<void> {
  for (const region of regions) await repositories.regions.create(region);
}

export function guardian(userId: string | null, name = '李大山'): Guardian {
  return { userId, name, relation: 'grandparent', phone: '13800001111' };
}

export function team(socialWorkerId: string, supervisorId = 'sup-1', directorId = 'dir-1'): Team {
  return { socialWorkerId, supervisorId, directorId };
}

export function makeChild(id: string, overrides: Partial<Child> & { villageId?: string } = {}): Child {
  const { villageId = 'v1', ...rest } = overrides;
  const at = '2026-11-23T02:00:00.000Z';
  return {
    id,
    name: '李小明',
    gender: 'male',
    birthDate: '2016-05-01',
    idNumber: '310117201605011234',
    address: '上海市松江区叶榭镇井凌桥村3组12号',
    region: pathOf(villageId),
    categories: ['leftBehind'],
    flags: [],
    riskLevel: 'yellow',
    guardians: [guardian(null)],
    organizationId: null,
    legalBasis: { kind: 'statutoryDuty', authority: '《未成年人保护法》第八十一条' },
    followUpTriggers: [],
    status: 'active',
    team: null,
    teamHistory: [],
    registeredOn: '2026-11-23',
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...rest,
  };
}

/** The next version of a child, as the domain's applyChildPatch would make it. */
export function changed(child: Child, changes: Partial<Child>): Child {
  return { ...child, ...changes, updatedAt: '2026-11-24T02:00:00.000Z', version: child.version + 1 };
}

export function auditOf(
  action: AuditAction,
  childId: string | null,
  overrides: Partial<AuditEntry> = {},
): AuditEntry {
  return {
    id: randomUUID(),
    at: '2026-11-23T02:00:00.000Z',
    actorId: 'dir-1',
    actorRole: 'director',
    action,
    childId,
    outcome: 'allowed',
    reason: null,
    ...overrides,
  };
}

export function makeUser(id: string, overrides: Partial<User> = {}): User {
  return {
    id,
    name: '王芳',
    role: 'director',
    scope: { level: 'village', regionId: 'v1' },
    organizationId: null,
    phone: '13900002222',
    wechatOpenId: null,
    pledgeSignedAt: null,
    pledgeVersion: null,
    version: 1,
    ...overrides,
  };
}

/** The ids a guardian's or a social worker's list returns, read through the repository's own list. */
export async function childIdsListedFor(
  repositories: Repositories,
  kind: 'guardian' | 'socialWorker',
  userId: string,
): Promise<string[]> {
  const page = await repositories.children.list({ kind, userId }, { limit: 100 });
  return page.items.map((c) => c.id);
}

/**
 * A child stored as the system stores one that arrives whole: with its obligations under its district's policy,
 * in one transaction (app/import-child.ts). The store writes what it is given; these fixtures give it that.
 */
export function storeChild(repositories: Repositories, child: Child, audit: AuditEntry = auditOf('child.create', child.id)): Promise<void> {
  return importChild(repositories, child, audit);
}

/** A change of a stored child with its obligations computed as a use case does, from the state read just before. */
export async function changeStoredChild(repositories: Repositories, previous: Child, next: Child, audit: AuditEntry): Promise<void> {
  const { policy, obligationState } = await repositories.records.read({ policy: next.region.districtId, obligationState: next.id });
  const obligations = obligationUpdateOf(next, policy, obligationState, shanghaiDate(new Date(next.updatedAt)));
  await repositories.children.update({ previous, next, audit, obligations, events: [] });
}
