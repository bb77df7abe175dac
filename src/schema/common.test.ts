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

  /** Optimal string alignment distance, cell by cell from its definition (the oracle). */
  function osa(a: string, b: string): number {
    const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
    return d[a.length]![b.length]!;
  }

  it('suggests the first allowed word at the least distance within a third of the length (against the distance computed in full)', () => {
    const letters = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', 'd'), maxLength: 9 });
    fc.assert(
      fc.property(letters, fc.array(letters, { maxLength: 8 }), (word, candidates) => {
        // The first of the closest (a match but for case is at distance 0).
        let expected: string | undefined;
        if (word.length > 0) {
          let best = Math.max(1, Math.floor(word.length / 3)) + 1;
          for (const c of candidates) {
            const distance = osa(word.toLowerCase(), c.toLowerCase());
            if (distance < best) {
              expected = c;
              best = distance;
            }
          }
        }
        expect(closestWord(word, candidates)).toBe(expected);
      }),
      { numRuns: 500 },
    );
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
