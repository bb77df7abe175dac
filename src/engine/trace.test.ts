import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConditionTrace, TraceTruth } from '../types.js';
import { compileCondition, type CompileContext } from './compileConditions.js';
import { FactLayout } from './factLayout.js';
import { createRulesEngine, engineOperator } from './rulesEngine.js';
import { failedParts, hasSeveralParts, passedParts, readOneQuantity, readsSeveralFacts, traceCondition } from './trace.js';

const engine = createRulesEngine();
const ctx: CompileContext = {
  ruleId: 'test.1.1.sample',
  recordFacts: new FactLayout(['households', 'gridHeads', 'gridWorkers', 'emergency']),
  operator: (name) => engineOperator(engine, name),
};

/** Compiles `json`, evaluates it on `facts` and traces the evaluated tree. */
function traced(json: unknown, facts: Record<string, unknown>): { truth: boolean | undefined; trace: ConditionTrace } {
  const condition = compileCondition(json, ctx, 'conditions.all[1]');
  const slots = ctx.recordFacts.read(facts);
  const truth = condition.evaluate(slots);
  return { truth, trace: traceCondition(condition.trace(slots), facts) };
}

const heads = { fact: 'gridHeads', operator: 'greaterThanInclusive', value: 1 };
const workers = { fact: 'gridWorkers', operator: 'greaterThanInclusive', value: 1 };

describe('traceCondition', () => {
  it('gives each leaf its fact, operator, compared value, actual value and truth', () => {
    const { trace } = traced({ all: [heads, workers] }, { gridHeads: 1, gridWorkers: 0 });
    expect(trace).toEqual({
      all: [
        { fact: 'gridHeads', operator: 'greaterThanInclusive', value: 1, actual: 1, truth: true },
        { fact: 'gridWorkers', operator: 'greaterThanInclusive', value: 1, actual: 0, truth: false },
      ],
      truth: false,
    });
  });

  it('marks a leaf whose fact is absent unknown, without an actual value, naming the absent path', () => {
    const { trace } = traced({ fact: 'emergency', path: '$.plan', operator: 'equal', value: true }, { emergency: {} });
    expect(trace).toEqual({ fact: 'emergency', path: '$.plan', operator: 'equal', value: true, truth: 'unknown', missing: ['facts.emergency.plan'] });
  });

  it('turns a false operand of "not" true, and leaves an unknown one unknown', () => {
    expect(traced({ not: heads }, { gridHeads: 0 }).trace).toEqual({
      not: { fact: 'gridHeads', operator: 'greaterThanInclusive', value: 1, actual: 0, truth: false },
      truth: true,
    });
    expect(traced({ not: heads }, {}).trace).toMatchObject({ not: { truth: 'unknown' }, truth: 'unknown' });
  });

  it('makes "any" true on one true operand, whatever the others are, and keeps every operand', () => {
    const { trace } = traced({ any: [heads, workers] }, { gridWorkers: 2 });
    expect(trace).toMatchObject({ any: [{ truth: 'unknown', missing: ['facts.gridHeads'] }, { actual: 2, truth: true }], truth: true });
  });

  it('gives the compared fact and its value when a leaf compares two facts', () => {
    const { trace } = traced({ fact: 'gridWorkers', operator: 'greaterThanInclusive', value: { fact: 'gridHeads' } }, { gridHeads: 2, gridWorkers: 1 });
    expect(trace).toEqual({ fact: 'gridWorkers', operator: 'greaterThanInclusive', value: 2, valueFact: { fact: 'gridHeads' }, actual: 1, truth: false });
  });

  it('hands out copies: editing a traced value leaves the rule and the record unchanged', () => {
    const rule = { fact: 'emergency', operator: 'equal', value: { plan: true } };
    const facts = { emergency: { plan: true } };
    const { trace } = traced(rule, facts);
    (trace as { value: { plan: boolean }; actual: { plan: boolean } }).value.plan = false;
    (trace as { value: { plan: boolean }; actual: { plan: boolean } }).actual.plan = false;
    expect(rule.value.plan).toBe(true);
    expect(facts.emergency.plan).toBe(true);
  });
});

