import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth, padEnd, truncate, wrap } from './width.js';

describe('displayWidth', () => {
  it('counts CJK characters and full-width punctuation as two columns', () => {
    expect(displayWidth('第十条第一款')).toBe(12);
    expect(displayWidth('（三）')).toBe(6);
    expect(displayWidth('m² 620')).toBe(6);
    expect(displayWidth('abc')).toBe(3);
  });
});

describe('padEnd and truncate', () => {
  it('pads to display columns, not code units', () => {
    expect(padEnd('第十条', 8)).toBe('第十条  ');
  });

  it('cuts to the width with an ellipsis, never splitting a wide character over the edge', () => {
    expect(truncate('第十条第一款', 7)).toBe('第十条…');
    expect(truncate('short', 10)).toBe('short');
  });
});

describe('wrap', () => {
  it('breaks CJK text anywhere but never before closing punctuation', () => {
    expect(wrap('设施面积不足：应不少于620平方米', 10)).toEqual(['设施面积不', '足：应不少', '于620平方', '米']);
  });

  it('breaks Latin text at spaces', () => {
    expect(wrap('area too small required 620', 12)).toEqual(['area too', 'small', 'required 620']);
  });

  it('never makes a line wider than the width', () => {
    const text = fc.array(fc.constantFrom('社', '区', '，', 'a', 'bc', ' ', '。', 'longlonglongword', '²'), { maxLength: 80 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 4, max: 40 }), (t, width) => {
        for (const line of wrap(t, width)) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      }),
    );
  });

  it('keeps every non-space character, in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('社', '区', '，', 'a', 'b', ' ', '。') }), fc.integer({ min: 4, max: 20 }), (t, width) => {
        expect(wrap(t, width).join('').replaceAll(' ', '')).toBe(t.replaceAll(' ', ''));
      }),
    );
  });
});
