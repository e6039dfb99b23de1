import { describe, expect, it } from 'vitest';
import { boundText, chatPlatformsFor, codeValidityText } from '../../miniapp/src/lib/chat-bind-words.js';
import { normaliseBindCode } from '../../functions/src/domain/chat.js';

describe('what the bind page says (issue 10, part 3)', () => {
  it('gives the bound day in Beijing, which at 23:30 UTC is already the next day', () => {
    expect(boundText('2026-11-30T16:30:00Z')).toBe('已绑定，12月1日绑定');
  });

  it('says until when a code is valid, in Beijing time, and that it expired once it did', () => {
    const expiresAt = '2026-11-30T10:20:00Z';
    expect(codeValidityText(expiresAt, new Date('2026-11-30T10:19:59Z'))).toBe('有效期至 18:20');
    expect(codeValidityText(expiresAt, new Date('2026-11-30T10:20:00Z'))).toBe('已过期，请重新获取');
  });

  it('offers WeCom to the staff only', () => {
    expect(chatPlatformsFor('guardian')).toEqual(['wechat']);
    expect(chatPlatformsFor('director')).toEqual(['wechat', 'wecom']);
  });

  it('reads a code typed with full-width digits and spaces', () => {
    expect(normaliseBindCode(' １２３ ４５６ ')).toBe('123456');
  });
});
