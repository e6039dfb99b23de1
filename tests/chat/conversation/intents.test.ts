import { describe, expect, it } from 'vitest';
import { intentOf } from '../../../functions/src/chat/conversation/intents.js';

const kindOf = (text: string) => intentOf(text).kind;

describe('intentOf: the synonyms people send', () => {
  it.each([
    ['confirm', ['确认', '1', '１', '是', '对', '来了', '已来', '收到', ' 确认。']],
    ['dispute', ['没来', '2', '２', '没有来', '不对', '没有', '没来！']],
    ['report', ['报告', '举报', '求助']],
    ['police', ['报警']],
    ['today', ['今天', '今日', '今天的', '今天？']],
    ['week', ['本周', '这周', '这星期', '一周']],
    ['digestOn', ['提醒']],
    ['digestOff', ['提醒关', '取消提醒']],
    ['safety', ['安全', '安全教育']],
    ['pledge', ['承诺书', '承诺']],
    ['menu', ['帮助', '菜单', '?', '？', 'help', 'HELP', 'Ｈｅｌｐ', '你好', 'hi', 'Hi!']],
    ['cancel', ['取消', '退出']],
  ] as const)('%s', (kind, texts) => {
    for (const text of texts) expect(kindOf(text), text).toBe(kind);
  });

  it('reads a bind code with or without a space, in full-width digits too', () => {
    for (const text of ['绑定 123456', '绑定123456', '绑定　１２３４５６', ' 绑定 123 456 。']) {
      expect(intentOf(text), text).toEqual({ kind: 'bind', code: '123456' });
    }
  });

  it('does not take a code of another length, or anything else, for an intent', () => {
    expect(kindOf('绑定 12345')).toBe('unknown');
    expect(kindOf('绑定 1234567')).toBe('unknown');
    expect(kindOf('3')).toBe('unknown');
    expect(kindOf('确认一下吧')).toBe('unknown');
  });
});
