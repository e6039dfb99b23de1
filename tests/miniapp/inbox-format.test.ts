import { describe, expect, it } from 'vitest';
import type { InboxItem } from '../../miniapp/src/api/types.js';
import { describeMessage, digestDestination, unreadText } from '../../miniapp/src/lib/inbox-format.js';

/**
 * Issue 7, B8: each message of the inbox in words a grandmother or a village cadre reads: what happened, to which
 * child's visit and when, the guardian's words for the staff, when it came; no ids, no codes, one date format.
 */
const now = new Date('2026-11-23T12:00:00+08:00');
const NO_LONGER_YOURS_TEXT = '不在您的服务范围内';

function item(overrides: Partial<InboxItem> = {}, about: Partial<NonNullable<InboxItem['about']>> = {}): InboxItem {
  return {
    id: '20261123060500000-a',
    at: '2026-11-23T06:05:00.000Z',
    kind: 'disputeResolved',
    readAt: null,
    childId: 'demo-child-001',
    visitId: 'visit-1',
    escalationId: null,
    case: null,
    digest: null,
    about: {
      childName: '李小明',
      visitKind: 'homeVisit',
      contactChannel: null,
      visitStartedAt: '2026-11-20T09:30:00+08:00',
      withdrawn: false,
      outcome: 'verified',
      reasons: [],
      note: '',
      ...about,
    },
    ...overrides,
  };
}

describe('a message in words', () => {
  it('tells a guardian that their dispute was settled, how, about which child’s visit, and when it came', () => {
    expect(describeMessage(item(), 'guardian', now)).toEqual({
      title: '您提出的异议已处理：核实属实',
      subject: '李小明 · 11月20日 09:30 入户走访',
      quote: null,
      receivedAt: '11月23日 14:05 收到',
      opens: true,
    });
  });

  it('tells the worker the outcome in the staff’s words', () => {
    const words = describeMessage(item({}, { outcome: 'revisitArranged' }), 'socialWorker', now);

    expect(words.title).toBe('监护人异议已处理：已安排重新走访');
  });

  it('tells the supervisor the guardian’s reasons and quotes their note', () => {
    const disputed = item({ kind: 'visitDisputed' }, { outcome: null, reasons: ['wrongTime', 'other'], note: '来的是下午', visitKind: 'contact', contactChannel: 'phone' });

    expect(describeMessage(disputed, 'supervisor', now)).toMatchObject({
      title: '监护人有异议：时间不对、其他',
      subject: '李小明 · 11月20日 09:30 联系（电话）',
      quote: '“来的是下午”',
    });
  });

  it('says a visit was withdrawn since', () => {
    expect(describeMessage(item({}, { withdrawn: true }), 'director', now).subject).toBe('李小明 · 11月20日 09:30 入户走访（记录已撤回）');
  });

  it('says no more about a child the reader may no longer read, and does not open it', () => {
    expect(describeMessage(item({ about: null }), 'socialWorker', now)).toEqual({
      title: '监护人异议已处理',
      subject: '该儿童已不在您的服务范围内，无法查看详情',
      quote: null,
      receivedAt: '11月23日 14:05 收到',
      opens: false,
    });
  });

  it('shows no id and no code of the message', () => {
    const words = JSON.stringify(describeMessage(item({ kind: 'visitDisputed' }, { reasons: ['notVisited'] }), 'director', now));

    expect(words).not.toMatch(/demo-child|visit-1|notVisited|homeVisit|verified|\d{4}-\d{2}-\d{2}/);
  });
});

