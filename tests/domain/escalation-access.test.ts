import { describe, expect, it } from 'vitest';
import {
  decideEscalationAccess,
  decideEscalationRaise,
  escalationQueueOf,
  type ChildRelations,
  type EscalationAction,
} from '../../functions/src/domain/access-policy.js';
import { escalationLevels } from '../../functions/src/domain/escalation-levels.js';
import type { Actor, Role } from '../../functions/src/domain/user.js';

// A child of village v1, town t1, district d1, city c1, held by org1, with a team and a guardian who has an account.
const child: ChildRelations = {
  region: { cityId: 'c1', districtId: 'd1', townId: 't1', villageId: 'v1' },
  team: { supervisorId: 'supervisor-x', directorId: 'director-x', socialWorkerId: 'socialWorker-x' },
  guardians: [{ userId: 'guardian-x', name: '李大山', relation: 'grandparent', phone: null }],
  organizationId: 'org1',
};

const signed = '2026-01-10T09:00:00+08:00';
function actor(role: Role, scope: Actor['scope'], overrides: Partial<Actor> = {}): Actor {
  return { id: `${role}-x`, role, scope, organizationId: null, pledgeSignedAt: signed, ...overrides };
}

const actors: Record<string, Actor> = {
  socialWorker: actor('socialWorker', null),
  otherSocialWorker: actor('socialWorker', null, { id: 'sw-other' }),
  unpledgedSocialWorker: actor('socialWorker', null, { pledgeSignedAt: null }),
  director: actor('director', { level: 'village', regionId: 'v1' }),
  otherDirector: actor('director', { level: 'village', regionId: 'v2' }),
  orgAdmin: actor('orgAdmin', { level: 'district', regionId: 'd1' }, { organizationId: 'org1' }),
  otherOrgAdmin: actor('orgAdmin', { level: 'district', regionId: 'd1' }, { organizationId: 'org2' }),
  supervisor: actor('supervisor', { level: 'town', regionId: 't1' }),
  otherSupervisor: actor('supervisor', { level: 'town', regionId: 't2' }),
  districtOfficer: actor('districtOfficer', { level: 'district', regionId: 'd1' }),
  otherDistrictOfficer: actor('districtOfficer', { level: 'district', regionId: 'd2' }),
  cityOfficer: actor('cityOfficer', { level: 'city', regionId: 'c1' }),
  otherCityOfficer: actor('cityOfficer', { level: 'city', regionId: 'c2' }),
  guardian: actor('guardian', null),
  volunteer: actor('volunteer', { level: 'town', regionId: 't1' }),
  supervisorWithVillageScope: actor('supervisor', { level: 'village', regionId: 'v1' }),
};

const actions: EscalationAction[] = ['read', 'acknowledge', 'resolve', 'raise'];

// Y = allowed, '-' = denied. Columns: raise a case; then at the town, district and city levels: read, acknowledge,
// resolve, raise further (whether the step exists from the case's status is the lifecycle's table).
const expected: Record<string, string> = {
  socialWorker: '          Y | Y - - - | Y - - - | Y - - -',
  otherSocialWorker: '     - | - - - - | - - - - | - - - -',
  unpledgedSocialWorker: ' - | - - - - | - - - - | - - - -',
  director: '              Y | Y - - - | Y - - - | Y - - -',
  otherDirector: '         - | - - - - | - - - - | - - - -',
  orgAdmin: '              - | Y - - - | Y - - - | Y - - -',
  otherOrgAdmin: '         - | - - - - | - - - - | - - - -',
  supervisor: '            - | Y Y Y Y | Y - - - | Y - - -',
  otherSupervisor: '       - | - - - - | - - - - | - - - -',
  districtOfficer: '       - | Y - - - | Y Y Y Y | Y - - -',
  otherDistrictOfficer: '  - | - - - - | - - - - | - - - -',
  cityOfficer: '           - | Y - - - | Y - - - | Y Y Y Y',
  otherCityOfficer: '      - | - - - - | - - - - | - - - -',
  guardian: '              - | - - - - | - - - - | - - - -',
  volunteer: '             - | - - - - | - - - - | - - - -',
  supervisorWithVillageScope: '- | - - - - | - - - - | - - - -',
};

describe('who raises, reads and handles a difficult case (issue 8, R6)', () => {
  for (const [name, who] of Object.entries(actors)) {
    it(`${name}: ${expected[name].trim()}`, () => {
      const mark = (allowed: boolean) => (allowed ? 'Y' : '-');
      const perLevel = escalationLevels.map((level) => actions.map((action) => mark(decideEscalationAccess(who, action, { level }, child).allowed)).join(' '));
      expect([mark(decideEscalationRaise(who, child).allowed), ...perLevel].join(' | ')).toBe(expected[name].trim());
    });
  }

  it('says why: out of the area or unpledged is a denial of the child (404), a role that may not is roleCannot (403)', () => {
    expect(decideEscalationRaise(actors.otherDirector, child)).toEqual({ allowed: false, denial: 'notRelated' });
    expect(decideEscalationRaise(actors.unpledgedSocialWorker, child)).toEqual({ allowed: false, denial: 'pledgeMissing' });
    expect(decideEscalationRaise(actors.supervisor, child)).toEqual({ allowed: false, denial: 'roleCannot' });
    expect(decideEscalationAccess(actors.districtOfficer, 'acknowledge', { level: 'town' }, child)).toEqual({ allowed: false, denial: 'roleCannot' });
    expect(decideEscalationAccess(actors.guardian, 'read', { level: 'town' }, child)).toEqual({ allowed: false, denial: 'roleCannot' });
  });

  it("each level's officer works the queue of their own area; nobody else has one", () => {
    expect(escalationQueueOf(actors.supervisor)).toEqual({ level: 'town', regionId: 't1' });
    expect(escalationQueueOf(actors.districtOfficer)).toEqual({ level: 'district', regionId: 'd1' });
    expect(escalationQueueOf(actors.cityOfficer)).toEqual({ level: 'city', regionId: 'c1' });
    for (const name of ['director', 'socialWorker', 'orgAdmin', 'guardian', 'supervisorWithVillageScope']) expect(escalationQueueOf(actors[name])).toBeNull();
  });
});
