import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Operator } from 'json-rules-engine';
import { ruleFiles } from '../catalogue/ruleFiles.js';
import { recordArbitrary } from '../schema/arbitraries.js';
import { factsSchemas } from '../schema/facts.js';
import { validateRecord } from '../schema/validateRecord.js';
import { CITY_KEYS } from '../types.js';
import { compileCondition, compileDecisions, DECISION, decisionOf, RuleCompileError, type CompileContext } from './compileConditions.js';
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

describe('compileCondition: generated source and its fallback', () => {
  const closuresOnly: CompileContext = { ...ctx, generate: false };
  const households = fc.oneof(fc.integer({ min: -2, max: 12 }), fc.double(), fc.constantFrom('5', null, true, NaN));
  const facts = fc.record(
    {
      households,
      setting: fc.oneof(fc.constantFrom('urban', 'rural', null, 3, -0, '\u2028"\\'), fc.string(), fc.double()),
      emergency: fc.oneof(fc.record({ plan: fc.oneof(fc.boolean(), fc.constant(null)), team: fc.boolean() }, { requiredKeys: [] }), fc.constantFrom([], 'x', null, 7)),
      facilityComponents: fc.oneof(fc.array(fc.constantFrom('serviceHall', 'policeOffice', 'readingRoom'), { maxLength: 3 }), fc.constantFrom('x', null)),
    },
    { requiredKeys: [] },
  );
  // Every leaf form: record facts whole or at a member, derived facts, constants and facts compared.
  const leaf = fc.oneof(
    fc.record({ fact: fc.constant('households'), operator: fc.constantFrom('greaterThan', 'greaterThanInclusive', 'lessThan', 'lessThanInclusive', 'equal', 'notEqual'), value: fc.integer({ min: 0, max: 10 }) }),
    fc.record({ fact: fc.constant('setting'), operator: fc.constantFrom('equal', 'notEqual'), value: fc.constantFrom('urban', 'rural') }),
    fc.record({ fact: fc.constant('setting'), operator: fc.constantFrom('in', 'notIn'), value: fc.constant(['urban', 'rural']) }),
    fc.record({ fact: fc.constant('setting'), operator: fc.constant('exists'), value: fc.boolean() }),
    fc.record({ fact: fc.constant('emergency'), path: fc.constantFrom('$.plan', '$.team'), operator: fc.constant('equal'), value: fc.boolean() }),
    fc.record({ fact: fc.constant('facilityComponents'), operator: fc.constant('includesAll'), value: fc.subarray(['serviceHall', 'policeOffice']) }),
    fc.record({ fact: fc.constant('facilityComponents'), operator: fc.constantFrom('nonEmpty', 'lengthAtLeast'), value: fc.integer({ min: 1, max: 2 }) }),
    fc.constant({ fact: 'households', operator: 'greaterThanInclusive', value: { fact: 'scaled', params: { of: { fact: 'households' }, rate: 1, per: 2 } } }),
    fc.record({ fact: fc.constant('households'), operator: fc.constantFrom('lessThan', 'equal'), value: fc.constant({ fact: 'households' }) }),
    fc.record({ fact: fc.constant('setting'), operator: fc.constantFrom('equal', 'notEqual'), value: fc.constantFrom({ fact: 'setting' }, { fact: 'emergency', path: '$.plan' }) }),
    fc.record({ fact: fc.constant('emergency'), path: fc.constant('$.team'), operator: fc.constant('equal'), value: fc.constant({ fact: 'emergency', path: '$.plan' }) }),
    fc.constant({ fact: 'scaled', params: { of: { fact: 'households' }, rate: 3, per: 2 }, operator: 'lessThan', value: 9 }),
    // Values compileDecisions writes into its source as literals, and the ones it must not.
    fc.record({
      fact: fc.constantFrom('households', 'setting'),
      operator: fc.constantFrom('equal', 'notEqual', 'lessThan', 'greaterThanInclusive'),
      value: fc.oneof(fc.string({ unit: 'binary' }), fc.double(), fc.integer(), fc.constantFrom(-0, 0, null, true, false, NaN, -Infinity, '\u2028"\\', '</script>', '`${x}`')),
    }),
  );
  const { node: condition } = fc.letrec<{ node: unknown }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.record({ all: fc.array(tie('node'), { maxLength: 4 }) }),
      fc.record({ any: fc.array(tie('node'), { maxLength: 4 }) }),
      fc.record({ not: tie('node') }),
    ),
  }));

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is how every shipped condition evaluates in Node', () => {
    for (const city of CITY_KEYS) {
      for (const article of ruleFiles[city].articles) {
        for (const raw of article.checks) {
          const check = resolveParameters(raw);
          const checkCtx: CompileContext = { ...ctx, ruleId: check.id, recordFacts: new FactLayout(Object.keys((factsSchemas as unknown as Record<string, { shape: object }>)[check.kind]!.shape)) };
          for (const json of (check.conditions as unknown as { all: unknown[] }).all) expect(compileCondition(json, checkCtx, 'x').generated, check.id).toBe(true);
        }
      }
    }
  });

  it('decides every condition tree as the closures do and as kleene.ts judges its traced tree', () => {
    fc.assert(
      fc.property(condition, fc.array(facts, { minLength: 1, maxLength: 4 }), (json, records) => {
        const generated = compileCondition(json, ctx, 'x');
        const closures = compileCondition(json, closuresOnly, 'x');
        expect(generated.generated).toBe(true);
        expect(closures.generated).toBe(false);
        // Several records through the same function: nothing is carried from one to the next.
        for (const record of records) {
          const slots = ctx.recordFacts.read(record);
          const truth = closures.evaluate(slots);
          expect(generated.evaluate(slots)).toBe(truth);
          expect(truth).toBe(judge(closures.trace(slots), record).truth);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('decides several checks in one generated function as each check’s conditions decide them, and so do the closures', () => {
    const check = fc.record({ applies: condition, passes: condition });
    fc.assert(
      fc.property(fc.array(check, { minLength: 1, maxLength: 5 }), fc.array(facts, { minLength: 1, maxLength: 4 }), (checks, records) => {
        const generated = checks.map((c) => ({ applies: compileCondition(c.applies, ctx, 'a'), passes: compileCondition(c.passes, ctx, 'p') }));
        const closures = checks.map((c) => ({ applies: compileCondition(c.applies, closuresOnly, 'a'), passes: compileCondition(c.passes, closuresOnly, 'p') }));
        const decide = compileDecisions(generated);
        const decideWithClosures = compileDecisions(closures);
        // Generated source: one function of its own, not the conditions' loop.
        expect(String(decide)).toContain('function decide(f, o)');
        expect(String(decideWithClosures)).not.toContain('function decide(f, o)');
        const out = new Uint8Array(checks.length);
        const outClosures: number[] = [];
        // Several records through the same function: nothing is carried from one to the next.
        for (const record of records) {
          const slots = ctx.recordFacts.read(record);
          decide(slots, out);
          decideWithClosures(slots, outClosures);
          const expected = closures.map(({ applies, passes }) => decisionOf(applies.evaluate(slots), passes.evaluate(slots)));
          expect([...out]).toEqual(expected);
          expect(outClosures).toEqual(expected);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('writes slots, numbers, booleans, null and json-rules-engine’s comparisons into the checks’ source, and calls any other operator', () => {
    const checks = [
      { applies: { fact: 'setting', operator: 'equal', value: 'say "hi"\n' }, passes: { fact: 'households', operator: 'greaterThanInclusive', value: -2.5 } },
      { applies: { fact: 'emergency', path: '$.plan', operator: 'notEqual', value: null }, passes: { fact: 'facilityComponents', operator: 'includesAll', value: ['serviceHall'] } },
      { applies: { fact: 'households', operator: 'lessThan', value: -0 }, passes: { fact: 'setting', operator: 'equal', value: NaN } },
    ].map((c) => ({ applies: compileCondition(c.applies, ctx, 'a'), passes: compileCondition(c.passes, ctx, 'p') }));
    const source = String(compileDecisions(checks));
    expect(source).toContain('(v >= (-2.5))');
    expect(source).toContain('(v !== null)');
    // Strings are passed in: the value and the member.
    expect(source).not.toContain('say');
    expect(source).not.toContain('plan');
    expect(source).toMatch(/w\[c\d+\]/);
    expect(source).toContain(`f[(${ctx.recordFacts.slot('households')!})]`);
    // includesAll is called; -0 and NaN have no literal of exactly themselves: passed in.
    expect(source).toMatch(/c\d+\(v, c\d+\) \/\* \d+ \*\//);
    expect(source).toMatch(/\(v < c\d+\)/);
    expect(source).toMatch(/\(v === c\d+\)/);
    // An operator whose function does more than compare is called, even if it looks alike.
    const nearly = new Operator('lessThan', function (a: number, b: number) {
      return a < b + 1;
    });
    const shifted: CompileContext = { ...ctx, operator: (name) => (name === 'lessThan' ? (nearly as never) : ctx.operator(name)) };
    const called = String(compileDecisions([{ applies: compileCondition({ fact: 'households', operator: 'lessThan', value: 3 }, shifted, 'a'), passes: compileCondition({ all: [] }, shifted, 'p') }]));
    expect(called).not.toContain('(v < (3))');
    expect(called).toMatch(/c\d+\(v, \(3\)\)/);
  });

  it('codes each decision apart, the undecided ones last', () => {
    const truths = [true, false, undefined] as const;
    const codes = truths.flatMap((a) => truths.map((p) => decisionOf(a, p)));
    // applies false: not applicable, whatever passes is; otherwise each pair its own code.
    expect(codes).toEqual([
      DECISION.pass, DECISION.fail, DECISION.unknownPasses,
      DECISION.notApplicable, DECISION.notApplicable, DECISION.notApplicable,
      DECISION.unknownApplies, DECISION.unknownApplies, DECISION.unknownBoth,
    ]);
    expect(new Set(Object.values(DECISION)).size).toBe(6);
    for (const code of [DECISION.notApplicable, DECISION.pass, DECISION.fail]) expect(code).toBeLessThan(DECISION.unknownApplies);
    for (const code of [DECISION.unknownBoth, DECISION.unknownPasses]) expect(code).toBeGreaterThan(DECISION.unknownApplies);
  });

  it('shares one function among conditions of one shape, each deciding on its own slots and values', () => {
    const a = compileCondition({ all: [{ fact: 'setting', operator: 'equal', value: 'rural' }, { fact: 'emergency', path: '$.plan', operator: 'equal', value: true }] }, ctx, 'x');
    const b = compileCondition({ all: [{ fact: 'households', operator: 'equal', value: 11 }, { fact: 'emergency', path: '$.team', operator: 'equal', value: false }] }, ctx, 'x');
    expect(String(a.evaluate)).toBe(String(b.evaluate));
    expect(a.evaluate).not.toBe(b.evaluate);
    const slots = ctx.recordFacts.read({ households: 3200, setting: 'rural', emergency: { plan: true, team: true } });
    expect([a.evaluate(slots), b.evaluate(slots)]).toEqual([true, false]);
    const other = ctx.recordFacts.read({ households: 11, setting: 'urban', emergency: { team: false } });
    expect([a.evaluate(other), b.evaluate(other)]).toEqual([false, true]);
  });

  it('shares a function only among conditions that call the same operators', () => {
    const equal = compileCondition({ fact: 'setting', operator: 'equal', value: 'urban' }, ctx, 'x');
    const equalToo = compileCondition({ fact: 'households', operator: 'equal', value: 7 }, ctx, 'x');
    const notEqual = compileCondition({ fact: 'setting', operator: 'notEqual', value: 'urban' }, ctx, 'x');
    expect(String(equal.evaluate)).toBe(String(equalToo.evaluate));
    expect(String(equal.evaluate)).not.toBe(String(notEqual.evaluate));
    const slots = ctx.recordFacts.read({ setting: 'urban', households: 7 });
    expect([equal.evaluate(slots), equalToo.evaluate(slots), notEqual.evaluate(slots)]).toEqual([true, true, false]);
  });

  it('puts no rule text in the source: values and members are constants, however they are spelled', () => {
    const hostile = ['"); throw new Error("injected"); ("', "'; f = null; '", '*/ }); //', '\u2028\u2029`${1}`', '__proto__'];
    for (const value of hostile) {
      const c = compileCondition({ any: [{ fact: 'setting', operator: 'equal', value }, { fact: 'emergency', path: '$.constructor', operator: 'equal', value }] }, ctx, 'x');
      expect(c.generated).toBe(true);
      expect(String(c.evaluate)).not.toContain(value);
      // Nor in the checks' function, which writes numbers and slots as literals.
      expect(String(compileDecisions([{ applies: c, passes: c }]))).not.toContain(value);
      expect(c.evaluate(ctx.recordFacts.read({ setting: value }))).toBe(true);
      expect(c.evaluate(ctx.recordFacts.read({ setting: 'urban', emergency: { plan: true } }))).toBe(false);
    }
  });

  it('falls back to the closures where new Function is refused (CSP), asking the refusing constructor once', () => {
    let asked = 0;
    // As a browser's CSP without 'unsafe-eval' refuses it.
    const refusing = function Function(): never {
      asked += 1;
      throw new EvalError("Refused to evaluate a string as JavaScript because 'unsafe-eval' is not an allowed source of script");
    };
    const json = { all: [{ fact: 'households', operator: 'greaterThan', value: 3000 }, { fact: 'emergency', path: '$.plan', operator: 'equal', value: true }] };
    vi.stubGlobal('Function', refusing);
    const first = compileCondition(json, ctx, 'x');
    const second = compileCondition(json, ctx, 'x');
    vi.unstubAllGlobals();
    expect(asked).toBe(1);
    expect([first.generated, second.generated]).toEqual([false, false]);
    const read = (facts: Facts) => ctx.recordFacts.read(facts);
    expect(first.evaluate(read({ households: 3200, emergency: { plan: true } }))).toBe(true);
    expect(first.evaluate(read({ households: 3200, emergency: { plan: false } }))).toBe(false);
    expect(second.evaluate(read({ households: 3200 }))).toBeUndefined();
    // Another constructor (here the real one again) is asked afresh.
    expect(compileCondition(json, ctx, 'x').generated).toBe(true);
  });
});
