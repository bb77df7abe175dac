import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRulesEngine, engineOperator } from './rulesEngine.js';
import { createOperatorMap } from './operatorMap.js';
import { OPERATORS } from './operators.js';

const BUILT_IN = ['equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];

describe('createOperatorMap', () => {
  it("answers as a json-rules-engine Engine's operators do, built-ins, decorated names and ours alike", () => {
    const map = createOperatorMap();
    const engine = createRulesEngine();
    const names = [...BUILT_IN, ...BUILT_IN.map((name) => `not:${name}`), 'everyFact:greaterThan', ...OPERATORS.map((op) => op.name)];
    const value = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom('a', 'b'), fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 3 }));
    fc.assert(
      fc.property(fc.constantFrom(...names), value, value, (name, fact, compareTo) => {
        const ours = map.get(name)!;
        const reference = engineOperator(engine, name)!;
        let expected: unknown;
        let actual: unknown;
        try {
          expected = reference.evaluate(fact, compareTo);
        } catch (error) {
          expected = error instanceof Error ? error.message : error;
        }
        try {
          actual = ours.evaluate(fact, compareTo);
        } catch (error) {
          actual = error instanceof Error ? error.message : error;
        }
        expect(actual).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('has no operator for an unknown name', () => {
    expect(createOperatorMap().get('equalish')).toBeUndefined();
  });
});
