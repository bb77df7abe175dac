import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestWord, describeValue, isoDate } from './common.js';

describe('describeValue', () => {
  const cases: Array<[string, unknown, string]> = [
    ['a number as written', -3, '-3'],
    ['negative zero as -0', -0, '-0'],
    ['a string in JSON quotes', 'tomorrow', '"tomorrow"'],
    ['a long string cut, with its length', 'x'.repeat(50), `"${'x'.repeat(40)}"… (50 characters)`],
    ['undefined as nothing', undefined, 'nothing'],
    ['null', null, 'null'],
    ['an empty array', [], 'an empty array'],
    ['an array with its length', [1, 2], 'an array of 2'],
    ['an object', { a: 1 }, 'an object'],
    ['a bigint', 5n, '5n (a bigint)'],
    ['a symbol', Symbol('s'), 'a symbol'],
    ['a function', () => 1, 'a function'],
  ];

  it.each(cases)('shows %s', (_name, value, expected) => {
    // Act
    const shown = describeValue(value);
    // Assert
    expect(shown).toBe(expected);
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withNullPrototype: true, withBoxedValues: true }), (value) => {
        expect(typeof describeValue(value)).toBe('string');
      }),
    );
  });
});

describe('closestWord', () => {
  const allowed = ['households', 'gridWorkers', 'gridHeads', 'plan', 'asOf'];
  const cases: Array<[string, string | undefined]> = [
    ['housholds', 'households'],
    ['gridworkers', 'gridWorkers'],
    ['gridWorker', 'gridWorkers'],
    ['asof', 'asOf'],
    ['pln', 'plan'],
    ['colour', undefined],
    ['', undefined],
  ];

  it.each(cases)('suggests for %j: %j', (word, expected) => {
    // Act
    const suggestion = closestWord(word, allowed);
    // Assert
    expect(suggestion).toBe(expected);
  });
});

describe('isoDate', () => {
  it.each(['2024-02-29', '2023-12-31', '2000-02-29'])('accepts the real date %s', (date) => {
    expect(isoDate.safeParse(date).success).toBe(true);
  });

  it.each(['2024-02-30', '2023-02-29', '1900-02-29', '2024-2-3', '2024-04-31', '2024-00-10', 'tomorrow', '20240301'])(
    'rejects %s',
    (date) => {
      expect(isoDate.safeParse(date).success).toBe(false);
    },
  );

  it('accepts exactly the dates that survive a round trip through Date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, day) => {
          // Arrange
          const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const real = new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
          // Act
          const accepted = isoDate.safeParse(text).success;
          // Assert
          expect(accepted).toBe(real);
        },
      ),
    );
  });
});
