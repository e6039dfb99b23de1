import { beforeEach, describe, expect, it } from 'vitest';
import { children, users } from '../../api/support/seed-area.js';
import { contactBody, homeVisitBody } from '../../api/support/visits.js';
import { confirmationOf, startChat, type Chat } from './converse-support.js';

/** Issue 10, part 4: a guardian answers a visit by chat, through the mini-program's use cases. */
let chat: Chat;

beforeEach(async () => {
  chat = await startChat();
});

const guardianA = { userId: users.guardianA.id, role: 'guardian' as const };

describe('a guardian confirming by chat', () => {
  it('confirms the newest pending visit, echoing its date, time and visitors, and says how many remain', async () => {
    // Prepare: two visits of family A's child, the second recorded later.
    const older = await chat.checkIn('socialWorkerPledged', children.a1.id, homeVisitBody({ startedAt: '2026-04-02T09:00:00+08:00' }));
    const newest = await chat.checkIn('socialWorkerPledged', children.a1.id, homeVisitBody({ startedAt: '2026-04-02T10:00:00+08:00', endedAt: '2026-04-02T12:10:00+08:00' }));

    // Act
    const answer = await chat.say('guardianA', ' 确 认。');

    // Assess
    expect(answer.state).toBeNull();
    expect(answer.reply).toContain('已确认：4月2日 10:00 吴社工、张东湾来家里走访。谢谢！');
    expect(answer.reply).toContain('还有 1 次走访等您确认');
    const read = await chat.h.deps.useCases.readVisit(guardianA, { childId: children.a1.id, visitId: newest.id });
    expect(read.visit.confirmation).toMatchObject({ state: 'confirmed', byUserId: users.guardianA.id });
    expect((await confirmationOf(chat.h, children.a1.id, older.id))?.state).toBe('pending');
  });

  it('says so when nothing is pending, in full-width too', async () => {
    const answer = await chat.say('guardianA', '１');

    expect(answer).toEqual({ reply: '现在没有要您确认的走访。谢谢！', state: null });
  });

  it('disputes with one follow-up question: the reason by its number', async () => {
    const visit = await chat.checkIn('socialWorkerPledged', children.a1.id, homeVisitBody());

    const asked = await chat.say('guardianA', '没来');
    expect(asked.reply).toContain('是这一次吗：4月2日 09:00 吴社工、张东湾来家里走访。');
    expect(asked.reply).toContain('1 没有来访');
    expect(asked.state).toMatchObject({ topic: 'dispute', step: 'reason' });
    // Nothing is written until the reason is given.
    expect((await confirmationOf(chat.h, children.a1.id, visit.id))?.state).toBe('pending');

    const answered = await chat.say('guardianA', '1', asked.state);

    expect(answered.state).toBeNull();
    expect(answered.reply).toContain('已提交：4月2日 09:00 吴社工、张东湾来家里走访，没有来访。');
    expect(await confirmationOf(chat.h, children.a1.id, visit.id)).toMatchObject({ state: 'disputed', reasons: ['notVisited'], byUserId: users.guardianA.id });
  });

  it('takes 4, then the guardian’s own words, as 其他 with a note', async () => {
    const visit = await chat.checkIn('socialWorkerPledged', children.a1.id, homeVisitBody());
    const asked = await chat.say('guardianA', '2');
    const other = await chat.say('guardianA', '４', asked.state);
    expect(other.reply).toBe('请直接写明是什么情况。');

    const answered = await chat.say('guardianA', '只在门口站了五分钟', other.state);

    expect(answered.state).toBeNull();
    expect(await confirmationOf(chat.h, children.a1.id, visit.id)).toMatchObject({ state: 'disputed', reasons: ['other'], note: '只在门口站了五分钟' });
  });

  it('asks the question again on 帮助 and forgets it on 取消, writing nothing', async () => {
    const visit = await chat.checkIn('socialWorkerPledged', children.a1.id, homeVisitBody());
    const asked = await chat.say('guardianA', '没来');

    const help = await chat.say('guardianA', '帮助', asked.state);
    expect(help.state).toEqual(asked.state);
    const cancelled = await chat.say('guardianA', '取消', help.state);

    expect(cancelled).toEqual({ reply: '好的，已取消。', state: null });
    expect((await confirmationOf(chat.h, children.a1.id, visit.id))?.state).toBe('pending');
  });
});

describe('one family never touches another’s visit', () => {
  it('confirms only the guardian’s own child’s visit, even when another family’s is newer', async () => {
    const own = await chat.checkIn('socialWorkerPledged', children.a1.id, homeVisitBody());
    const other = await chat.checkIn('directorV3', children.b1.id, contactBody({ participantIds: [users.directorV3.id] }));

    const answer = await chat.say('guardianA', '确认');

    expect(answer.reply).toContain('已确认：4月2日 09:00 吴社工、张东湾来家里走访');
    expect(answer.reply).not.toContain('还有');
    expect((await confirmationOf(chat.h, children.a1.id, own.id))?.state).toBe('confirmed');
    expect((await confirmationOf(chat.h, children.b1.id, other.id))?.state).toBe('pending');
  });

  it('is refused by the use case when a conversation state names another family’s visit', async () => {
    const other = await chat.checkIn('directorV3', children.b1.id, contactBody({ participantIds: [users.directorV3.id] }));
    // What guardian B's own dispute would have kept, handed to guardian A (a forged or mixed-up state).
    const bAsked = await chat.say('guardianB', '没来');
    expect(bAsked.state?.data.visitId).toBe(other.id);

    const answer = await chat.say('guardianA', '1', bAsked.state);

    expect(answer.state).toBeNull();
    expect(answer.reply).not.toContain('已提交');
    expect((await confirmationOf(chat.h, children.b1.id, other.id))?.state).toBe('pending');
  });

  it('gives a chat user bound to no account the public menu only: 1 confirms nothing', async () => {
    const visit = await chat.checkIn('socialWorkerPledged', children.a1.id, homeVisitBody());

    const menu = await chat.say(null, '帮助');
    const one = await chat.say(null, '1');

    expect(menu.reply).toContain('绑定公众号 / 企业微信');
    expect(menu.reply).toContain('绑定 加 6 位数字');
    expect(menu.reply).toContain('报告');
    expect(menu.reply).not.toContain('确认');
    expect(one).toEqual(menu);
    expect((await confirmationOf(chat.h, children.a1.id, visit.id))?.state).toBe('pending');
  });
});
