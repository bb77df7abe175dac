import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleFiles } from '../catalogue/ruleFiles.js';
import { recordArbitrary } from '../schema/arbitraries.js';
import { factsSchemas } from '../schema/facts.js';
import { validateRecord } from '../schema/validateRecord.js';
import { CITY_KEYS } from '../types.js';
import { compileCondition, RuleCompileError, type CompileContext } from './compileConditions.js';
import { FactLayout } from './factLayout.js';
import { refToPath } from './factPath.js';
import { explain, judge } from './kleene.js';
import { resolveParameters } from './parameters.js';
import { failedParts } from './trace.js';
import { createRulesEngine, engineOperator } from './rulesEngine.js';

const engine = createRulesEngine();
const ctx: CompileContext = {
  ruleId: 'test.1.1.sample',
  recordFacts: new FactLayout(['households', 'emergency', 'facilityComponents', 'setting', 'project', 'facility']),
  operator: (name) => engineOperator(engine, name),
};

const compileError = (json: unknown): RuleCompileError => {
  try {
    compileCondition(json, ctx, 'conditions.all[1]');
  } catch (error) {
    if (error instanceof RuleCompileError) return error;
    throw error;
  }
  throw new Error('compiled without an error');
};

type Facts = Record<string, unknown>;

/** `compileCondition` in `ctx`, asked with facts objects (read into slots as the evaluator does). */
function compile(json: unknown) {
  const c = compileCondition(json, ctx, 'x');
  const read = (facts: Facts) => ctx.recordFacts.read(facts);
  return {
    evaluate: (facts: Facts) => c.evaluate(read(facts)),
    missing: (facts: Facts, out: string[]) => c.missing(read(facts), out),
    explain: (facts: Facts, truth: boolean) => c.explain(read(facts), truth),
    trace: (facts: Facts) => c.trace(read(facts)),
  };
}

describe('compileCondition', () => {
  it('decides a leaf true or false and leaves it unknown when its fact is absent', () => {
    const c = compile({ fact: 'households', operator: 'greaterThan', value: 3000 });
    expect(c.evaluate({ households: 3200 })).toBe(true);
    expect(c.evaluate({ households: 3000 })).toBe(false);
    expect(c.evaluate({})).toBeUndefined();
  });

  it('combines with Kleene tables: one false decides "all", one true decides "any"', () => {
    const all = compile(
      { all: [{ fact: 'households', operator: 'greaterThan', value: 3000 }, { fact: 'setting', operator: 'equal', value: 'urban' }] });
    expect(all.evaluate({ households: 10 })).toBe(false);
    expect(all.evaluate({ households: 4000 })).toBeUndefined();
    const any = compile(
      { any: [{ fact: 'households', operator: 'greaterThan', value: 3000 }, { fact: 'setting', operator: 'equal', value: 'urban' }] });
    expect(any.evaluate({ setting: 'urban' })).toBe(true);
    expect(any.evaluate({ setting: 'rural' })).toBeUndefined();
    const not = compile({ not: { fact: 'setting', operator: 'equal', value: 'urban' } });
    expect(not.evaluate({ setting: 'rural' })).toBe(true);
    expect(not.evaluate({})).toBeUndefined();
  });

  it('reads a path into an object fact and traces the evidence on its tree', () => {
    const c = compile({ fact: 'emergency', path: '$.plan', operator: 'equal', value: true });
    expect(c.evaluate({ emergency: { plan: false } })).toBe(false);
    expect(c.trace({ emergency: { plan: false } })).toMatchObject({ fact: 'emergency', path: '$.plan', factResult: false, valueResult: true, result: false });
  });

  it('lists the absent paths of an unknown condition, and explains a decided one by its deciding leaf', () => {
    const c = compile(
      {
        all: [
          { fact: 'households', operator: 'greaterThanInclusive', value: 100 },
          { fact: 'emergency', path: '$.plan', operator: 'equal', value: true },
          { fact: 'households', operator: 'greaterThanInclusive', value: 300 },
        ],
      });
    const missing: string[] = [];
    c.missing({}, missing);
    expect(missing).toEqual(['facts.households', 'facts.emergency.plan', 'facts.households']);
    expect(c.evaluate({ households: 200, emergency: { plan: true } })).toBe(false);
    expect(c.explain({ households: 200, emergency: { plan: true } }, false)).toEqual({ expected: 300, actual: 200 });
  });

  it('compares as json-rules-engine’s numeric operators do, whatever the fact value', () => {
    const ops = ['greaterThan', 'greaterThanInclusive', 'lessThan', 'lessThanInclusive'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...ops),
        fc.oneof(fc.double(), fc.integer(), fc.constantFrom(-0, NaN, Infinity, -Infinity, 1e21), fc.string(), fc.constantFrom('12abc', ' 7', 'Infinity', null, true)),
        fc.double({ noNaN: true }),
        (operator, households, bound) => {
          const c = compile({ fact: 'households', operator, value: bound });
          const reference = engineOperator(engine, operator)!.evaluate(households, bound) === true;
          expect(c.evaluate({ households })).toBe(reference);
        },
      ),
    );
  });

  it('rejects an unknown operator, naming the rule and the JSON path of the operator', () => {
    const error = compileError({ all: [{ fact: 'households', operator: 'greaterThen', value: 1 }] });
    expect(error.ruleId).toBe('test.1.1.sample');
    expect(error.jsonPath).toBe('conditions.all[1].all[0].operator');
    expect(error.message).toBe("rule test.1.1.sample: conditions.all[1].all[0].operator: unknown operator 'greaterThen'");
  });

  it('rejects an unknown fact, an unsupported path form and an unknown condition key', () => {
    expect(compileError({ any: [{ fact: 'houshold', operator: 'equal', value: 1 }] }).message).toContain(
      "conditions.all[1].any[0].fact: unknown fact 'houshold'",
    );
    expect(compileError({ fact: 'emergency', path: '$..plan', operator: 'equal', value: true }).message).toContain(
      'unsupported path form',
    );
    expect(compileError({ fact: 'households', operator: 'equal', value: 1, priority: 2 }).message).toContain(
      "unknown key 'priority'",
    );
    expect(compileError({ not: { fact: 'households', operator: 'equal' } }).jsonPath).toBe('conditions.all[1].not');
  });

  it('rejects a value an operator cannot take and params a derived fact cannot take', () => {
    expect(compileError({ fact: 'households', operator: 'withinTolerance', value: { target: 300 } }).message).toContain(
      "operator 'withinTolerance' cannot take the value",
    );
    expect(
      compileError({ fact: 'scaled', params: { of: { fact: 'households' }, rate: 'forty', per: 100 }, operator: 'lessThan', value: 1 })
        .message,
    ).toContain("derived fact 'scaled'");
    expect(compileError({ fact: 'scaled', params: { of: { fact: 'housholds' } }, operator: 'lessThan', value: 1 }).message).toContain(
      "unknown fact 'housholds'",
    );
  });
});

