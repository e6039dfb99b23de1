import { importChild } from '../../../functions/src/app/import-child.js';
import type { AuditEntry } from '../../../functions/src/domain/audit.js';
import type { Child, Guardian, Team } from '../../../functions/src/domain/child.js';
import type { VisitRuleId } from '../../../functions/src/domain/obligation.js';
import type { Region, RegionPath } from '../../../functions/src/domain/region.js';
import { currentPledgeText } from '../../../functions/src/domain/pledge-texts.js';
import type { Role, User } from '../../../functions/src/domain/user.js';
import type { Repositories } from '../../../functions/src/store/ports.js';

/**
 * A small area for the API tests, written straight through the repositories: one city, two districts, three
 * towns, four villages; a user of every role (two guardians of different families, directors of three villages,
 * supervisors of two towns, a social worker with and one without the pledge); four children in three villages of
 * two towns of district d1.
 */
export const SEEDED_AT = '2026-03-10T02:00:00.000Z';

export const regions: Region[] = [
  { id: 'c1', level: 'city', name: '江城市', parentId: null },
  { id: 'd1', level: 'district', name: '临江区', parentId: 'c1' },
  { id: 'd2', level: 'district', name: '北岸区', parentId: 'c1' },
  { id: 't1', level: 'town', name: '河口镇', parentId: 'd1' },
  { id: 't2', level: 'town', name: '山前镇', parentId: 'd1' },
  { id: 't3', level: 'town', name: '渡口街道', parentId: 'd2' },
  { id: 'v1', level: 'village', name: '东湾村', parentId: 't1' },
  { id: 'v2', level: 'village', name: '西湾村', parentId: 't1' },
  { id: 'v3', level: 'village', name: '石桥村', parentId: 't2' },
  { id: 'v4', level: 'village', name: '码头社区', parentId: 't3' },
];

export const path = {
  v1: { cityId: 'c1', districtId: 'd1', townId: 't1', villageId: 'v1' },
  v2: { cityId: 'c1', districtId: 'd1', townId: 't1', villageId: 'v2' },
  v3: { cityId: 'c1', districtId: 'd1', townId: 't2', villageId: 'v3' },
  v4: { cityId: 'c1', districtId: 'd2', townId: 't3', villageId: 'v4' },
} satisfies Record<string, RegionPath>;

function user(id: string, role: Role, name: string, overrides: Partial<User> = {}): User {
  return {
    id,
    name,
    role,
    scope: null,
    organizationId: null,
    phone: '13900002222',
    wechatOpenId: `openid-${id}`,
    pledgeSignedAt: null,
    pledgeVersion: null,
    version: 1,
    ...overrides,
  };
}

/** R8: signed the current pledge version (an actor counts as signed only for that one). */
const signed = { pledgeSignedAt: '2026-01-05T01:00:00.000Z', pledgeVersion: currentPledgeText().id };

export const users = {
  guardianA: user('u-guardian-a', 'guardian', '李大山'),
  guardianB: user('u-guardian-b', 'guardian', '王秀英'),
  directorV1: user('u-director-v1', 'director', '张东湾', { scope: { level: 'village', regionId: 'v1' } }),
  directorV2: user('u-director-v2', 'director', '赵西湾', { scope: { level: 'village', regionId: 'v2' } }),
  directorV3: user('u-director-v3', 'director', '钱石桥', { scope: { level: 'village', regionId: 'v3' } }),
  supervisorT1: user('u-supervisor-t1', 'supervisor', '孙河口', { scope: { level: 'town', regionId: 't1' } }),
  supervisorT2: user('u-supervisor-t2', 'supervisor', '周山前', { scope: { level: 'town', regionId: 't2' } }),
  socialWorkerPledged: user('u-sw-pledged', 'socialWorker', '吴社工', { organizationId: 'org1', ...signed }),
  socialWorkerUnpledged: user('u-sw-unpledged', 'socialWorker', '郑社工', { organizationId: 'org1' }),
  volunteer: user('u-volunteer', 'volunteer', '冯志愿', { organizationId: 'org1', ...signed }),
  orgAdmin: user('u-org-admin', 'orgAdmin', '陈机构', {
    scope: { level: 'district', regionId: 'd1' },
    organizationId: 'org1',
    ...signed,
  }),
  districtOfficer: user('u-district', 'districtOfficer', '褚区局', { scope: { level: 'district', regionId: 'd1' } }),
  cityOfficer: user('u-city', 'cityOfficer', '卫市局', { scope: { level: 'city', regionId: 'c1' } }),
} satisfies Record<string, User>;