describe('a message about a difficult case (issue 8, R6)', () => {
  function caseItem(overrides: Partial<InboxItem> = {}, found: Partial<NonNullable<InboxItem['case']>> = {}): InboxItem {
    return item({
      kind: 'escalationRaised',
      visitId: null,
      escalationId: 'e-1',
      about: null,
      case: { childName: '李小明', level: 'district', status: 'raised', urgent: true, ...found },
      ...overrides,
    });
  }

  it('tells the level it came to whose case it is, where it stands now and that it is urgent, and opens it', () => {
    expect(describeMessage(caseItem(), 'districtOfficer', now)).toEqual({
      title: '疑难个案待受理',
      subject: '李小明 · 已提请区民政局 · 紧急',
      quote: null,
      receivedAt: '11月23日 14:05 收到',
      opens: true,
    });
  });

  it('tells the director and the organization, who are only told, that it was raised', () => {
    expect(describeMessage(caseItem({}, { level: 'town', urgent: false }), 'director', now)).toMatchObject({
      title: '疑难个案已提请办理',
      subject: '李小明 · 已提请镇（街道）督导员',
    });
    expect(describeMessage(caseItem(), 'orgAdmin', now).title).toBe('疑难个案已提请办理');
  });

  it('does not call waiting a case that has moved on since it came', () => {
    const resolved = caseItem({}, { level: 'city', status: 'resolved' });

    expect(describeMessage(resolved, 'districtOfficer', now)).toMatchObject({ title: '收到疑难个案', subject: '李小明 · 市民政局已解决 · 紧急' });
    // Still raised, but at another level than the reader's.
    expect(describeMessage(caseItem(), 'supervisor', now).title).toBe('收到疑难个案');
  });

  it('reminds a level that let the deadline pass, and once it acted, says that it was late', () => {
    const waiting = caseItem({ kind: 'escalationOverdue' }, { level: 'town', urgent: false });
    const acknowledged = caseItem({ kind: 'escalationOverdue' }, { level: 'town', status: 'acknowledged', urgent: false });

    expect(describeMessage(waiting, 'supervisor', now)).toMatchObject({ title: '疑难个案超时未受理', subject: '李小明 · 已提请镇（街道）督导员', opens: true });
    expect(describeMessage(acknowledged, 'supervisor', now)).toMatchObject({ title: '疑难个案曾超时未受理', subject: '李小明 · 镇（街道）督导员已受理' });
  });

  it('says no more about a case the reader may no longer read, and does not open it', () => {
    expect(describeMessage(caseItem({ case: null }), 'supervisor', now)).toEqual({
      title: '收到疑难个案',
      subject: '该个案已不在您的查看范围内，无法查看详情',
      quote: null,
      receivedAt: '11月23日 14:05 收到',
      opens: false,
    });
  });

  it('shows no id and no code of the case', () => {
    const words = JSON.stringify(describeMessage(caseItem({ kind: 'escalationOverdue' }), 'cityOfficer', now));

    expect(words).not.toMatch(/demo-child|e-1|district|raised|escalation|\d{4}-\d{2}-\d{2}/);
  });
});

describe('the morning digest of a worker’s due list (issue 9)', () => {
  const digestItem = (digest: NonNullable<InboxItem['digest']>) =>
    item({ kind: 'dueDigest', childId: null, visitId: null, about: null, digest, at: '2026-12-28T00:00:00.000Z' });

  it('says how many visits are overdue and how many fall due soon, where to see them, and opens that list', () => {
    expect(describeMessage(digestItem({ date: '2026-12-28', overdue: 2, dueSoon: 1, dueSoonDays: 3 }), 'socialWorker', now)).toEqual({
      title: '今日待办走访提醒',
      subject: '2 项已逾期 · 1 项 3 天内到期 · 请到首页“待办走访”查看',
      quote: null,
      receivedAt: '12月28日 08:00 收到',
      opens: true,
    });
    expect(digestDestination(digestItem({ date: '2026-12-28', overdue: 2, dueSoon: 1, dueSoonDays: 3 }))).toEqual({ kind: 'home' });
  });

  it('leaves out a count that is zero, and is not taken for a message about a child', () => {
    const words = describeMessage(digestItem({ date: '2026-12-28', overdue: 0, dueSoon: 4, dueSoonDays: 3 }), 'director', now);

    expect(words.subject).toBe('4 项 3 天内到期 · 请到首页“待办走访”查看');
    expect(words.subject).not.toContain(NO_LONGER_YOURS_TEXT);
  });
});

