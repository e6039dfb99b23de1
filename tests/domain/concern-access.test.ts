import { describe, expect, it } from 'vitest';
import { concernQueueOf, decideConcernAccess, type ConcernAction } from '../../functions/src/domain/access-policy.js';
import type { Actor, Role } from '../../functions/src/domain/user.js';

// A concern about a child of village v1, town t1, district d1.
const concern = { path: { cityId: 'c1', districtId: 'd1', townId: 't1', villageId: 'v1' } };

function actor(role: Role, scope: Actor['scope']): Actor {
  return { id: `${role}-x`, role, scope, organizationId: null, pledgeSignedAt: '2026-01-10T09:00:00+08:00' };
}

const actors: Record<string, Actor> = {
  director: actor('director', { level: 'village', regionId: 'v1' }),
  otherDirector: actor('director', { level: 'village', regionId: 'v2' }),
  supervisor: actor('supervisor', { level: 'town', regionId: 't1' }),
  otherSupervisor: actor('supervisor', { level: 'town', regionId: 't2' }),
  districtOfficer: actor('districtOfficer', { level: 'district', regionId: 'd1' }),
  otherDistrictOfficer: actor('districtOfficer', { level: 'district', regionId: 'd2' }),
  cityOfficer: actor('cityOfficer', { level: 'city', regionId: 'c1' }),
  guardian: actor('guardian', null),
  socialWorker: actor('socialWorker', null),
  volunteer: actor('volunteer', { level: 'town', regionId: 't1' }),
  directorWithTownScope: actor('director', { level: 'town', regionId: 't1' }),
};

const actions: ConcernAction[] = [
  'read',
  { step: 'acknowledged' },
  { step: 'investigating' },
  { step: 'assessed' },
  { step: 'assisting' },
  { step: 'referred' },
  { step: 'closed' },
];

// Y = allowed, '-' = denied. Columns: read, acknowledge, investigate, assess, assist, refer, close.
const expected: Record<string, string> = {
  director: 'Y Y Y - Y - -',
  otherDirector: '- - - - - - -',
  supervisor: 'Y Y Y Y Y Y Y',
  otherSupervisor: '- - - - - - -',
  districtOfficer: 'Y Y Y Y Y Y Y',
  otherDistrictOfficer: '- - - - - - -',
  cityOfficer: '- - - - - - -',
  guardian: '- - - - - - -',
  socialWorker: '- - - - - - -',
  volunteer: '- - - - - - -',
  directorWithTownScope: '- - - - - - -',
};

describe('who handles a concern (issue 8, R6, R17)', () => {
  for (const [name, who] of Object.entries(actors)) {
    it(`${name}: ${expected[name]}`, () => {
      const row = actions.map((action) => (decideConcernAccess(who, action, concern).allowed ? 'Y' : '-'));
      expect(row.join(' ')).toBe(expected[name]);
    });
  }

  it('out of the area the concern does not exist for them; in the area a step beyond the role is a refusal', () => {
    expect(decideConcernAccess(actors.otherSupervisor, 'read', concern)).toEqual({ allowed: false, denial: 'notRelated' });
    expect(decideConcernAccess(actors.director, { step: 'closed' }, concern)).toEqual({ allowed: false, denial: 'roleCannot' });
  });

  it('each handler reads the queue of their own area; nobody else has one', () => {
    expect(concernQueueOf(actors.director)).toEqual({ level: 'village', regionId: 'v1' });
    expect(concernQueueOf(actors.supervisor)).toEqual({ level: 'town', regionId: 't1' });
    expect(concernQueueOf(actors.districtOfficer)).toEqual({ level: 'district', regionId: 'd1' });
    expect(concernQueueOf(actors.guardian)).toBeNull();
    expect(concernQueueOf(actors.directorWithTownScope)).toBeNull();
  });
});
