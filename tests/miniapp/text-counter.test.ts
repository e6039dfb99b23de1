import { describe, expect, it } from 'vitest';
import { textLimits } from '../../miniapp/src/lib/check-in-form.js';
import { counterText } from '../../miniapp/src/lib/text-counter.js';

describe('the counter of a long field (issue 7, B5)', () => {
  it('uses the limits the server has (notes 4000, problems found 2000, a name 50)', () => {
    expect(textLimits).toEqual({ notes: 4000, problemsFound: 2000, companions: 50 });
  });

  it('shows n/limit only once the text is near its limit', () => {
    expect(counterText('a'.repeat(3599), 4000)).toBeNull();
    expect(counterText('a'.repeat(3600), 4000)).toBe('3600/4000');
    expect(counterText('a'.repeat(4000), 4000)).toBe('4000/4000');
    expect(counterText('李老师、王医生', 50)).toBeNull();
    expect(counterText('李'.repeat(45), 50)).toBe('45/50');
  });

  it('counts as the input’s own maxlength does, which is never less than the server counts', () => {
    // 𠀀 is one character to the server and two UTF-16 units to the input: the counter says what stops the input.
    expect(counterText('𠀀'.repeat(23), 50)).toBe('46/50');
  });
});