describe('the morning digests of a supervisor and a guardian (issue 9)', () => {
  const supervisorDigest = { date: '2026-12-28', overdueLong: 0, overdueAfterDays: 7, withoutTeam: 0, disputed: 0, unconfirmed: 0, unconfirmedAfterDays: 3, unacknowledgedConcerns: 0 };
  const digestItem = (kind: 'supervisorDigest' | 'guardianDigest', digest: NonNullable<InboxItem['digest']>) =>
    item({ kind, childId: null, visitId: null, about: null, digest, at: '2026-12-28T00:00:00.000Z' });

  it('counts what the town needs of its supervisor, leaving out zeros, and opens the list most in need', () => {
    const digest = { ...supervisorDigest, overdueLong: 3, withoutTeam: 1, unconfirmed: 2 };
    const words = describeMessage(digestItem('supervisorDigest', digest), 'supervisor', now);

    expect(words).toMatchObject({ title: '今日督导提醒', subject: '3 项逾期超过 7 天 · 1 名儿童无服务团队 · 2 条超期未确认', opens: true });
    expect(digestDestination(digestItem('supervisorDigest', digest))).toEqual({ kind: 'attention', state: 'unconfirmed' });
    expect(digestDestination(digestItem('supervisorDigest', { ...digest, disputed: 1 }))).toEqual({ kind: 'attention', state: 'disputed' });
    expect(digestDestination(digestItem('supervisorDigest', { ...supervisorDigest, unacknowledgedConcerns: 1 }))).toEqual({ kind: 'concernQueue' });
    expect(digestDestination(digestItem('supervisorDigest', { ...supervisorDigest, withoutTeam: 2 }))).toEqual({ kind: 'home' });
  });

  it('tells a guardian how many visits wait for their answer and opens their home, where they answer', () => {
    const item = digestItem('guardianDigest', { date: '2026-12-28', awaitingAnswer: 2 });

    expect(describeMessage(item, 'guardian', now)).toMatchObject({ title: '走访待确认提醒', subject: '2 次走访等待您确认', opens: true });
    expect(digestDestination(item)).toEqual({ kind: 'home' });
  });

  it('opens no list for a message that is not a digest', () => {
    expect(digestDestination(item())).toBeNull();
  });
});

describe('a notice to the family about their child’s case (issue 12 part 3, R22 and R15)', () => {
  const notice = (kind: InboxItem['kind'], on: string, followUpEndsOn: string | null = null, childName: string | null = '李小明') =>
    item({ kind, visitId: null, about: null, caseNotice: { on, followUpEndsOn, childName } });

  it('tells the guardian to collect the child, and by which day, in Chinese dates', () => {
    expect(describeMessage(notice('stateGuardianshipCleared', '2027-05-31'), 'guardian', now)).toEqual({
      title: '请按时领回孩子',
      subject: '李小明 · 经评估可以回家，请在2027年5月31日前领回',
      quote: null,
      receivedAt: '11月23日 14:05 收到',
      opens: false,
    });
  });

  it('tells from when the case will close, and when it closed and until when the team follows up', () => {
    expect(describeMessage(notice('caseClosingAnnounced', '2027-06-08'), 'guardian', now).subject).toBe('李小明 · 最早于2027年6月8日结案');
    expect(describeMessage(notice('caseClosed', '2027-06-08', '2027-09-08'), 'guardian', now)).toMatchObject({
      title: '个案已结案',
      subject: '李小明 · 已于2027年6月8日结案，服务团队回访到2027年9月8日',
    });
  });

  it('names no child the reader may no longer read', () => {
    const words = describeMessage(notice('caseClosed', '2027-06-08', '2027-09-08', null), 'guardian', now);
    expect(words.subject).toContain(NO_LONGER_YOURS_TEXT);
    expect(words.subject).not.toContain('2027');
  });
});

describe('the home page’s entry', () => {
  it.each([
    [0, '没有新消息'],
    [1, '1 条未读'],
    [12, '12 条未读'],
  ])('%i unread: %s', (count, text) => {
    expect(unreadText(count)).toBe(text);
  });
});