// A property over generated condition trees: the trace's truths are Kleene's, node by node, and the
// root's truth is the compiled evaluator's answer.
const leafArbitrary = fc.constantFrom<unknown>(
  heads,
  workers,
  { fact: 'households', operator: 'lessThan', value: 500 },
  { fact: 'emergency', path: '$.plan', operator: 'equal', value: true },
);
const { tree: treeArbitrary } = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArbitrary,
    fc.record({ all: fc.array(tie('tree'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('tree'), { maxLength: 3 }) }),
    fc.record({ not: tie('tree') }),
  ),
}));
const factsArbitrary = fc.record(
  {
    gridHeads: fc.integer({ min: 0, max: 2 }),
    gridWorkers: fc.integer({ min: 0, max: 2 }),
    households: fc.integer({ min: 0, max: 1000 }),
    emergency: fc.record({ plan: fc.boolean() }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

const kleeneNot = (t: TraceTruth): TraceTruth => (t === 'unknown' ? t : !t);
function kleene(kind: 'all' | 'any', truths: TraceTruth[]): TraceTruth {
  const dominant = kind === 'any';
  if (truths.includes(dominant)) return dominant;
  return truths.includes('unknown') ? 'unknown' : !dominant;
}

/** Nodes whose truth does not follow from their operands'. */
function inconsistent(trace: ConditionTrace): ConditionTrace[] {
  if ('all' in trace || 'any' in trace) {
    const kind = 'all' in trace ? 'all' : 'any';
    const operands = 'all' in trace ? trace.all : trace.any;
    const own = kleene(kind, operands.map((o) => o.truth)) === trace.truth ? [] : [trace];
    return [...own, ...operands.flatMap(inconsistent)];
  }
  if ('not' in trace) return [...(kleeneNot(trace.not.truth) === trace.truth ? [] : [trace]), ...inconsistent(trace.not)];
  return [];
}

describe('traceCondition on generated trees', () => {
  it('gives every node the Kleene truth of its operands, and the root the evaluated truth', () => {
    fc.assert(
      fc.property(treeArbitrary, factsArbitrary, (json, facts) => {
        const { truth, trace } = traced(json, facts);
        expect(trace.truth).toBe(truth === undefined ? 'unknown' : truth);
        expect(inconsistent(trace)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('passedParts and readOneQuantity', () => {
  it('give every operand of a true "all", the true operands of a true "any", nothing for a false condition', () => {
    const condition = compileCondition({ all: [heads, { any: [workers, { not: heads }] }] }, ctx, 'x');
    const passing = { gridHeads: 1, gridWorkers: 2 };
    const parts = passedParts(condition.trace(ctx.recordFacts.read(passing)), passing);
    expect(parts).toEqual([
      { fact: 'gridHeads', operator: 'greaterThanInclusive', value: 1, actual: 1, truth: true },
      { fact: 'gridWorkers', operator: 'greaterThanInclusive', value: 1, actual: 2, truth: true },
    ]);
    expect(readOneQuantity(parts)).toBe(false);
    expect(readOneQuantity(parts.slice(0, 1))).toBe(true);
    const failing = { gridHeads: 0, gridWorkers: 2 };
    expect(passedParts(condition.trace(ctx.recordFacts.read(failing)), failing)).toEqual([]);
  });

  it('count two bounds on one fact as one quantity, and a compound part by the facts under it', () => {
    const range = compileCondition({ all: [heads, { ...heads, operator: 'lessThan', value: 9 }] }, ctx, 'x');
    const facts = { gridHeads: 3 };
    expect(readOneQuantity(passedParts(range.trace(ctx.recordFacts.read(facts)), facts))).toBe(true);
    const not = compileCondition({ all: [{ not: { all: [heads, workers] } }] }, ctx, 'x');
    const values = { gridHeads: 0, gridWorkers: 0 };
    expect(readOneQuantity(passedParts(not.trace(ctx.recordFacts.read(values)), values))).toBe(false);
    expect(readsSeveralFacts({ all: [heads, workers] })).toBe(true);
    expect(readsSeveralFacts({ any: [heads, { not: heads }] })).toBe(false);
  });
});

describe('hasSeveralParts and failedParts', () => {
  it('count an "all" over two facts as several parts, not an "any", one fact twice, or one comparison', () => {
    expect(hasSeveralParts({ all: [heads, workers] })).toBe(true);
    expect(hasSeveralParts({ any: [heads, workers] })).toBe(false);
    expect(hasSeveralParts({ all: [heads, { ...heads, operator: 'lessThan', value: 9 }] })).toBe(false);
    expect(hasSeveralParts({ all: [heads] })).toBe(false);
    expect(hasSeveralParts({ any: [{ all: [heads, workers] }, heads] })).toBe(true);
  });

  it('give the false operands of a false "all", every operand of a false "any", and nothing for a true condition', () => {
    const condition = compileCondition({ all: [heads, { any: [workers, { not: heads }] }] }, ctx, 'x');
    const failing = { gridHeads: 1, gridWorkers: 0 };
    expect(failedParts(condition.trace(ctx.recordFacts.read(failing)), failing)).toEqual([
      { fact: 'gridWorkers', operator: 'greaterThanInclusive', value: 1, actual: 0, truth: false },
      { not: { fact: 'gridHeads', operator: 'greaterThanInclusive', value: 1, actual: 1, truth: true }, truth: false },
    ]);
    const passing = { gridHeads: 1, gridWorkers: 1 };
    expect(failedParts(condition.trace(ctx.recordFacts.read(passing)), passing)).toEqual([]);
    // The compiled condition finds the same parts without building the tree.
    expect(condition.failedParts(ctx.recordFacts.read(failing))).toEqual(failedParts(condition.trace(ctx.recordFacts.read(failing)), failing));
  });
});
