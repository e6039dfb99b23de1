import type { Child, ChildCategory, ChildFlag, Guardian, LegalBasis, RiskLevel } from '../domain/child.js';
import type { Organization } from '../domain/organization.js';
import type { Region, RegionPath } from '../domain/region.js';
import type { School } from '../domain/school.js';
import { currentPledgeText } from '../domain/pledge-texts.js';
import type { User } from '../domain/user.js';
import { buildJinshanDistrict } from './demo-jinshan.js';
import { REGISTERED_ON, SEEDED_AT, staff } from './demo-staff.js';
import { createSeededRandom } from './seeded-random.js';

/**
 * The demo area `npm start` seeds once: one city; in it 松江区 with two towns, four villages, 40 children with a mix
 * of categories and risk grades close to the Pinghu figures of DOMAIN.md, their guardians, an execution team per
 * child (R1), two contracted organizations (one idle, R9) and two volunteers; and 金山区, a small district whose
 * officer has not chosen its visit rules yet (demo-jinshan.ts). Generated from a fixed seed, so every start produces
 * the same ids and a second start finds everything already there. All people are fictional.
 */
export interface DemoArea {
  regions: Region[];
  organizations: Organization[];
  users: User[];
  children: Child[];
  /** R12: schools of 松江区's towns, for their pre-vacation safety sessions. */
  schools: School[];
  /** The accounts the local login page offers, one per role (and 金山区's officer). */
  demoLoginIds: string[];
  /** The districts whose officer chose the demo's rules (demoAreaPolicyRuleIds); any other follows the national ones. */
  chosenPolicyDistrictIds: string[];
}

const city: Region = { id: 'demo-city', level: 'city', name: '上海市', parentId: null };
const district: Region = { id: 'demo-district', level: 'district', name: '松江区', parentId: city.id };
const towns: Region[] = [
  { id: 'demo-town-yexie', level: 'town', name: '叶榭镇', parentId: district.id },
  { id: 'demo-town-maogang', level: 'town', name: '泖港镇', parentId: district.id },
];
const villages: Region[] = [
  { id: 'demo-village-jinglingqiao', level: 'village', name: '井凌桥村', parentId: towns[0].id },
  { id: 'demo-village-dongqin', level: 'village', name: '东勤村', parentId: towns[0].id },
  { id: 'demo-village-huangqiao', level: 'village', name: '黄桥村', parentId: towns[1].id },
  { id: 'demo-village-xinjian', level: 'village', name: '新建村', parentId: towns[1].id },
];
const schools: School[] = [
  { id: 'demo-school-yexie-primary', name: '叶榭小学', townId: towns[0].id, districtId: district.id },
  { id: 'demo-school-yexie-middle', name: '叶榭学校', townId: towns[0].id, districtId: district.id },
  { id: 'demo-school-maogang', name: '泖港学校', townId: towns[1].id, districtId: district.id },
];
const organization: Organization = { id: 'demo-org', name: '松江区阳光社工服务中心', districtId: district.id };
// R9: contracted, with no social worker in the field yet, so the district's monthly report flags it as idle.
const idleOrganization: Organization = { id: 'demo-org-qiming', name: '松江区启明家庭服务社', districtId: district.id };

function pathOf(village: Region): RegionPath {
  return { cityId: city.id, districtId: district.id, townId: village.parentId!, villageId: village.id };
}