export type SeededUser = keyof typeof users;

function guardian(userId: string | null, name: string, phone = '13800001111'): Guardian {
  return { userId, name, relation: 'grandparent', phone };
}

function team(supervisorId: string, directorId: string, socialWorkerId: string): Team {
  return { supervisorId, directorId, socialWorkerId };
}

function child(id: string, overrides: Partial<Child>): Child {
  return {
    id,
    name: '李小明',
    gender: 'male',
    birthDate: '2016-05-01',
    idNumber: '310117201605011234',
    address: '江城市临江区河口镇东湾村3组12号',
    region: path.v1,
    categories: ['leftBehind'],
    flags: [],
    riskLevel: 'yellow',
    guardians: [guardian(users.guardianA.id, '李大山')],
    organizationId: null,
    legalBasis: { kind: 'statutoryDuty', authority: '《未成年人保护法》第八十一条 民政部门职责' },
    followUpTriggers: [],
    status: 'active',
    team: null,
    teamHistory: [],
    registeredOn: '2026-03-10',
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
    version: 1,
    ...overrides,
  };
}

export const children = {
  /** Family A, village v1, a full team with the pledged social worker, held by org1. */
  a1: child('child-a1', {
    riskLevel: 'red',
    flags: ['livingAlone'],
    organizationId: 'org1',
    team: team(users.supervisorT1.id, users.directorV1.id, users.socialWorkerPledged.id),
  }),
  /** Family A's older child (15), no team, no legal basis needed at that age. */
  a2: child('child-a2', {
    name: '李小红',
    gender: 'female',
    birthDate: '2010-11-02',
    idNumber: '310117201011021226',
    riskLevel: 'green',
    legalBasis: null,
  }),
  /** Family B, village v3 of the other town; its social worker has not signed the pledge. */
  b1: child('child-b1', {
    name: '王小军',
    birthDate: '2017-08-15',
    idNumber: '310117201708151118',
    address: '江城市临江区山前镇石桥村7组2号',
    region: path.v3,
    categories: ['difficult'],
    guardians: [guardian(users.guardianB.id, '王秀英', '13700003333')],
    organizationId: 'org1',
    team: team(users.supervisorT2.id, users.directorV3.id, users.socialWorkerUnpledged.id),
  }),
  /** Village v2 of town t1, a guardian without an account. */
  c1: child('child-c1', {
    name: '赵小兰',
    gender: 'female',
    birthDate: '2014-01-20',
    idNumber: null,
    address: '江城市临江区河口镇西湾村1组5号',
    region: path.v2,
    guardians: [guardian(null, '赵建国', '13600004444')],
    team: team(users.supervisorT1.id, users.directorV2.id, users.socialWorkerPledged.id),
  }),
} satisfies Record<string, Child>;

export type SeededChild = keyof typeof children;

export const SEED_ACTOR_ID = 'u-seed';

function seedAudit(childId: string): AuditEntry {
  return {
    id: `seed-${childId}`,
    at: SEEDED_AT,
    actorId: SEED_ACTOR_ID,
    actorRole: 'districtOfficer',
    action: 'child.create',
    childId,
    outcome: 'allowed',
    reason: null,
  };
}

/**
 * District d1 chose the city's and its own rules besides the ministry's follow-ups (version 1), so the tests see R3,
 * R11 and R14 at work; d2 never chose and follows the national rules (R19, R20, R21).
 */
export const d1PolicyRuleIds: VisitRuleId[] = ['R3', 'R11', 'R14', 'R19', 'R21'];

export async function seedArea(repositories: Repositories): Promise<void> {
  for (const region of regions) await repositories.regions.create(region);
  await repositories.organizations.create({ id: 'org1', name: '江城阳光社工服务中心', districtId: 'd1' });
  for (const seeded of Object.values(users)) await repositories.users.create(seeded);
  // Before the children, whose obligations are computed under it when they are imported.
  await repositories.policies.put({
    policy: { districtId: 'd1', ruleIds: d1PolicyRuleIds, unconfirmedAfterDays: 3, updatedAt: SEEDED_AT, updatedBy: users.districtOfficer.id, version: 1 },
    audit: { ...seedAudit('policy-d1'), action: 'policy.update', childId: null },
    events: [],
  });
  for (const seeded of Object.values(children)) await importChild(repositories, seeded, seedAudit(seeded.id));
}
