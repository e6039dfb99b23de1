import { beforeEach, describe, expect, it } from 'vitest';
import { maskName } from '../../../functions/src/domain/masking.js';
import type { ConversationState } from '../../../functions/src/store/ports.js';
import { pledgeAnswer } from '../../../functions/src/chat/conversation/information.js';
import { users } from '../../api/support/seed-area.js';
import { startChat, type Chat } from './converse-support.js';

/** Issue 10, part 4: a concern reported in three questions, the worker's due lists, 提醒, 绑定, an expired state. */
let chat: Chat;

beforeEach(async () => {
  chat = await startChat();
});

const directorV1 = { userId: users.directorV1.id, role: 'director' as const };

async function converseAll(who: Parameters<Chat['say']>[0], texts: string[]) {
  let state: ConversationState | null = null;
  const replies: string[] = [];
  for (const text of texts) {
    const answer = await chat.say(who, text, state);
    replies.push(answer.reply);
    state = answer.state;
  }
  return { replies, state };
}

describe('报告: three questions, then the mini-program’s concern record', () => {
  it('a guardian’s urgent report: 请立即拨打110, and the village’s director sees it first in the queue', async () => {
    const { replies, state } = await converseAll('guardianA', ['报告', '有个孩子一个人在家好几天了', '东湾村3组', '1']);

    expect(replies[0]).toContain('发生了什么');
    expect(replies[1]).toContain('在哪里');
    expect(replies[2]).toContain('回复 1 有危险');
    expect(replies[3]).toContain('请立即拨打110');
    expect(replies[3]).toContain('东湾村');
    expect(state).toBeNull();
    const { queue } = await chat.h.deps.concerns.listConcerns(directorV1);
    expect(queue).toHaveLength(1);
    expect(queue?.[0]).toMatchObject({
      channel: 'staff',
      urgent: true,
      path: { villageId: 'v1' },
      reporter: { userId: users.guardianA.id },
      child: { kind: 'unknown', description: '有个孩子一个人在家好几天了' },
    });
    expect(queue?.[0].description).toContain('地点：东湾村3组');
  });

  it('an anonymous report names the village loosely and gets the tracking code that follows it', async () => {
    const { replies, state } = await converseAll(null, ['举报', '孩子常被打', '西湾 村口小卖部', '2']);

    expect(state).toBeNull();
    expect(replies[3]).not.toContain('110！');
    const code = /查询码：(\S+)/u.exec(replies[3])?.[1];
    expect(code).toBeDefined();
    expect(await chat.h.deps.concerns.concernStatus(code ?? '')).toMatchObject({ status: 'received' });
    const { queue } = await chat.h.deps.concerns.listConcerns({ userId: users.directorV2.id, role: 'director' });
    expect(queue?.map((concern) => ({ channel: concern.channel, urgent: concern.urgent }))).toEqual([{ channel: 'public', urgent: false }]);
  });

  it('asks again for a place it cannot find, and again for a danger answer that is not 1 or 2', async () => {
    const { replies, state } = await converseAll(null, ['报告', '孩子没人管', '火星', '石桥村', '不知道']);

    expect(replies[2]).toContain('没有找到这个村（社区）');
    expect(replies[3]).toContain('孩子现在有危险吗');
    expect(replies[4]).toContain('请回复数字');
    expect(state).toMatchObject({ topic: 'report', step: 'danger', data: { villageName: '石桥村' } });
  });

  it('ignores an expired conversation: its 1 is a new message, and no concern is made', async () => {
    const { state } = await converseAll('directorV1', ['报告', '孩子没人管', '东湾村']);
    expect(state?.step).toBe('danger');
    chat.h.advanceSeconds(31 * 60);

    const late = await chat.say('directorV1', '1', state);

    expect(late.state).toBeNull();
    expect(late.reply).toContain('今天 —— 今天到期和逾期的孩子');
    const { queue, mine } = await chat.h.deps.concerns.listConcerns(directorV1);
    expect(queue).toEqual([]);
    expect(mine).toEqual([]);
  });

  it('取消 ends a report under way and writes nothing', async () => {
    const { replies, state } = await converseAll('directorV1', ['报告', '孩子没人管', '取消']);

    expect(replies[2]).toBe('好的，已取消。');
    expect(state).toBeNull();
    expect((await chat.h.deps.concerns.listConcerns(directorV1)).mine).toEqual([]);
  });
});