/** R8: marked signed of the current pledge version (no signature record: nothing to download for the demo's staff). */
const signed = { organizationId: organization.id, pledgeSignedAt: SEEDED_AT, pledgeVersion: currentPledgeText().id };
const staffAccounts: User[] = [
  staff('demo-city-officer', '陈建国', 'cityOfficer', { level: 'city', regionId: city.id }),
  staff('demo-district-officer', '周丽华', 'districtOfficer', { level: 'district', regionId: district.id }),
  staff('demo-org-admin', '吴敏', 'orgAdmin', { level: 'district', regionId: district.id }, signed),
  staff('demo-supervisor-yexie', '沈志强', 'supervisor', { level: 'town', regionId: towns[0].id }),
  staff('demo-supervisor-maogang', '顾美玲', 'supervisor', { level: 'town', regionId: towns[1].id }),
  staff('demo-director-jinglingqiao', '张桂英', 'director', { level: 'village', regionId: villages[0].id }),
  staff('demo-director-dongqin', '钱卫东', 'director', { level: 'village', regionId: villages[1].id }),
  staff('demo-director-huangqiao', '孙秀兰', 'director', { level: 'village', regionId: villages[2].id }),
  staff('demo-director-xinjian', '李明华', 'director', { level: 'village', regionId: villages[3].id }),
  staff('demo-social-worker-1', '王晓静', 'socialWorker', null, signed),
  staff('demo-social-worker-2', '刘子豪', 'socialWorker', null, signed),
  staff('demo-social-worker-3', '陆雨婷', 'socialWorker', null, signed),
  staff('demo-volunteer-1', '徐佳怡', 'volunteer', { level: 'town', regionId: towns[0].id }, signed),
  // R8: the second volunteer has not signed the pledge yet.
  staff('demo-volunteer-2', '马骏', 'volunteer', { level: 'town', regionId: towns[1].id }, { organizationId: organization.id }),
];

/** Staff carry a work phone (made up, in the 138 0021 block), which a family can call from the child's page. */
const staffUsers: User[] = staffAccounts.map((user, index) => ({ ...user, phone: `1380021${String(1001 + index * 37).padStart(4, '0')}` }));

const supervisorOfTown: Record<string, string> = {
  [towns[0].id]: 'demo-supervisor-yexie',
  [towns[1].id]: 'demo-supervisor-maogang',
};
const directorOfVillage: Record<string, string> = Object.fromEntries(
  villages.map((v) => [v.id, `demo-director-${v.id.replace('demo-village-', '')}`]),
);
const socialWorkersOfTown: Record<string, string[]> = {
  [towns[0].id]: ['demo-social-worker-1', 'demo-social-worker-2'],
  [towns[1].id]: ['demo-social-worker-3'],
};

