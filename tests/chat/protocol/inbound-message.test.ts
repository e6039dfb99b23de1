import { describe, expect, it } from 'vitest';
import { buildCallbackXml, parseCallbackXml } from '../../../functions/src/chat/protocol/callback-xml.js';
import { toInboundMessage } from '../../../functions/src/chat/protocol/inbound-message.js';
import { textReplyFields } from '../../../functions/src/chat/protocol/passive-reply.js';
import { refusalOf } from './refusal-of.js';
import { wecomOfficialSample } from './published-vectors.js';

const text = { ToUserName: 'gh_10f6c3c3ac5a', FromUserName: 'oyORnuP8q7ou2gfYjqLzSIWZf0rs', CreateTime: '1409735668', MsgType: 'text', Content: '确认', MsgId: '6054768590064713728' };
const subscribe = { ToUserName: 'gh_10f6c3c3ac5a', FromUserName: 'oyORnuP8q7ou2gfYjqLzSIWZf0rs', CreateTime: '1409735700', MsgType: 'event', Event: 'subscribe', EventKey: 'qrscene_123' };

describe('toInboundMessage', () => {
  it('reads the WeCom sample text message, with its AgentID', () => {
    expect(toInboundMessage('wecom', parseCallbackXml(wecomOfficialSample.post.plaintext))).toEqual({
      from: 'mycreate',
      to: 'wx5823bf96d3bd56c7',
      createTime: 1409659813,
      kind: 'text',
      text: 'hello',
      event: null,
      eventKey: null,
      msgId: '4561255354251345929',
      agentId: '218',
      dedupeKey: '4561255354251345929',
    });
  });

  it('keys a message on its MsgId and an event, which has none, on sender and CreateTime', () => {
    expect(toInboundMessage('wechat', text)).toMatchObject({ kind: 'text', text: '确认', agentId: null, dedupeKey: '6054768590064713728' });
    expect(toInboundMessage('wechat', subscribe)).toMatchObject({
      kind: 'event',
      text: null,
      event: 'subscribe',
      eventKey: 'qrscene_123',
      msgId: null,
      dedupeKey: 'oyORnuP8q7ou2gfYjqLzSIWZf0rs:1409735700',
    });
  });

  it('keys an event on sender and CreateTime even when it carries a MsgId, as the platforms retry events by those', () => {
    expect(toInboundMessage('wecom', { ...subscribe, MsgId: '42', AgentID: '1000002' })).toMatchObject({
      msgId: '42',
      agentId: '1000002',
      dedupeKey: 'oyORnuP8q7ou2gfYjqLzSIWZf0rs:1409735700',
    });
  });

  it('passes other message types on as other, keyed on their MsgId', () => {
    const { Content: _content, ...envelope } = text;
    const image = { ...envelope, MsgType: 'image', PicUrl: 'http://mmbiz.qpic.cn/x', MediaId: 'm1' };
    expect(toInboundMessage('wechat', image)).toMatchObject({ kind: 'other', text: null, event: null, dedupeKey: text.MsgId });
  });

  it.each([
    ['no sender', { ...text, FromUserName: '' }],
    ['a CreateTime that is not digits', { ...text, CreateTime: '14097e5' }],
    ['a text without Content', { ...text, Content: undefined }],
    ['an event without Event', { ...subscribe, Event: undefined }],
    ['a Content over 2048 characters', { ...text, Content: '字'.repeat(2049) }],
    ['a sender over 128 characters', { ...text, FromUserName: 'o'.repeat(129) }],
    ['a MsgId with markup', { ...text, MsgId: '<x>' }],
  ])('refuses a message with %s', (_, fields) => {
    const present = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Record<string, string>;
    expect(refusalOf(() => toInboundMessage('wechat', present))).toBe('xml');
  });
});

describe('textReplyFields', () => {
  it('addresses a text reply back to the sender from the account', () => {
    const fields = textReplyFields({ to: text.FromUserName, from: text.ToUserName, createTime: 1409735669, content: '已确认 3 月 2 日的探访' });
    expect(buildCallbackXml(fields)).toBe(
      '<xml><ToUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></ToUserName><FromUserName><![CDATA[gh_10f6c3c3ac5a]]></FromUserName><CreateTime>1409735669</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[已确认 3 月 2 日的探访]]></Content></xml>',
    );
  });
});
