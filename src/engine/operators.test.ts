import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPERATOR_BY_NAME } from './operators.js';

const op = (name: string) => OPERATOR_BY_NAME.get(name)!;

describe('operators', () => {
  it('withinTolerance includes both ends of target × (1 ± tolerance) and excludes the next integer', () => {
    const within = op('withinTolerance');
    const value = { target: 50, tolerance: 0.2 };
    expect([39, 40, 60, 61].map((n) => within.evaluate(n, value))).toEqual([false, true, true, false]);
    expect(within.explain!(61, value)).toEqual({ expected: 50, actual: 61, detail: '40–60' });
  });

  it('includesAll names what is missing', () => {
    const includesAll = op('includesAll');
    expect(includesAll.evaluate(['a', 'b', 'c'], ['a', 'c'])).toBe(true);
    expect(includesAll.evaluate(['a'], ['a', 'c'])).toBe(false);
    expect(includesAll.explain!(['a'], ['a', 'c', 'd'], { fact: 'components' })).toEqual({
      detail: 'c, d',
      items: [
        { type: 'missingValue', path: 'facts.components', value: 'c' },
        { type: 'missingValue', path: 'facts.components', value: 'd' },
      ],
    });
  });

  it('includesAll holds when the fact is an array including every required value, as Array#every reads them (holes skipped, NaN found)', () => {
    const includesAll = op('includesAll');
    const item = fc.oneof(fc.constantFrom('a', 'b', 'c', NaN, 0, -0, undefined), fc.integer({ min: 0, max: 3 }));
    const list = fc.oneof(fc.array(item, { maxLength: 4 }), fc.sparseArray(item, { maxLength: 4 }));
    fc.assert(
      fc.property(fc.oneof(list, fc.constantFrom(undefined, 'abc', {})), fc.oneof(list, fc.constantFrom(undefined, 'a')), (fact, required) => {
        const expected = Array.isArray(fact) && (!Array.isArray(required) || required.every((value) => fact.includes(value)));
        expect(includesAll.evaluate(fact, required)).toBe(expected);
      }),
    );
  });

  it('everyValueIn passes an object whose given values are all allowed, and names the others', () => {
    const everyValueIn = op('everyValueIn');
    expect(everyValueIn.evaluate({ water: 'r' }, ['r'])).toBe(true);
    expect(everyValueIn.evaluate({}, ['r'])).toBe(true);
    expect(everyValueIn.explain!({ water: 'r', gas: 'c' }, ['r'], { fact: 'tariffs' })).toEqual({
      detail: 'gas=c',
      items: [{ type: 'offendingValue', path: 'facts.tariffs.gas', value: 'c' }],
    });
  });

  it('nonDecreasingBy compares in key order, not list order, and reports the first drop', () => {
    const nonDecreasing = op('nonDecreasingBy');
    const by = { orderBy: 'year', field: 'amount' };
    const rows = [{ year: 3, amount: 5 }, { year: 1, amount: 4 }, { year: 2, amount: 6 }];
    expect(nonDecreasing.evaluate(rows, by)).toBe(false);
    expect(nonDecreasing.explain!(rows, by)).toEqual({
      expected: 6,
      actual: 5,
      detail: '3 < 2',
      items: [{ type: 'drop', key: '3', previousKey: '2' }],
    });
    expect(nonDecreasing.evaluate([{ year: 1, amount: 4 }, { year: 2, amount: 4 }], by)).toBe(true);
  });

  it('increasingBy wants each amount above the previous year\'s: an equal year fails (增长)', () => {
    const increasing = op('increasingBy');
    const by = { orderBy: 'year', field: 'amount' };
    expect(increasing.evaluate([{ year: 2, amount: 5 }, { year: 1, amount: 4 }], by)).toBe(true);
    const flat = [{ year: 1, amount: 4 }, { year: 2, amount: 4 }];
    expect(increasing.evaluate(flat, by)).toBe(false);
    expect(increasing.explain!(flat, by)).toEqual({
      expected: 4,
      actual: 4,
      detail: '2 ≤ 1',
      items: [{ type: 'drop', key: '2', previousKey: '1' }],
    });
    expect(increasing.evaluate([{ year: 1, amount: 4 }, { year: 2, amount: 4.01 }], by)).toBe(true);
  });

  it('the presence tests speak of known values only: null, an empty or a short list', () => {
    expect(op('exists').evaluate(null, true)).toBe(false);
    expect(op('exists').evaluate(0, true)).toBe(true);
    expect(op('nonEmpty').evaluate([], true)).toBe(false);
    expect(op('lengthAtLeast').evaluate([1], 2)).toBe(false);
    expect(op('lengthAtLeast').evaluate([1, 2], 2)).toBe(true);
  });
});

