import { describe, expect, it } from 'vitest';
import {
  applyChildPatch,
  assignTeam,
  registerChild,
} from '../../functions/src/domain/child-lifecycle.js';
import { createChildInputSchema, type CreateChildInput } from '../../functions/src/domain/child.js';
import { LegalBasisRequiredError, RuleViolationError } from '../../functions/src/domain/errors.js';

const now = new Date('2026-11-23T02:00:00Z');
const today = '2026-11-23';

function input(overrides: Partial<CreateChildInput> = {}): CreateChildInput {
  return createChildInputSchema.parse({
    name: '李小明',
    gender: 'male',
    birthDate: '2016-05-01',
    address: '上海市松江区叶榭镇井凌桥村3组12号',
    region: { cityId: 'c1', districtId: 'd1', townId: 't1', villageId: 'v1' },
    categories: ['leftBehind'],
    riskLevel: 'yellow',
    guardians: [{ userId: null, name: '李大山', relation: 'grandparent', phone: '13800001111' }],
    legalBasis: { kind: 'statutoryDuty', authority: '《未成年人保护法》第八十一条' },
    ...overrides,
  });
}

describe('registering a child', () => {
  it('starts active, version 1, without a team, registered today', () => {
    const child = registerChild(input(), 'ch-1', now, today);
    expect(child).toMatchObject({ id: 'ch-1', status: 'active', version: 1, team: null, registeredOn: today });
  });

  it('refuses a child under 14 held on no legal basis (PIPL Art. 28, 31)', () => {
    const attempt = () => registerChild(input({ legalBasis: null }), 'ch-1', now, today);
    expect(attempt).toThrow(LegalBasisRequiredError);
    expect(attempt).toThrow(expect.objectContaining({ field: 'legalBasis' }));
  });

  it('accepts a guardian consent on record as the legal basis', () => {
    const consent = { kind: 'guardianConsent', guardianName: '李大山', consentedOn: '2026-10-01', recordRef: 'SJ-2026-017' } as const;
    expect(registerChild(input({ legalBasis: consent }), 'ch-1', now, today).legalBasis).toEqual(consent);
  });

  it('accepts a child of 14 or more without a stated basis, counting the birthday in Beijing time', () => {
    // 2012-11-23 turns 14 on 2026-11-23 in Beijing, although it is still the 22nd in UTC at 18:00Z.
    expect(() => registerChild(input({ birthDate: '2012-11-23', legalBasis: null }), 'ch-1', now, today)).not.toThrow();
    expect(() => registerChild(input({ birthDate: '2012-11-24', legalBasis: null }), 'ch-1', now, today)).toThrow(
      LegalBasisRequiredError,
    );
  });

  it('refuses a birth date in the future', () => {
    expect(() => registerChild(input({ birthDate: '2026-12-01' }), 'ch-1', now, today)).toThrow(RuleViolationError);
  });

  it('refuses a consent and a follow-up event dated after today, naming the field (issue 6)', () => {
    const consent = { kind: 'guardianConsent', guardianName: '李大山', consentedOn: '2026-11-24', recordRef: 'SJ-2026-017' } as const;
    expect(() => registerChild(input({ legalBasis: consent }), 'ch-1', now, today)).toThrow(
      expect.objectContaining({ field: 'legalBasis.consentedOn' }),
    );
    const triggers = [{ kind: 'returnedHome', on: '2026-11-01' }, { kind: 'returnedHome', on: '2026-11-24' }] as const;
    expect(() => registerChild(input({ followUpTriggers: [...triggers] }), 'ch-1', now, today)).toThrow(
      expect.objectContaining({ field: 'followUpTriggers.1.on' }),
    );
    expect(() => registerChild(input({ followUpTriggers: [triggers[0]] }), 'ch-1', now, today)).not.toThrow();
  });
});

describe('changing a child', () => {
  const child = registerChild(input(), 'ch-1', now, today);

  it('a patch raises the version and keeps the rest', () => {
    const next = applyChildPatch(child, { riskLevel: 'red' }, now, today);
    expect(next).toMatchObject({ riskLevel: 'red', version: 2, name: '李小明' });
  });

  it('a patch is checked for the future only in the dates it gives', () => {
    const consent = { kind: 'guardianConsent', guardianName: '李大山', consentedOn: '2026-12-01', recordRef: 'SJ-2026-017' } as const;
    expect(() => applyChildPatch(child, { legalBasis: consent }, now, today)).toThrow(RuleViolationError);
    expect(() => applyChildPatch(child, { riskLevel: 'red' }, now, today)).not.toThrow();
  });

  it('removing the legal basis of an under-14 child is refused', () => {
    expect(() => applyChildPatch(child, { legalBasis: null }, now, today)).toThrow(LegalBasisRequiredError);
  });
});

describe('R1: the execution team', () => {
  const child = registerChild(input(), 'ch-1', now, today);
  const team = { supervisorId: 'sup-1', directorId: 'dir-1', socialWorkerId: 'sw-1' };
  const withTeam = assignTeam(child, { version: 1, team, reason: null }, 'do-1', now);

  it('the first team needs no reason and is recorded', () => {
    expect(withTeam.team).toEqual(team);
    expect(withTeam.teamHistory).toEqual([{ at: now.toISOString(), byUserId: 'do-1', team, reason: null }]);
  });

  it('changing the social worker without a reason is refused', () => {
    const change = { version: 2, team: { ...team, socialWorkerId: 'sw-2' }, reason: null };
    expect(() => assignTeam(withTeam, change, 'do-1', now)).toThrow(expect.objectContaining({ field: 'reason' }));
  });

  it('changing the social worker with a reason keeps the reason in the history', () => {
    const change = { version: 2, team: { ...team, socialWorkerId: 'sw-2' }, reason: '原社工离职' };
    const next = assignTeam(withTeam, change, 'do-1', now);
    expect(next.teamHistory.at(-1)?.reason).toBe('原社工离职');
    expect(next.version).toBe(3);
  });

  it('changing only the director needs no reason', () => {
    const change = { version: 2, team: { ...team, directorId: 'dir-2' }, reason: null };
    expect(assignTeam(withTeam, change, 'do-1', now).team?.directorId).toBe('dir-2');
  });
});
