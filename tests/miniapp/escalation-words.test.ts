import { describe, expect, it } from 'vitest';
import { DEFAULT_ACKNOWLEDGE_LIMITS } from '../../functions/src/domain/acknowledge-limits.js';
import { decideEscalationAccess, decideEscalationRaise } from '../../functions/src/domain/access-policy.js';
import { escalationTrailActions, raiseEscalation, type Escalation } from '../../functions/src/domain/escalation.js';
import { remindOverdue, stepEscalation } from '../../functions/src/domain/escalation-lifecycle.js';
import { roles, type Actor, type Role } from '../../functions/src/domain/user.js';
import type { EscalationView } from '../../miniapp/src/api/escalation-types.js';
import {
  caseStandingText,
  caseTitle,
  mayRaiseEscalation,
  mayReadEscalations,
  newestSteps,
  trailStepWords,
} from '../../miniapp/src/lib/escalation-words.js';

/** Issue 8, R6: a difficult case on a phone, in words: who holds it, where it stands, each step of its trail. */
const region = { cityId: 'city-1', districtId: 'district-1', townId: 'town-1', villageId: 'village-1' };
const team = { supervisorId: 'supervisor-1', directorId: 'director-1', socialWorkerId: 'worker-1' };
const names: Record<string, string> = { 'worker-1': '王晓静', 'supervisor-1': '沈志强', 'district-1-officer': '周丽华', 'city-officer': '陈建国' };
const at = (hours: number) => new Date(Date.parse('2026-11-30T06:00:00Z') + hours * 3_600_000);

function raised(): Escalation {
  return raiseEscalation(
    { id: 'case-1', childId: 'child-1', path: region, raisedBy: 'worker-1', input: { problem: '孩子无人照看\n详情见下', tried: '上门', helpNeeded: '协调', urgent: true } },
    DEFAULT_ACKNOWLEDGE_LIMITS,
    at(0),
  );
}

function step(escalation: Escalation, action: 'acknowledge' | 'resolve' | 'raise', by: string, note: string, hours: number): Escalation {
  return stepEscalation(escalation, { action, note, version: escalation.version }, by, DEFAULT_ACKNOWLEDGE_LIMITS, at(hours));
}

/** The trail as the API answers it: each step with the name of whoever took it. */
function trailOf(escalation: Escalation): EscalationView['trail'] {
  return escalation.trail.map((s) => ({ ...s, byName: s.byUserId ? (names[s.byUserId] ?? null) : null }));
}

/** Town acknowledges and raises; the district lets its deadline pass, is reminded, acknowledges and raises; the city resolves. */
function wholeWay(): Escalation[] {
  const states = [raised()];
  const next = (f: (e: Escalation) => Escalation) => states.push(f(states[states.length - 1]));
  next((e) => step(e, 'acknowledge', 'supervisor-1', '', 2));
  next((e) => step(e, 'raise', 'supervisor-1', '镇里协调不了低保认定', 3));
  next((e) => remindOverdue(e, 'district', at(30))!);
  next((e) => step(e, 'acknowledge', 'district-1-officer', '', 31));
  next((e) => step(e, 'raise', 'district-1-officer', '需要市里统筹', 32));
  next((e) => step(e, 'acknowledge', 'city-officer', '', 33));
  next((e) => step(e, 'resolve', 'city-officer', '已落实补贴', 40));
  return states;
}

describe('a case’s status in words', () => {
  it('names the level that holds it at every stage, never a code', () => {
    expect(wholeWay().map(caseStandingText)).toEqual([
      '待镇（街道）督导员受理',
      '镇（街道）督导员已受理，正在办理',
      '待区民政局受理',
      '待区民政局受理',
      '区民政局已受理，正在办理',
      '待市民政局受理',
      '市民政局已受理，正在办理',
      '已由市民政局解决',
    ]);
  });

  it('is titled by the first line of its problem', () => {
    expect(caseTitle(raised().problem)).toBe('孩子无人照看');
  });
});