describe('compileCondition against kleene.ts', () => {
  // Every condition of every shipped check, compiled as the evaluator compiles it.
  const conditions = CITY_KEYS.flatMap((city) =>
    ruleFiles[city].articles.flatMap((article) =>
      article.checks.flatMap((raw) => {
        const check = resolveParameters(raw);
        const shape = (factsSchemas as unknown as Record<string, { shape: object }>)[check.kind]!.shape;
        const checkCtx: CompileContext = { ruleId: check.id, recordFacts: new FactLayout(Object.keys(shape)), operator: ctx.operator };
        const parts = [...(check.conditions as unknown as { all: unknown[] }).all, ...(check.liabilityWhen ? [{ all: [check.liabilityWhen] }] : [])];
        return parts.map((json, i) => ({ kind: check.kind, where: `${check.id}[${i}]`, layout: checkCtx.recordFacts, compiled: compileCondition(json, checkCtx, 'x') }));
      }),
    ),
  );

  it('gives judge’s truth and missing paths, explain’s evidence and the failed parts of the traced tree, for generated records', () => {
    // Arrange: a generated record; Act: every condition of its kind, both ways; Assert: the same answers.
    fc.assert(
      fc.property(recordArbitrary, (input) => {
        const validation = validateRecord(input);
        if (!validation.ok) return;
        const record = validation.record;
        const facts = record.facts as Record<string, unknown>;
        for (const { kind, where, layout, compiled } of conditions) {
          if (kind !== record.kind) continue;
          const slots = layout.read(facts);
          const judgement = judge(compiled.trace(slots), facts);
          const truth = compiled.evaluate(slots);
          expect(truth, where).toBe(judgement.truth);
          if (truth === undefined) {
            const missing: string[] = [];
            compiled.missing(slots, missing);
            expect(missing, where).toEqual(judgement.missing.map(refToPath));
          } else {
            expect(compiled.explain(slots, truth), where).toEqual(explain(judgement, facts));
          }
          if (truth === false) expect(compiled.failedParts(slots), where).toEqual(failedParts(compiled.trace(slots), facts));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
