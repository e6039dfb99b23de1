import { describe, expect, it } from 'vitest';
import {
  childListScopeFor,
  decideChildAccess,
  forbiddenPatchFields,
  type ChildAction,
} from '../../functions/src/domain/access-policy.js';
import type { Child } from '../../functions/src/domain/child.js';
import type { Actor, Role } from '../../functions/src/domain/user.js';

// Two villages in two towns of one district; the child lives in village v1 of town t1.
const child: Pick<Child, 'region' | 'team' | 'guardians' | 'organizationId'> = {
  region: { cityId: 'c1', districtId: 'd1', townId: 't1', villageId: 'v1' },
  team: { supervisorId: 'sup-t1', directorId: 'dir-v1', socialWorkerId: 'sw-1' },
  guardians: [{ userId: 'g-1', name: '王芳', relation: 'mother', phone: null }],
  organizationId: 'org-1',
};

const signed = '2026-01-10T09:00:00+08:00';
function actor(id: string, role: Role, scope: Actor['scope'], extra: Partial<Actor> = {}): Actor {
  return { id, role, scope, organizationId: null, pledgeSignedAt: signed, ...extra };
}

const actors = {
  ownGuardian: actor('g-1', 'guardian', null),
  otherGuardian: actor('g-2', 'guardian', null),
  director: actor('dir-v1', 'director', { level: 'village', regionId: 'v1' }),
  otherDirector: actor('dir-v2', 'director', { level: 'village', regionId: 'v2' }),
  supervisor: actor('sup-t1', 'supervisor', { level: 'town', regionId: 't1' }),
  otherSupervisor: actor('sup-t2', 'supervisor', { level: 'town', regionId: 't2' }),
  teamSocialWorker: actor('sw-1', 'socialWorker', null, { organizationId: 'org-1' }),
  unsignedSocialWorker: actor('sw-1', 'socialWorker', null, { organizationId: 'org-1', pledgeSignedAt: null }),
  otherSocialWorker: actor('sw-2', 'socialWorker', null, { organizationId: 'org-1' }),
  volunteer: actor('vol-1', 'volunteer', { level: 'town', regionId: 't1' }),
  orgAdmin: actor('oa-1', 'orgAdmin', { level: 'district', regionId: 'd1' }, { organizationId: 'org-1' }),
  otherOrgAdmin: actor('oa-2', 'orgAdmin', { level: 'district', regionId: 'd1' }, { organizationId: 'org-2' }),
  districtOfficer: actor('do-1', 'districtOfficer', { level: 'district', regionId: 'd1' }),
  otherDistrictOfficer: actor('do-2', 'districtOfficer', { level: 'district', regionId: 'd2' }),
  cityOfficer: actor('co-1', 'cityOfficer', { level: 'city', regionId: 'c1' }),
  // A mis-provisioned account: a director whose scope is a whole town must not see the town.
  directorWithTownScope: actor('dir-x', 'director', { level: 'town', regionId: 't1' }),
};
type ActorName = keyof typeof actors;

// Y = allowed, '-' = denied. Columns: read, create, update, assignTeam.
const expected: Record<ActorName, string> = {
  ownGuardian: 'Y - - -',
  otherGuardian: '- - - -',
  director: 'Y Y Y -',
  otherDirector: '- - - -',
  supervisor: 'Y Y Y Y',
  otherSupervisor: '- - - -',
  teamSocialWorker: 'Y - Y -',
  unsignedSocialWorker: '- - - -',
  otherSocialWorker: '- - - -',
  volunteer: '- - - -',
  orgAdmin: 'Y - - -',
  otherOrgAdmin: '- - - -',
  districtOfficer: 'Y Y Y Y',
  otherDistrictOfficer: '- - - -',
  cityOfficer: 'Y - - -',
  directorWithTownScope: '- - - -',
};
const actions: ChildAction[] = ['read', 'create', 'update', 'assignTeam'];

describe('access policy: who may do what to the child of village v1', () => {
  const rows = (Object.keys(expected) as ActorName[]).flatMap((name) =>
    actions.map((action, i) => ({ name, action, allowed: expected[name].split(' ')[i] === 'Y' })),
  );
  it.each(rows)('$name $action → allowed=$allowed', ({ name, action, allowed }) => {
    expect(decideChildAccess(actors[name], action, child).allowed).toBe(allowed);
  });

  it('R8: a social worker who has not signed the pledge is refused for that reason', () => {
    expect(decideChildAccess(actors.unsignedSocialWorker, 'read', child)).toEqual({
      allowed: false,
      denial: 'pledgeMissing',
    });
  });

  it('a volunteer is refused by role, whatever their scope', () => {
    expect(decideChildAccess(actors.volunteer, 'read', child)).toEqual({ allowed: false, denial: 'roleCannot' });
  });
});

describe('property-level authorization: fields a role may set', () => {
  it.each([
    ['director', { riskLevel: 'red' as const }, ['riskLevel']],
    ['director', { name: '李明', flags: ['poverty' as const] }, []],
    ['socialWorker', { riskLevel: 'red' as const, address: '某村' }, ['address']],
    ['supervisor', { region: child.region }, ['region']],
    ['districtOfficer', { region: child.region, status: 'closed' as const }, []],
    ['cityOfficer', { name: '李明' }, ['name']],
    ['guardian', { phone: undefined, name: '李明' }, ['phone', 'name']],
  ] as const)('%s setting %j is refused on %j', (role, patch, refused) => {
    const who = Object.values(actors).find((a) => a.role === role)!;
    expect(forbiddenPatchFields(who, patch as never)).toEqual(refused);
  });
});

describe('list scope: one query shape per relation', () => {
  it.each([
    ['ownGuardian', { kind: 'guardian', userId: 'g-1' }],
    ['director', { kind: 'region', level: 'village', regionId: 'v1' }],
    ['supervisor', { kind: 'region', level: 'town', regionId: 't1' }],
    ['teamSocialWorker', { kind: 'socialWorker', userId: 'sw-1' }],
    ['unsignedSocialWorker', { kind: 'none' }],
    ['volunteer', { kind: 'none' }],
    ['orgAdmin', { kind: 'region', level: 'district', regionId: 'd1', organizationId: 'org-1' }],
    ['districtOfficer', { kind: 'region', level: 'district', regionId: 'd1' }],
    ['cityOfficer', { kind: 'region', level: 'city', regionId: 'c1' }],
    ['directorWithTownScope', { kind: 'none' }],
  ] as const)('%s lists %j', (name, scope) => {
    expect(childListScopeFor(actors[name])).toEqual(scope);
  });
});