describe('今天 and 本周 for a director', () => {
  it('lists today’s due and overdue children with masked names, as the home page’s list has them', async () => {
    // Prepare: two months after registration, family A's red child is overdue for its monthly visit.
    chat.h.setNow('2026-05-20T02:00:00.000Z');
    const res = await chat.h.call('GET', '/api/v1/obligations/mine?within=0', { as: 'directorV1' });
    const names = [...new Set((res.body.items as { childName: string }[]).map((item) => item.childName))];
    expect(names.length).toBeGreaterThan(0);

    // Act
    const answer = await chat.say('directorV1', '今天');

    // Assess
    expect(answer.state).toBeNull();
    expect(answer.reply).toContain('今天（5月20日）要办的');
    expect(answer.reply).toContain('【逾期】');
    for (const name of names) {
      expect(answer.reply).toContain(maskName(name));
      expect(answer.reply).not.toContain(name);
    }
  });

  it('本周 looks 7 days ahead; a guardian asking gets the menu instead', async () => {
    chat.h.setNow('2026-05-20T02:00:00.000Z');

    const week = await chat.say('socialWorkerPledged', '这周');
    const guardian = await chat.say('guardianA', '今天');

    expect(week.reply).toContain('本周（5月20日起 7 天）要办的');
    expect(guardian.reply).toContain('1 或 确认');
    expect(guardian.reply).not.toContain('要办的');
  });
});

describe('提醒, 绑定, 安全, 承诺书', () => {
  it('moves the daily digest to this chat and back', async () => {
    const on = await chat.say('directorV1', '提醒');
    const off = await chat.say('directorV1', '提醒关');

    expect(on.reply).toContain('每天的提醒会发到这里');
    expect(off.reply).toContain('不再发到这里');
    expect(chat.digestCalls).toEqual([
      { address: chat.addressOf('directorV1'), on: true },
      { address: chat.addressOf('directorV1'), on: false },
    ]);
  });

  it('binds with the code in full-width digits and greets with the role’s menu', async () => {
    const answer = await chat.say(null, '绑定　１２３４５６');

    expect(chat.bindCalls).toEqual([{ address: chat.addressOf(null), code: '123456' }]);
    expect(answer.reply).toContain(`绑定成功！${users.guardianA.name}`);
    expect(answer.reply).toContain('1 或 确认');
  });

  it('says kindly that no safety session is scheduled, with tips; the pledge only to those who sign it', async () => {
    const safety = await chat.say(null, '安全');
    const unsigned = await chat.say('socialWorkerUnpledged', '承诺书');
    const guardian = await chat.say('guardianA', '承诺');

    expect(safety.reply).toContain('还没有安排儿童安全教育活动');
    expect(safety.reply).toContain('110');
    expect(unsigned.reply).toContain('小程序首页 → 儿童保护承诺书');
    expect(guardian.reply).toContain('您不需要签');
  });

  it('answers the pledge by the current version (R8, issue 11): signed an older one is asked to sign again', () => {
    const worker = { ...users.socialWorkerPledged };
    expect(pledgeAnswer(worker).reply).toContain('您已经签署');
    expect(pledgeAnswer({ ...worker, pledgeVersion: '2025-1' }).reply).toContain('已更新，请在小程序里重新签署');
    expect(pledgeAnswer({ ...worker, pledgeVersion: null, pledgeSignedAt: null }).reply).toContain('请在小程序里签署');
  });
});