const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '朱', '马', '胡', '郭'];
const boyNames = ['浩然', '子轩', '宇航', '俊杰', '明轩', '梓豪', '博文', '天佑', '一鸣', '晨阳'];
const girlNames = ['欣怡', '梓涵', '诗琪', '雨萱', '可馨', '佳怡', '语桐', '思彤', '若曦', '紫涵'];
const elderNames = ['秀英', '桂兰', '建国', '国华', '凤英', '德明', '玉珍', '志刚'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** Roughly the Pinghu mix: mostly difficult circumstances, some left-behind, a few orphans and de facto unsupported. */
function categoriesFor(random: () => number): ChildCategory[] {
  const roll = random();
  if (roll < 0.05) return ['orphan'];
  if (roll < 0.18) return ['deFactoUnsupported'];
  if (roll < 0.45) return ['leftBehind'];
  if (roll < 0.55) return ['difficult', 'leftBehind'];
  return ['difficult'];
}

function riskFor(random: () => number): RiskLevel {
  const roll = random();
  return roll < 0.12 ? 'red' : roll < 0.45 ? 'yellow' : 'green';
}

const flagChances: [ChildFlag, number][] = [
  ['poverty', 0.3],
  ['singleParent', 0.15],
  ['childDisabled', 0.08],
  ['parentSevereDisability', 0.08],
  ['parentIllDisabledOrImprisoned', 0.08],
  ['psychologicalOrBehavioural', 0.06],
  ['livingAlone', 0.03],
  ['runawayHistory', 0.03],
  ['outOfSchool', 0.03],
  ['migrant', 0.05],
];

function legalBasisFor(random: () => number, guardianName: string, index: number): LegalBasis {
  return random() < 0.8
    ? { kind: 'statutoryDuty', authority: '《未成年人保护法》第八十一条、第九十二条 民政部门法定职责' }
    : { kind: 'guardianConsent', guardianName, consentedOn: '2026-01-04', recordRef: `SJ-2026-${String(index).padStart(3, '0')}` };
}

/** R19: two children of the demo area came home recently, so their weekly follow-ups are running. */
function followUpTriggersFor(index: number): Child['followUpTriggers'] {
  if (index === 4) return [{ kind: 'returnedHome', on: '2026-11-09' }];
  if (index === 27) return [{ kind: 'guardianshipRevoked', on: '2026-10-12', reason: 'leftUnattendedInDanger' }];
  return [];
}

function buildChildren(random: () => number): { children: Child[]; guardianUsers: User[] } {
  const children: Child[] = [];
  const guardianUsers: User[] = [];
  let index = 0;
  for (const village of villages) {
    for (let n = 0; n < 10; n += 1) {
      index += 1;
      const id = `demo-child-${String(index).padStart(3, '0')}`;
      const surname = pick(random, surnames);
      const gender = random() < 0.5 ? 'male' : 'female';
      const categories = categoriesFor(random);
      const orphan = categories.includes('orphan');
      const leftBehind = categories.includes('leftBehind');
      const guardianName = `${orphan || leftBehind ? pick(random, surnames) : surname}${pick(random, elderNames)}`;
      const relation: Guardian['relation'] = orphan ? 'relative' : leftBehind ? 'grandparent' : random() < 0.5 ? 'mother' : 'father';
      const guardianId = `demo-guardian-${String(index).padStart(3, '0')}`;
      const phone = `139${String(16000000 + index * 7919).padStart(8, '0')}`;
      guardianUsers.push(staff(guardianId, guardianName, 'guardian', null, { phone, wechatOpenId: `openid-${guardianId}` }));
      const year = 2010 + Math.floor(random() * 12);
      const birthDate = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
      const townId = village.parentId!;
      const socialWorkers = socialWorkersOfTown[townId];
      // The last child of each village was registered this month and has no team yet.
      const team = n === 9 ? null : {
        supervisorId: supervisorOfTown[townId],
        directorId: directorOfVillage[village.id],
        socialWorkerId: socialWorkers[n % socialWorkers.length],
      };
      children.push({
        id,
        name: `${surname}${gender === 'male' ? pick(random, boyNames) : pick(random, girlNames)}`,
        gender,
        birthDate,
        idNumber: `310117${birthDate.replaceAll('-', '')}${String(100 + index).slice(-3)}${index % 10}`,
        address: `上海市松江区${towns.find((t) => t.id === townId)!.name}${village.name}${1 + (index % 9)}组${10 + index}号`,
        region: pathOf(village),
        categories,
        flags: flagChances.filter(([, chance]) => random() < chance).map(([flag]) => flag),
        riskLevel: riskFor(random),
        guardians: [{ userId: guardianId, name: guardianName, relation, phone }],
        organizationId: organization.id,
        legalBasis: legalBasisFor(random, guardianName, index),
        followUpTriggers: followUpTriggersFor(index),
        status: 'active',
        team,
        teamHistory: team ? [{ at: SEEDED_AT, byUserId: 'demo-district-officer', team, reason: null }] : [],
        registeredOn: REGISTERED_ON,
        createdAt: SEEDED_AT,
        updatedAt: SEEDED_AT,
        version: 1,
      });
    }
  }
  return { children, guardianUsers };
}

export function buildDemoArea(): DemoArea {
  const { children, guardianUsers } = buildChildren(createSeededRandom(20260105));
  // After 松江区's, so the 40 children keep their ids and every test that names one still finds it.
  const jinshan = buildJinshanDistrict(city.id, children.length);
  return {
    regions: [city, district, ...towns, ...villages, ...jinshan.regions],
    organizations: [organization, idleOrganization, ...jinshan.organizations],
    users: [...staffUsers, ...guardianUsers, ...jinshan.users],
    children: [...children, ...jinshan.children],
    schools,
    demoLoginIds: [
      'demo-director-jinglingqiao',
      'demo-guardian-001',
      'demo-supervisor-yexie',
      'demo-social-worker-1',
      'demo-district-officer',
      'demo-district-officer-jinshan',
      'demo-city-officer',
      'demo-org-admin',
      'demo-volunteer-1',
      // R8 (issue 11): the volunteer who has not signed the pledge yet, to sign it.
      'demo-volunteer-2',
      // Issue 12, R15: the guardian of a child of social worker 1 (东勤村) that no other demo story touches, so a
      // case can be closed in the demo and the family read the closing notice without ending demo-child-001's plan.
      'demo-guardian-013',
    ],
    chosenPolicyDistrictIds: [district.id],
  };
}
