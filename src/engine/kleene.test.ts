import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judge, type EvaluatedCondition } from './kleene.js';

/** A leaf as json-rules-engine leaves it after evaluation. */
const leaf = (fact: string, factResult: unknown, result: boolean): EvaluatedCondition => ({
  fact,
  operator: 'equal',
  value: true,
  factResult,
  result,
});
const T = leaf('t', true, true);
const F = leaf('f', false, false);
const U = leaf('u', undefined, false); // the engine reads an absent fact as false

describe('judge (Kleene)', () => {
  it('makes a leaf with an absent fact unknown and lists it as missing', () => {
    expect(judge(U, {})).toMatchObject({ truth: undefined, missing: [{ fact: 'u' }] });
  });

  it('decides "any" by one known true operand and "all" by one known false operand', () => {
    expect(judge({ any: [U, T] }, {}).truth).toBe(true);
    expect(judge({ all: [U, F] }, {}).truth).toBe(false);
    expect(judge({ any: [U, F] }, {}).truth).toBeUndefined();
    expect(judge({ all: [U, T] }, {}).truth).toBeUndefined();
  });

  it('keeps "not" of unknown unknown', () => {
    expect(judge({ not: U }, {}).truth).toBeUndefined();
    expect(judge({ not: F }, {}).truth).toBe(true);
  });

  it('agrees with two-valued logic whenever no leaf is unknown', () => {
    const tree: fc.Arbitrary<EvaluatedCondition> = fc.letrec<{ node: EvaluatedCondition }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom(T, F),
        fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
        fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
        tie('node').map((not) => ({ not })),
      ),
    })).node;
    const classic = (c: EvaluatedCondition): boolean =>
      c.all ? c.all.every(classic) : c.any ? c.any.some(classic) : c.not ? !classic(c.not) : c.result === true;
    fc.assert(fc.property(tree, (c) => judge(c, {}).truth === classic(c)));
  });
});
