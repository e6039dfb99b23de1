import { describe, expect, it } from 'vitest';
import { publicConcernInputSchema, staffConcernInputSchema } from '../../functions/src/domain/concern.js';

const publicReport = {
  childDescription: '约8岁男孩',
  villageId: 'v1',
  kinds: ['leftAloneAtHome'],
  urgent: false,
  description: '晚上一个人在家',
};

describe('what a concern report accepts (issue 8, part 1)', () => {
  it('a public report needs a place and never takes a known child: no id to probe which children the system holds', () => {
    expect(publicConcernInputSchema.safeParse(publicReport).success).toBe(true);
    const { villageId: _, ...withoutPlace } = publicReport;
    expect(publicConcernInputSchema.safeParse(withoutPlace).success).toBe(false);
    const probing = publicConcernInputSchema.safeParse({ ...publicReport, childId: 'child-1' });
    expect(probing.success).toBe(false);
    expect(probing.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['childId'] });
  });

  it('anonymous by default; name and phone when given are checked', () => {
    const parsed = publicConcernInputSchema.parse(publicReport);
    expect([parsed.reporterName, parsed.reporterPhone]).toEqual([null, null]);
    expect(publicConcernInputSchema.safeParse({ ...publicReport, reporterPhone: '0571-8888 6666' }).success).toBe(false);
    expect(publicConcernInputSchema.parse({ ...publicReport, reporterPhone: '0571-88886666' }).reporterPhone).toBe('0571-88886666');
  });

  it('markup is kept as the text it is, for pages to show as text', () => {
    const markup = '<img src=x onerror=alert(1)>';
    expect(publicConcernInputSchema.parse({ ...publicReport, description: markup }).description).toBe(markup);
  });

  it('at least one kind, each once; a staff report names a known child or describes one', () => {
    expect(publicConcernInputSchema.safeParse({ ...publicReport, kinds: [] }).success).toBe(false);
    expect(publicConcernInputSchema.safeParse({ ...publicReport, kinds: ['abuse', 'abuse'] }).success).toBe(false);
    const staff = { child: { kind: 'known', childId: 'child-1' }, kinds: ['abuse'], urgent: true, description: '身上有伤' };
    expect(staffConcernInputSchema.parse(staff).villageId).toBeNull();
    expect(staffConcernInputSchema.safeParse({ ...staff, child: { kind: 'known' } }).success).toBe(false);
  });
});
