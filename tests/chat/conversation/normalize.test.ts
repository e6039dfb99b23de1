import { describe, expect, it } from 'vitest';
import { normalize } from '../../../functions/src/chat/conversation/normalize.js';

describe('normalize: a message as typed on any phone keyboard', () => {
  it('folds full-width digits, letters and spaces to half-width and lowercases', () => {
    expect(normalize('１')).toBe('1');
    expect(normalize('ＡＢ')).toBe('ab');
    expect(normalize('ＨＥＬＰ')).toBe('help');
    expect(normalize('绑定\u3000１２３４５６')).toBe('绑定123456');
  });

  it('drops every space and the punctuation at the end', () => {
    expect(normalize('  确 认  ')).toBe('确认');
    expect(normalize('确认。')).toBe('确认');
    expect(normalize('没来！！')).toBe('没来');
    expect(normalize('今天？')).toBe('今天');
    expect(normalize('是，')).toBe('是');
  });

  it('keeps a message that is punctuation only', () => {
    expect(normalize('？')).toBe('?');
    expect(normalize(' ? ')).toBe('?');
  });
});