describe('includesAll', () => {
  it('holds exactly when its explanation lists no missing value', () => {
    const includesAll = OPERATOR_BY_NAME.get('includesAll')!;
    const value = fc.oneof(fc.constantFrom('a', 'b', 0, -0, NaN, null, undefined), fc.string({ maxLength: 2 }));
    fc.assert(
      fc.property(fc.oneof(fc.array(value, { maxLength: 4 }), fc.sparseArray(value, { maxLength: 4 }), value), fc.oneof(fc.array(value, { maxLength: 4 }), value), (fact, required) => {
        const missing = includesAll.explain!(fact, required).items ?? [];
        expect(includesAll.evaluate(fact, required)).toBe(Array.isArray(fact) && missing.length === 0);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('nonDecreasingBy / increasingBy', () => {
  // The definition: the rows with both numbers, sorted stably by the key; the first pair whose
  // amount drops (or, for increasingBy, does not rise).
  function reference(list: unknown, strict: boolean): { holds: boolean; explanation: object } {
    if (!Array.isArray(list)) return { holds: false, explanation: {} };
    const isRow = (row: unknown): row is Record<string, number> =>
      typeof row === 'object' && row !== null && !Array.isArray(row) && Number.isFinite((row as Record<string, unknown>)['year']) && typeof (row as Record<string, unknown>)['year'] === 'number' && typeof (row as Record<string, unknown>)['amount'] === 'number' && Number.isFinite((row as Record<string, unknown>)['amount']);
    const rows = list.filter(isRow).sort((a, b) => a['year']! - b['year']!);
    for (let i = 1; i < rows.length; i += 1) {
      const [previous, current] = [rows[i - 1]!, rows[i]!];
      if (strict ? current['amount']! <= previous['amount']! : current['amount']! < previous['amount']!) {
        return {
          holds: false,
          explanation: {
            expected: previous['amount'],
            actual: current['amount'],
            detail: `${current['year']} ${strict ? '≤' : '<'} ${previous['year']}`,
            items: [{ type: 'drop', key: String(current['year']), previousKey: String(previous['year']) }],
          },
        };
      }
    }
    return { holds: true, explanation: {} };
  }
  const row = fc.oneof(
    fc.record({ year: fc.integer({ min: 2018, max: 2023 }), amount: fc.integer({ min: 0, max: 5 }) }),
    fc.record({ year: fc.oneof(fc.integer({ min: 2018, max: 2023 }), fc.constantFrom('2020', NaN, -0)), amount: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom('3', Infinity)) }, { requiredKeys: [] }),
    fc.constantFrom(null, 7, [], 'row'),
  );
  // Sorted lists (the common case, read in one pass) as well as shuffled ones and lists with holes.
  const list = fc.oneof(
    fc.array(row, { maxLength: 6 }),
    fc.array(row, { maxLength: 6 }).map((rows) => [...rows].sort((a, b) => Number((a as { year?: unknown })?.year) - Number((b as { year?: unknown })?.year) || 0)),
    fc.sparseArray(row, { maxLength: 6 }),
    fc.constantFrom(undefined, 'list', { year: 2020 }),
  );

  it('decide and explain as the stable sort by key defines, for lists in key order or not', () => {
    fc.assert(
      fc.property(list, fc.boolean(), (value, strict) => {
        const operator = op(strict ? 'increasingBy' : 'nonDecreasingBy');
        const order = { orderBy: 'year', field: 'amount' };
        const expected = reference(value, strict);
        expect(operator.evaluate(value, order)).toBe(expected.holds);
        expect(operator.explain!(value, order)).toEqual(expected.explanation);
      }),
      { numRuns: 3000 },
    );
  });
});
