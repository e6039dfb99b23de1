import { describe, expect, it } from 'vitest';
import type { PolicyRefreshView } from '../../miniapp/src/api/types.js';
import { refreshPercent, refreshProgressText } from '../../miniapp/src/lib/policy-refresh-words.js';

const running: PolicyRefreshView = {
  policyVersion: 3,
  status: 'running',
  done: 120,
  total: 400,
  startedAt: '2026-11-30T03:00:00.000Z',
  finishedAt: null,
};

describe('the policy page’s progress bar after a save (issue 9, part 2)', () => {
  it('counts the children recomputed so far against the district’s', () => {
    expect(refreshProgressText(running)).toBe('正在按新规则重算儿童的走访要求：已完成 120 / 400 名');
    expect(refreshPercent(running)).toBe(30);
  });

  it('says when all were done, at Beijing time', () => {
    const done: PolicyRefreshView = { ...running, status: 'done', done: 400, finishedAt: '2026-11-30T03:02:10.000Z' };
    expect(refreshProgressText(done)).toBe('已按新规则更新全部 400 名儿童（11:02 完成）');
    expect(refreshPercent(done)).toBe(100);
  });

  it('never shows more done than the district has, nor a bar past its end, when children were added meanwhile', () => {
    const over: PolicyRefreshView = { ...running, done: 410 };
    expect(refreshProgressText(over)).toBe('正在按新规则重算儿童的走访要求：已完成 400 / 400 名');
    expect(refreshPercent(over)).toBe(100);
  });

  it('fills the bar for a district without children', () => {
    expect(refreshPercent({ ...running, done: 0, total: 0 })).toBe(100);
  });
});
