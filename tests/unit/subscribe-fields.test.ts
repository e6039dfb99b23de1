import { describe, expect, it } from 'vitest';
import { channelConfigFrom } from '../../functions/src/notify/channel-config.js';
import { beijingFieldTime, fieldTypeOf, subscribeDataOf } from '../../functions/src/notify/subscribe-fields.js';
import { truncateUtf8 } from '../../functions/src/notify/wecom-robot.js';

describe('subscription message fields', () => {
  it('takes the type from the key, as WeChat names them', () => {
    expect(['thing1', 'character_string12', 'phone_number3', 'time20'].map(fieldTypeOf)).toEqual(['thing', 'character_string', 'phone_number', 'time']);
    expect(() => fieldTypeOf('first')).toThrow();
  });

  it('cuts each type to its limit in characters, never inside a surrogate pair', () => {
    const data = subscribeDataOf({
      thing1: '一二三四五六七八九十一二三四五六七八九十超出',
      phrase2: '处理中处理中',
      name3: '𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇𠀈𠀉𠀊',
      name4: 'Wang Xiaoming Zhang Guiying',
      character_string5: 'A'.repeat(40),
      symbol6: '!!!!!!',
    });

    expect(data).toEqual({
      thing1: { value: '一二三四五六七八九十一二三四五六七八九…' },
      phrase2: { value: '处理中处理' },
      name3: { value: '𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇𠀈𠀉' },
      name4: { value: 'Wang Xiaoming Zhang ' },
      character_string5: { value: 'A'.repeat(32) },
      symbol6: { value: '!!!!!' },
    });
  });

  it('drops control characters and fills an empty field, which WeChat refuses', () => {
    expect(subscribeDataOf({ thing1: '走访\n待确认\u0007', thing2: '  ' })).toEqual({ thing1: { value: '走访 待确认' }, thing2: { value: '无' } });
  });

  it('writes times in Beijing time, as WeChat shows them', () => {
    expect(beijingFieldTime(new Date('2026-12-31T16:05:00Z'))).toBe('2027年1月1日 00:05');
  });

  it('cuts robot text by UTF-8 bytes between code points', () => {
    expect(truncateUtf8('ab𠀀', 5)).toBe('ab');
    expect(truncateUtf8('ab𠀀', 6)).toBe('ab𠀀');
  });
});

describe('channel configuration', () => {
  it('is all off when nothing is set', () => {
    expect(channelConfigFrom({})).toEqual({ templates: [], miniprogramState: 'formal', robotKeys: {} });
  });

  it('names a malformed variable instead of running without it', () => {
    expect(() => channelConfigFrom({ SHOUHU_WECOM_ROBOT_KEYS: 'key' })).toThrow('SHOUHU_WECOM_ROBOT_KEYS');
    expect(() => channelConfigFrom({ SHOUHU_WECHAT_TEMPLATE_DIGEST: 'a b' })).toThrow('SHOUHU_WECHAT_TEMPLATE_DIGEST');
  });

  it('knows which template needs which consent', () => {
    const config = channelConfigFrom({ SHOUHU_WECHAT_TEMPLATE_REMINDER: 'tmpl-r', SHOUHU_WECHAT_TEMPLATE_DIGEST: 'tmpl-d' });
    expect(config.templates.map(({ purpose, id, kind }) => ({ purpose, id, kind }))).toEqual([
      { purpose: 'reminder', id: 'tmpl-r', kind: 'oneTime' },
      { purpose: 'digest', id: 'tmpl-d', kind: 'longTerm' },
    ]);
  });
});
