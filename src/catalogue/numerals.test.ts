import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromChineseNumeral, MAX_CHINESE_NUMERAL, toChineseNumeral } from './numerals.js';

describe('toChineseNumeral', () => {
  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [19, '十九'],
    [20, '二十'],
    [34, '三十四'],
    [47, '四十七'],
    [99, '九十九'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [999, '九百九十九'],
  ])('writes %i as %s', (n, expected) => {
    expect(toChineseNumeral(n)).toBe(expected);
  });

  it.each([0, -1, 1.5, 1000, Number.NaN])('throws a RangeError for %s', (n) => {
    expect(() => toChineseNumeral(n)).toThrow(RangeError);
  });
});

describe('fromChineseNumeral', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['一十', 10],
    ['十一', 11],
    ['二十', 20],
    ['三十四', 34],
    ['四十七', 47],
    ['一百零五', 105],
    ['一百一十', 110],
  ])('reads %s as %i', (text, expected) => {
    expect(fromChineseNumeral(text)).toBe(expected);
  });

  it.each(['', '零', '条', '四十七条', '十十', '二二', '一百五', '零五', '三十零'])(
    'returns undefined for %j, which is not a numeral',
    (text) => {
      expect(fromChineseNumeral(text)).toBeUndefined();
    },
  );

  it('reads back every numeral that toChineseNumeral writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_CHINESE_NUMERAL }), (n) => {
        expect(fromChineseNumeral(toChineseNumeral(n))).toBe(n);
      }),
    );
  });
});
