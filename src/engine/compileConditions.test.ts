import { describe, expect, it } from 'vitest';
import { compileCondition, RuleCompileError, type CompileContext } from './compileConditions.js';
import { createRulesEngine, engineOperator } from './rulesEngine.js';

const engine = createRulesEngine();
const ctx: CompileContext = {
  ruleId: 'test.1.1.sample',
  recordFacts: new Set(['households', 'emergency', 'facilityComponents', 'setting', 'project', 'facility']),
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

describe('compileCondition', () => {
  it('decides a leaf true or false and leaves it unknown when its fact is absent', () => {
    const c = compileCondition({ fact: 'households', operator: 'greaterThan', value: 3000 }, ctx, 'x');
    expect(c.evaluate({ households: 3200 })).toBe(true);
    expect(c.evaluate({ households: 3000 })).toBe(false);
    expect(c.evaluate({})).toBeUndefined();
  });

  it('combines with Kleene tables: one false decides "all", one true decides "any"', () => {
    const all = compileCondition(
      { all: [{ fact: 'households', operator: 'greaterThan', value: 3000 }, { fact: 'setting', operator: 'equal', value: 'urban' }] },
      ctx,
      'x',
    );
    expect(all.evaluate({ households: 10 })).toBe(false);
    expect(all.evaluate({ households: 4000 })).toBeUndefined();
    const any = compileCondition(
      { any: [{ fact: 'households', operator: 'greaterThan', value: 3000 }, { fact: 'setting', operator: 'equal', value: 'urban' }] },
      ctx,
      'x',
    );
    expect(any.evaluate({ setting: 'urban' })).toBe(true);
    expect(any.evaluate({ setting: 'rural' })).toBeUndefined();
    const not = compileCondition({ not: { fact: 'setting', operator: 'equal', value: 'urban' } }, ctx, 'x');
    expect(not.evaluate({ setting: 'rural' })).toBe(true);
    expect(not.evaluate({})).toBeUndefined();
  });

  it('reads a path into an object fact and records the evidence on its tree', () => {
    const c = compileCondition({ fact: 'emergency', path: '$.plan', operator: 'equal', value: true }, ctx, 'x');
    expect(c.evaluate({ emergency: { plan: false } })).toBe(false);
    expect(c.tree).toMatchObject({ fact: 'emergency', path: '$.plan', factResult: false, valueResult: true, result: false });
    expect(c.leaves[0]?.truth).toBe(false);
  });

  it('rejects an unknown operator, naming the rule and the JSON path of the condition', () => {
    const error = compileError({ all: [{ fact: 'households', operator: 'greaterThen', value: 1 }] });
    expect(error.ruleId).toBe('test.1.1.sample');
    expect(error.jsonPath).toBe('conditions.all[1].all[0]');
    expect(error.message).toBe("rule test.1.1.sample: conditions.all[1].all[0]: unknown operator 'greaterThen'");
  });

  it('rejects an unknown fact, an unsupported path form and an unknown condition key', () => {
    expect(compileError({ any: [{ fact: 'houshold', operator: 'equal', value: 1 }] }).message).toContain(
      "conditions.all[1].any[0]: unknown fact 'houshold'",
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
