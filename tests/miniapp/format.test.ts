import { describe, expect, it } from 'vitest';
import { describeScope, formatDate, joinNames, orUnrecorded, placeNameOf, villageNameOf } from '../../miniapp/src/lib/format.js';

const region = { cityId: 'c1', districtId: 'd1', townId: 't1', villageId: 'v1' };

describe('display formatting', () => {
  it('writes dates the Chinese way', () => {
    expect(formatDate('2026-03-05')).toBe('2026年3月5日');
    expect(formatDate('2026-03-05T02:00:00Z')).toBe('2026年3月5日');
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('says 未登记 for a value the record does not have', () => {
    expect(orUnrecorded(null)).toBe('未登记');
    expect(orUnrecorded(undefined)).toBe('未登记');
    expect(orUnrecorded('')).toBe('未登记');
    expect(orUnrecorded('13812345678')).toBe('13812345678');
  });

  it('joins masked names with the enumeration comma', () => {
    expect(joinNames(['张*明', '李*'])).toBe('张*明、李*');
  });

  it('names the village and town from the names sent with the list, never showing a bare id', () => {
    const names = { v1: '青松村', t1: '泖港镇' };
    expect(villageNameOf(region, names)).toBe('青松村');
    expect(placeNameOf(region, names)).toBe('泖港镇 · 青松村');
    expect(villageNameOf(region, {})).toBe('');
    expect(placeNameOf(region, { v1: '青松村' })).toBe('青松村');
  });

  it('describes a scope by name when known, else by its level', () => {
    const scope = { level: 'town' as const, regionId: 't1' };
    expect(describeScope(scope, '泖港镇')).toBe('泖港镇');
    expect(describeScope(scope, null, { t1: '泖港镇' })).toBe('泖港镇');
    expect(describeScope(scope, undefined)).toBe('本镇/街道');
    expect(describeScope(null, null)).toBe('');
  });
});
