import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { terminalText } from './terminalText.js';

describe('terminalText', () => {
  it('shows a CR, an escape sequence and a line end as text', () => {
    expect(terminalText('SY-1\rExit code 0')).toBe('SY-1\\u000dExit code 0');
    expect(terminalText('\x1b[2J\x1b]0;title\x07')).toBe('\\u001b[2J\\u001b]0;title\\u0007');
    expect(terminalText('a\nb')).toBe('a\\u000ab');
  });

  it('keeps Chinese and ordinary text as it is', () => {
    expect(terminalText('社区-一 (SY-0001)')).toBe('社区-一 (SY-0001)');
  });

  it('never leaves a control character or bidi override, and changes nothing else', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const safe = terminalText(text);
        expect(safe).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        expect(safe.replace(/\\u[0-9a-f]{4}/g, '')).toBe(text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '').replace(/\\u[0-9a-f]{4}/g, ''));
      }),
    );
  });
});