describe('a case’s trail in words', () => {
  const trail = trailOf(wholeWay().at(-1)!);

  it('says who did what at which level, with what they wrote', () => {
    expect(trail.map((s, index) => trailStepWords(s, index === 0))).toEqual([
      { who: '王晓静', what: '提请镇（街道）督导员', note: null },
      { who: '沈志强', what: '镇（街道）督导员受理', note: null },
      { who: '沈志强', what: '上报区民政局', note: '镇里协调不了低保认定' },
      { who: '系统', what: '区民政局超时未受理，已提醒', note: null },
      { who: '周丽华', what: '区民政局受理', note: null },
      { who: '周丽华', what: '上报市民政局', note: '需要市里统筹' },
      { who: '陈建国', what: '市民政局受理', note: null },
      { who: '陈建国', what: '市民政局解决', note: '已落实补贴' },
    ]);
  });

  it('has words for every kind of step the server writes', () => {
    for (const action of escalationTrailActions) {
      const { what } = trailStepWords({ ...trail[0], action }, false);
      expect(what).not.toMatch(/[A-Za-z]/);
    }
  });

  it('shows the latest steps first, each knowing its place in the trail', () => {
    expect(newestSteps(trail, 2).map(({ index }) => index)).toEqual([7, 6]);
    expect(newestSteps(trail).map(({ index }) => index)).toEqual([7, 6, 5, 4, 3, 2, 1, 0]);
    expect(newestSteps(trail.slice(0, 1), 2).map(({ step: s }) => s.action)).toEqual(['raised']);
  });
});

describe('who sees the section and its button, as the server decides', () => {
  const child = { region, team, guardians: [{ userId: 'guardian-1', name: '王德明', relation: 'father' as const, phone: null }], organizationId: 'org-1' };
  const scopes: Record<Role, Actor['scope']> = {
    guardian: null,
    socialWorker: null,
    volunteer: null,
    director: { level: 'village', regionId: 'village-1' },
    supervisor: { level: 'town', regionId: 'town-1' },
    orgAdmin: { level: 'district', regionId: 'district-1' },
    districtOfficer: { level: 'district', regionId: 'district-1' },
    cityOfficer: { level: 'city', regionId: 'city-1' },
  };
  const ids: Partial<Record<Role, string>> = { guardian: 'guardian-1', socialWorker: 'worker-1', director: 'director-1', supervisor: 'supervisor-1' };
  const actorOf = (role: Role, id = ids[role] ?? `${role}-1`): Actor => ({
    id,
    role,
    scope: scopes[role],
    organizationId: role === 'orgAdmin' || role === 'socialWorker' ? 'org-1' : null,
    pledgeSignedAt: '2026-01-01T00:00:00Z',
  });

  it.each(roles)('%s reads the child’s cases exactly when the server lets them', (role) => {
    const allowed = decideEscalationAccess(actorOf(role), 'read', { level: 'town' }, child).allowed;
    expect(mayReadEscalations(role)).toBe(allowed);
  });

  it.each(roles)('%s is offered 提请疑难个案 exactly when the server would take it', (role) => {
    const actor = actorOf(role);
    const page = { status: 'active' as const, team, region };
    expect(mayRaiseEscalation(actor, page)).toBe(decideEscalationRaise(actor, child).allowed);
  });

  it("is not offered to another child's social worker, another village's director, or on a closed record", () => {
    expect(mayRaiseEscalation(actorOf('socialWorker', 'worker-2'), { status: 'active', team, region })).toBe(false);
    expect(mayRaiseEscalation({ ...actorOf('director'), scope: { level: 'village', regionId: 'village-2' } }, { status: 'active', team, region })).toBe(false);
    expect(mayRaiseEscalation(actorOf('socialWorker'), { status: 'closed', team, region })).toBe(false);
  });
});
