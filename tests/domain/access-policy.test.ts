import { describe, expect, it } from 'vitest';
import {
  decideAssessmentAccess,
  childListScopeFor,
  decideChildAccess,
  decideChildListQuery,
  decideDisputeSettlement,
  decideDistrictPolicyAccess,
  decidePendingConfirmationList,
  decideRuleCatalogueAccess,
  decideTownOversight,
  decideVisitAccess,
  decideVisitAmendment,
  disputeAlertRecipients,
  disputeOutcomeRecipients,
  forbiddenPatchFields,
  inboxesOf,
  mayReadDisputeReasonsInInbox,
  listDenialOf,
  mayHaveOwnObligations,
  mayListOwnObligationAt,
  mayReadCorrectionReasons,
  visitFieldsHiddenFrom,
  type ChildAction,
  type VisitAction,
} from '../../functions/src/domain/access-policy.js';
import type { Child } from '../../functions/src/domain/child.js';
import type { InboxOwner } from '../../functions/src/domain/inbox.js';
import { roles, type Actor, type Role } from '../../functions/src/domain/user.js';

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
    // Issue 12 (R18): nobody types in the risk level; it changes through an assessment or a supervisor's override.
    ['socialWorker', { riskLevel: 'red' as const, address: '某村' }, ['riskLevel', 'address']],
    ['supervisor', { riskLevel: 'green' as const }, ['riskLevel']],
    ['districtOfficer', { riskLevel: 'green' as const }, ['riskLevel']],
    ['supervisor', { region: child.region }, ['region']],
    ['districtOfficer', { region: child.region, status: 'closed' as const }, []],
    ['cityOfficer', { name: '李明' }, ['name']],
    ['guardian', { phone: undefined, name: '李明' }, ['phone', 'name']],
  ] as const)('%s setting %j is refused on %j', (role, patch, refused) => {
    const who = Object.values(actors).find((a) => a.role === role)!;
    expect(forbiddenPatchFields(who, patch as never)).toEqual(refused);
  });
});

