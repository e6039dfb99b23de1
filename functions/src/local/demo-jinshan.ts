import type { Child, ChildCategory, ChildFlag, Guardian, RiskLevel } from '../domain/child.js';
import type { Organization } from '../domain/organization.js';
import type { Region, RegionPath } from '../domain/region.js';
import { currentPledgeText } from '../domain/pledge-texts.js';
import type { User } from '../domain/user.js';
import { REGISTERED_ON, SEEDED_AT, staff } from './demo-staff.js';

/**
 * 金山区, the demo's second district (issue 7, B8): one town, one village, six children with their teams, and an
 * officer who has not chosen the district's visit rules yet, so the district follows the national ones (R19, R20,
 * R21) and the officer's home asks to choose. The children are written out by hand so that each national rule has
 * someone to bind, and R3 or R14, once chosen, would add obligations for every child.
 */
export interface DemoDistrict {
  regions: Region[];
  organizations: Organization[];
  users: User[];
  children: Child[];
}

interface ChildLine {
  name: string;
  gender: Child['gender'];
  birthDate: string;
  categories: ChildCategory[];
  flags: ChildFlag[];
  riskLevel: RiskLevel;
  guardian: { name: string; relation: Guardian['relation'] };
}

// Each is bound by a national rule: R20 (left-behind, poverty, single parent, disabled, migrant, a parent in
// prison) or R21 (an orphan, a de facto unsupported child).
const childLines: readonly ChildLine[] = [
  { name: '陆子墨', gender: 'male', birthDate: '2015-03-12', categories: ['leftBehind'], flags: [], riskLevel: 'yellow', guardian: { name: '陆桂芳', relation: 'grandparent' } },
  { name: '沈语嫣', gender: 'female', birthDate: '2013-08-25', categories: ['difficult'], flags: ['poverty', 'singleParent'], riskLevel: 'red', guardian: { name: '沈丽萍', relation: 'mother' } },
  { name: '顾晨曦', gender: 'male', birthDate: '2017-11-02', categories: ['orphan'], flags: [], riskLevel: 'yellow', guardian: { name: '顾建华', relation: 'relative' } },
  { name: '钱思远', gender: 'male', birthDate: '2012-05-19', categories: ['difficult', 'leftBehind'], flags: ['childDisabled'], riskLevel: 'red', guardian: { name: '钱凤英', relation: 'grandparent' } },
  { name: '蔡欣然', gender: 'female', birthDate: '2016-01-30', categories: ['difficult'], flags: ['migrant'], riskLevel: 'green', guardian: { name: '蔡志刚', relation: 'father' } },
  { name: '姚一诺', gender: 'female', birthDate: '2014-09-08', categories: ['deFactoUnsupported'], flags: ['parentIllDisabledOrImprisoned'], riskLevel: 'yellow', guardian: { name: '姚玉珍', relation: 'grandparent' } },
];

/** `cityId`: the city it lies in; `childrenBefore`: how many demo children come first, so ids go on from there. */
export function buildJinshanDistrict(cityId: string, childrenBefore: number): DemoDistrict {
  const district: Region = { id: 'demo-district-jinshan', level: 'district', name: '金山区', parentId: cityId };
  const town: Region = { id: 'demo-town-langxia', level: 'town', name: '廊下镇', parentId: district.id };
  const village: Region = { id: 'demo-village-shantang', level: 'village', name: '山塘村', parentId: town.id };
  const organization: Organization = { id: 'demo-org-jinshan', name: '金山区向阳社工服务站', districtId: district.id };
  const region: RegionPath = { cityId, districtId: district.id, townId: town.id, villageId: village.id };
  const team = { supervisorId: 'demo-supervisor-langxia', directorId: 'demo-director-shantang', socialWorkerId: 'demo-social-worker-4' };
  const staffUsers: User[] = [
    staff('demo-district-officer-jinshan', '何丽娟', 'districtOfficer', { level: 'district', regionId: district.id }),
    staff(team.supervisorId, '蒋志明', 'supervisor', { level: 'town', regionId: town.id }),
    staff(team.directorId, '韩秀珍', 'director', { level: 'village', regionId: village.id }),
    staff(team.socialWorkerId, '冯晓雨', 'socialWorker', null, { organizationId: organization.id, pledgeSignedAt: SEEDED_AT, pledgeVersion: currentPledgeText().id }),
  ];
  const guardianUsers: User[] = [];
  const children = childLines.map((line, n): Child => {
    const number = String(childrenBefore + n + 1).padStart(3, '0');
    const guardianId = `demo-guardian-${number}`;
    const phone = `139${String(26000000 + n * 7919).padStart(8, '0')}`;
    guardianUsers.push(staff(guardianId, line.guardian.name, 'guardian', null, { phone }));
    return {
      id: `demo-child-${number}`,
      name: line.name,
      gender: line.gender,
      birthDate: line.birthDate,
      idNumber: `310116${line.birthDate.replaceAll('-', '')}${number}${n}`,
      address: `上海市金山区${town.name}${village.name}${n + 2}组${20 + n}号`,
      region,
      categories: line.categories,
      flags: line.flags,
      riskLevel: line.riskLevel,
      guardians: [{ userId: guardianId, name: line.guardian.name, relation: line.guardian.relation, phone }],
      organizationId: organization.id,
      legalBasis: { kind: 'statutoryDuty', authority: '《未成年人保护法》第八十一条、第九十二条 民政部门法定职责' },
      followUpTriggers: [],
      status: 'active',
      team,
      teamHistory: [{ at: SEEDED_AT, byUserId: 'demo-district-officer-jinshan', team, reason: null }],
      registeredOn: REGISTERED_ON,
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
      version: 1,
    };
  });
  return {
    regions: [district, town, village],
    organizations: [organization],
    users: [...staffUsers, ...guardianUsers],
    children,
  };
}