describe('guardianship assessments (issue 12, R18): the team and the town supervisor record, officers read, families and volunteers nothing', () => {
  it.each([
    ['teamSocialWorker', { read: true, record: true, overrideRisk: false }],
    ['director', { read: true, record: true, overrideRisk: false }],
    ['supervisor', { read: true, record: true, overrideRisk: true }],
    ['otherSupervisor', { read: false, record: false, overrideRisk: false }],
    ['districtOfficer', { read: true, record: false, overrideRisk: false }],
    ['cityOfficer', { read: true, record: false, overrideRisk: false }],
    ['otherSocialWorker', { read: false, record: false, overrideRisk: false }],
    ['unsignedSocialWorker', { read: false, record: false, overrideRisk: false }],
    ['ownGuardian', { read: false, record: false, overrideRisk: false }],
    ['volunteer', { read: false, record: false, overrideRisk: false }],
    ['orgAdmin', { read: false, record: false, overrideRisk: false }],
  ] as const)('%s: %j', (name, expected) => {
    const who = actors[name as ActorName];
    const decided = Object.fromEntries((['read', 'record', 'overrideRisk'] as const).map((action) => [action, decideAssessmentAccess(who, action, child).allowed]));
    expect(decided).toEqual(expected);
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

// Y = allowed, '-' = denied. Columns: checkIn, confirm, list (a child's visits), read (one visit's page), verify (the chain), listObligations
// (the child's schedule). A check-in is the team's social worker's (R3) or the village director's (R11); an answer
// the guardian's own; the chain and the schedule are staff matters.
const expectedVisits: Record<ActorName, string> = {
  ownGuardian: '- Y Y Y - -',
  otherGuardian: '- - - - - -',
  director: 'Y - Y Y Y Y',
  otherDirector: '- - - - - -',
  supervisor: '- - Y Y Y Y',
  otherSupervisor: '- - - - - -',
  teamSocialWorker: 'Y - Y Y Y Y',
  unsignedSocialWorker: '- - - - - -',
  otherSocialWorker: '- - - - - -',
  volunteer: '- - - - - -',
  orgAdmin: '- - Y Y Y Y',
  otherOrgAdmin: '- - - - - -',
  districtOfficer: '- - Y Y Y Y',
  otherDistrictOfficer: '- - - - - -',
  cityOfficer: '- - Y Y Y Y',
  directorWithTownScope: '- - - - - -',
};
const visitActions: VisitAction[] = ['checkIn', 'confirm', 'list', 'read', 'verify', 'listObligations'];

describe('access policy: the visits of the child of village v1', () => {
  const rows = (Object.keys(expectedVisits) as ActorName[]).flatMap((name) =>
    visitActions.map((action, i) => ({ name, action, allowed: expectedVisits[name].split(' ')[i] === 'Y' })),
  );
  it.each(rows)('$name $action → allowed=$allowed', ({ name, action, allowed }) => {
    expect(decideVisitAccess(actors[name], action, child).allowed).toBe(allowed);
  });

  it.each([
    // A guardian who may read the child is refused the staff matters by role (403), not as a stranger (404).
    ['ownGuardian', 'verify', 'roleCannot'],
    ['ownGuardian', 'listObligations', 'roleCannot'],
    ['otherGuardian', 'verify', 'notRelated'],
    ['supervisor', 'checkIn', 'roleCannot'],
    ['ownGuardian', 'checkIn', 'roleCannot'],
    ['teamSocialWorker', 'confirm', 'roleCannot'],
    ['unsignedSocialWorker', 'checkIn', 'pledgeMissing'],
    ['otherDirector', 'checkIn', 'notRelated'],
    ['volunteer', 'list', 'roleCannot'],
  ] as const)('%s %s is refused as %s', (name, action, denial) => {
    expect(decideVisitAccess(actors[name], action, child)).toEqual({ allowed: false, denial });
  });
});

// Columns: the pending-confirmation list, an own due list, the rule catalogue, the inboxes read.
const expectedOwnWork: Record<ActorName, [string, string, string, string]> = {
  ownGuardian: ['Y', '-', '-', 'user:g-1'],
  otherGuardian: ['Y', '-', '-', 'user:g-2'],
  director: ['-', 'Y', 'Y', 'user:dir-v1 village:v1'],
  otherDirector: ['-', 'Y', 'Y', 'user:dir-v2 village:v2'],
  supervisor: ['-', '-', 'Y', 'user:sup-t1 town:t1'],
  otherSupervisor: ['-', '-', 'Y', 'user:sup-t2 town:t2'],
  teamSocialWorker: ['-', 'Y', 'Y', 'user:sw-1'],
  unsignedSocialWorker: ['-', '-', 'Y', 'user:sw-1'],
  otherSocialWorker: ['-', 'Y', 'Y', 'user:sw-2'],
  volunteer: ['-', '-', 'Y', 'user:vol-1'],
  orgAdmin: ['-', '-', 'Y', 'user:oa-1 organization:org-1'],
  otherOrgAdmin: ['-', '-', 'Y', 'user:oa-2 organization:org-2'],
  districtOfficer: ['-', '-', 'Y', 'user:do-1 district:d1'],
  otherDistrictOfficer: ['-', '-', 'Y', 'user:do-2 district:d2'],
  cityOfficer: ['-', '-', 'Y', 'user:co-1 city:c1'],
  directorWithTownScope: ['-', '-', 'Y', 'user:dir-x'],
};


/** `kind:id`, whatever the kind of inbox. */
const inboxName = (owner: InboxOwner): string => `${owner.kind}:${Object.values(owner)[1]}`;

describe('access policy: the work an actor has of their own', () => {
  it.each(Object.keys(expectedOwnWork) as ActorName[])('%s', (name) => {
    const [pending, own, catalogue, inboxes] = expectedOwnWork[name];
    const who = actors[name];
    expect(decidePendingConfirmationList(who).allowed).toBe(pending === 'Y');
    expect(mayHaveOwnObligations(who)).toBe(own === 'Y');
    expect(decideRuleCatalogueAccess(who).allowed).toBe(catalogue === 'Y');
    expect(inboxesOf(who).map(inboxName).join(' ')).toBe(inboxes);
  });

  it('shows a director the due entries of their own village only (a director moved keeps no old list)', () => {
    expect(mayListOwnObligationAt(actors.director, child.region)).toBe(true);
    expect(mayListOwnObligationAt(actors.otherDirector, child.region)).toBe(false);
    expect(mayListOwnObligationAt(actors.teamSocialWorker, child.region)).toBe(true);
    expect(mayListOwnObligationAt(actors.supervisor, child.region)).toBe(false);
  });
});

// Columns: oversee town t1 (its due day, its attention list); read d1's policy; change d1's policy. The actor's
// district is what the caller resolved from the scope or the organization.
const districtOfActor: Partial<Record<ActorName, string>> = {
  director: 'd1', otherDirector: 'd1', supervisor: 'd1', otherSupervisor: 'd1', teamSocialWorker: 'd1',
  unsignedSocialWorker: 'd1', orgAdmin: 'd1', districtOfficer: 'd1', otherDistrictOfficer: 'd2', volunteer: 'd1',
};
const expectedArea: Record<ActorName, string> = {
  ownGuardian: '- - -',
  otherGuardian: '- - -',
  director: '- Y -',
  otherDirector: '- Y -',
  supervisor: 'Y Y -',
  otherSupervisor: '- Y -',
  teamSocialWorker: '- Y -',
  unsignedSocialWorker: '- - -',
  otherSocialWorker: '- - -',
  volunteer: '- - -',
  orgAdmin: '- Y -',
  otherOrgAdmin: '- - -',
  districtOfficer: 'Y Y Y',
  otherDistrictOfficer: '- - -',
  cityOfficer: 'Y Y -',
  directorWithTownScope: '- - -',
};

describe('access policy: a town’s and a district’s work as a whole', () => {
  const town = { cityId: 'c1', districtId: 'd1', townId: 't1' };
  it.each(Object.keys(expectedArea) as ActorName[])('%s', (name) => {
    const [oversee, read, update] = expectedArea[name].split(' ').map((cell) => cell === 'Y');
    const who = actors[name];
    const own = districtOfActor[name] ?? null;
    expect(decideTownOversight(who, town).allowed).toBe(oversee);
    expect(decideDistrictPolicyAccess(who, 'read', town, own).allowed).toBe(read);
    expect(decideDistrictPolicyAccess(who, 'update', town, own).allowed).toBe(update);
    // Previewing a change is the change's business: the same few may.
    expect(decideDistrictPolicyAccess(who, 'preview', town, own).allowed).toBe(update);
  });

  it.each([
    ['ownGuardian', 'read', 'roleCannot'],
    ['director', 'update', 'roleCannot'],
    ['supervisor', 'preview', 'roleCannot'],
    ['otherDistrictOfficer', 'update', 'notRelated'],
    ['otherDistrictOfficer', 'preview', 'notRelated'],
    ['unsignedSocialWorker', 'read', 'pledgeMissing'],
  ] as const)('%s %s of the policy is refused as %s', (name, action, denial) => {
    expect(decideDistrictPolicyAccess(actors[name], action, town, districtOfActor[name] ?? null)).toEqual({ allowed: false, denial });
  });

  it('tells a role that never oversees a town from an officer of another area', () => {
    expect(decideTownOversight(actors.director, town)).toEqual({ allowed: false, denial: 'roleCannot' });
    expect(decideTownOversight(actors.otherSupervisor, town)).toEqual({ allowed: false, denial: 'notRelated' });
  });
});

describe('the fields of a visit hidden from a role', () => {
  it.each(roles)('%s', (role) => {
    const hidden = role === 'guardian' ? ['notes', 'problemsFound', 'r3', 'location', 'locationMissing', 'asRecorded'] : [];
    expect(visitFieldsHiddenFrom(role)).toEqual(hidden);
  });

  it.each(roles)('%s: the reasons given for corrections', (role) => {
    expect(mayReadCorrectionReasons(role)).toBe(role !== 'guardian');
  });
});

// Issue 7, B2 and B3. Columns: settle a dispute of the child with a team, of a child of town t1 without a team;
// correct or withdraw a visit the team's social worker recorded, one the village's director recorded.
const expectedVisitWork: Record<ActorName, string> = {
  ownGuardian: '- - - -',
  otherGuardian: '- - - -',
  director: '- - - Y',
  otherDirector: '- - - -',
  supervisor: 'Y Y - -',
  otherSupervisor: '- - - -',
  teamSocialWorker: '- - Y -',
  unsignedSocialWorker: '- - - -',
  otherSocialWorker: '- - - -',
  volunteer: '- - - -',
  orgAdmin: '- - - -',
  otherOrgAdmin: '- - - -',
  districtOfficer: '- - - -',
  otherDistrictOfficer: '- - - -',
  cityOfficer: '- - - -',
  directorWithTownScope: '- - - -',
};

describe('access policy: settling a dispute and correcting a visit (issue 7)', () => {
  const teamless = { ...child, team: null };
  it.each(Object.keys(expectedVisitWork) as ActorName[])('%s', (name) => {
    const who = actors[name];
    const [settle, settleTeamless, amendWorkers, amendDirectors] = expectedVisitWork[name].split(' ').map((cell) => cell === 'Y');
    expect(decideDisputeSettlement(who, child).allowed).toBe(settle);
    expect(decideDisputeSettlement(who, teamless).allowed).toBe(settleTeamless);
    expect(decideVisitAmendment(who, child, { recordedBy: 'sw-1' }).allowed).toBe(amendWorkers);
    expect(decideVisitAmendment(who, child, { recordedBy: 'dir-v1' }).allowed).toBe(amendDirectors);
  });

  it.each([
    ['director', 'settle', 'roleCannot'],
    ['otherSupervisor', 'settle', 'notRelated'],
    // R1: with a team, the supervisor who leads it settles; another supervisor of the same town does not.
    ['sameTownSupervisor', 'settle', 'notRelated'],
    ['director', 'amend', 'notAuthor'],
    ['unsignedSocialWorker', 'amend', 'pledgeMissing'],
    ['otherSocialWorker', 'amend', 'notRelated'],
    ['ownGuardian', 'amend', 'roleCannot'],
  ] as const)('%s %s is refused as %s', (name, what, denial) => {
    const who = name === 'sameTownSupervisor' ? actor('sup-t1b', 'supervisor', { level: 'town', regionId: 't1' }) : actors[name];
    const decision = what === 'settle' ? decideDisputeSettlement(who, child) : decideVisitAmendment(who, child, { recordedBy: 'sw-1' });
    expect(decision).toEqual({ allowed: false, denial });
  });
});

// Issue 7, B8: who is told of a guardian's dispute and of its outcome, read through the inboxes each actor reads.
// Columns: the dispute of a visit to the child with its team; to a child of v1 without a team; the outcome of a
// visit the team's social worker recorded; of a visit the village's director recorded to the child without a team.
const expectedMessages: Record<ActorName, string> = {
  ownGuardian: '- - Y Y',
  otherGuardian: '- - - -',
  director: 'Y Y Y Y',
  otherDirector: '- - - -',
  supervisor: 'Y Y - -',
  otherSupervisor: '- - - -',
  teamSocialWorker: '- - Y -',
  unsignedSocialWorker: '- - Y -',
  otherSocialWorker: '- - - -',
  volunteer: '- - - -',
  orgAdmin: '- - - -',
  otherOrgAdmin: '- - - -',
  districtOfficer: '- - - -',
  otherDistrictOfficer: '- - - -',
  cityOfficer: '- - - -',
  directorWithTownScope: '- - - -',
};

describe('access policy: who is told of a dispute and its outcome (issue 7)', () => {
  const teamless = { ...child, team: null };
  const reaches = (who: Actor, recipients: InboxOwner[]) => {
    const reads = new Set(inboxesOf(who).map(inboxName));
    return recipients.some((owner) => reads.has(inboxName(owner)));
  };

  it.each(Object.keys(expectedMessages) as ActorName[])('%s', (name) => {
    const who = actors[name];
    const told = [
      disputeAlertRecipients(child),
      disputeAlertRecipients(teamless),
      disputeOutcomeRecipients(child, { recordedBy: 'sw-1' }),
      disputeOutcomeRecipients(teamless, { recordedBy: 'dir-v1' }),
    ].map((recipients) => (reaches(who, recipients) ? 'Y' : '-'));
    expect(told.join(' ')).toBe(expectedMessages[name]);
  });

  it('addresses each person once: a director who recorded the visit as its author, and the village once', () => {
    expect(disputeOutcomeRecipients(teamless, { recordedBy: 'dir-v1' }).map(inboxName)).toEqual(['user:dir-v1', 'user:g-1', 'village:v1']);
    expect(disputeAlertRecipients(teamless).map(inboxName)).toEqual(['town:t1', 'village:v1']);
  });

  it.each(roles)('%s: the guardian’s reasons quoted in a message', (role) => {
    expect(mayReadDisputeReasonsInInbox(role)).toBe(role !== 'guardian');
  });
});

describe('why a list is refused', () => {
  it.each([
    ['volunteer', 'roleCannot'],
    ['unsignedSocialWorker', 'pledgeMissing'],
    ['directorWithTownScope', 'notRelated'],
  ] as const)('%s: %s', (name, denial) => {
    expect(listDenialOf(actors[name])).toBe(denial);
  });
});

describe('access policy: what a searched or filtered list of children covers (issue 7, B8)', () => {
  const paths = {
    v1: { cityId: 'c1', districtId: 'd1', townId: 't1', villageId: 'v1' },
    // Another town of the same district, and a village of another city.
    v3: { cityId: 'c1', districtId: 'd1', townId: 't2', villageId: 'v3' },
    v9: { cityId: 'c2', districtId: 'd9', townId: 't9', villageId: 'v9' },
  };
  // Y = the village narrows the list, '-' = refused. Columns: v1, v3, v9, a village that does not exist.
  const expectedVillage: Record<ActorName, string> = {
    ownGuardian: 'Y Y Y Y',
    otherGuardian: 'Y Y Y Y',
    director: 'Y - - -',
    otherDirector: '- - - -',
    supervisor: 'Y - - -',
    otherSupervisor: '- Y - -',
    teamSocialWorker: 'Y Y Y Y',
    unsignedSocialWorker: '- - - -',
    otherSocialWorker: 'Y Y Y Y',
    volunteer: '- - - -',
    orgAdmin: 'Y Y - -',
    otherOrgAdmin: 'Y Y - -',
    districtOfficer: 'Y Y - -',
    otherDistrictOfficer: '- - - -',
    cityOfficer: 'Y Y - -',
    directorWithTownScope: '- - - -',
  };

  it.each(Object.keys(expectedVillage) as ActorName[])('%s: by village', (name) => {
    const cells = expectedVillage[name].split(' ').map((cell) => cell === 'Y');
    const villages = [['v1', paths.v1], ['v3', paths.v3], ['v9', paths.v9], ['v404', null]] as const;
    villages.forEach(([villageId, path], column) => {
      expect(decideChildListQuery(actors[name], { villageId }, path).allowed, `${name} ${villageId}`).toBe(cells[column]);
    });
  });

  it('narrows a region scope to the village by the index, keeping the organization, and filters the rest', () => {
    expect(decideChildListQuery(actors.orgAdmin, { villageId: 'v3', q: '小' }, paths.v3)).toEqual({
      allowed: true,
      query: { scope: { kind: 'region', level: 'village', regionId: 'v3', organizationId: 'org-1' }, filter: { q: '小' } },
    });
    // A worker's own children stay theirs: the village is one more filter on them.
    expect(decideChildListQuery(actors.teamSocialWorker, { villageId: 'v3' }, paths.v3)).toEqual({
      allowed: true,
      query: { scope: { kind: 'socialWorker', userId: 'sw-1' }, filter: { villageId: 'v3' } },
    });
  });

  it('refuses a village outside the scope naming the field, the same for one that does not exist', () => {
    expect(decideChildListQuery(actors.supervisor, { villageId: 'v3' }, paths.v3)).toEqual({ allowed: false, denial: 'notRelated', field: 'villageId' });
    expect(decideChildListQuery(actors.supervisor, { villageId: 'v404' }, null)).toEqual({ allowed: false, denial: 'notRelated', field: 'villageId' });
  });

  it.each(roles)('%s: by name, grade and category only where the role sees them', (role) => {
    const who = Object.values(actors).find((a) => a.role === role && childListScopeFor(a).kind !== 'none');
    if (!who) return expect(role).toBe('volunteer');
    const guardian = role === 'guardian';
    expect(decideChildListQuery(who, { q: '明' }, null).allowed).toBe(true);
    expect(decideChildListQuery(who, { riskLevel: 'red' }, null)).toEqual(guardian ? { allowed: false, denial: 'roleCannot', field: 'riskLevel' } : expect.objectContaining({ allowed: true }));
    expect(decideChildListQuery(who, { category: 'orphan' }, null)).toEqual(guardian ? { allowed: false, denial: 'roleCannot', field: 'category' } : expect.objectContaining({ allowed: true }));
  });
});
