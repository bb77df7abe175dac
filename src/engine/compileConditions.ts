/**
 * Compiles a rule's condition JSON (the json-rules-engine subset the rule files use: all / any /
 * not, fact / path / params, fact references as values, the operators and derived facts of this
 * folder) into synchronous closures with three-valued logic built in.
 *
 * The semantics are not written twice: leaves call the very operator objects json-rules-engine
 * runs (its built-ins and ours, from one `Engine`), derived facts come from `derivedFacts.ts`,
 * paths from `factPath.ts`; the Kleene combination mirrors `kleene.ts`, whose `judge` (the missing
 * paths) and `explain` (the evidence) run on the tree the closures fill in. A differential property
 * (tests/differential.test.ts) keeps this path equal to json-rules-engine's.
 *
 * Everything that can be known from the rule is checked here, once: an unknown operator, fact,
 * path form or condition key, or a value an operator or derived fact cannot take, is a
 * `RuleCompileError` naming the rule and the JSON path of the condition.
 */
import { DERIVED_FACT_BY_NAME, type DerivedFact } from './derivedFacts.js';
import { compilePath } from './factPath.js';
import { judge, type EvaluatedCondition, type Truth } from './kleene.js';
import { OPERATOR_BY_NAME } from './operators.js';

/** A rule that cannot be compiled: which rule, where in its conditions, and why. */
export class RuleCompileError extends Error {
  constructor(
    readonly ruleId: string,
    readonly jsonPath: string,
    readonly reason: string,
  ) {
    super(`rule ${ruleId}: ${jsonPath}: ${reason}`);
    this.name = 'RuleCompileError';
  }
}

/** An operator as json-rules-engine runs it: (fact value, compared value) → boolean. */
export interface EngineOperator {
  evaluate(factValue: unknown, compareTo: unknown): boolean;
}

export interface CompileContext {
  ruleId: string;
  /** The record facts the rule may read (the keys of its kind's facts schema). */
  recordFacts: ReadonlySet<string>;
  /** The operators by name, as the reference engine has them (built-ins and ours). */
  operator(name: string): EngineOperator | undefined;
}

type Facts = Record<string, unknown>;

/**
 * A compiled condition. `evaluate` fills `tree` (the same shape json-rules-engine leaves on a
 * rule result: factResult / valueResult / result on every leaf) and returns the Kleene truth.
 * The tree is reused from record to record and never handed out.
 */
export interface CompiledCondition {
  evaluate(facts: Facts): Truth;
  tree: EvaluatedCondition;
  /** The leaves in rule order, with the truth of the last evaluation (for `explain`). */
  leaves: { condition: EvaluatedCondition; truth: Truth }[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const LEAF_KEYS = new Set(['fact', 'operator', 'value', 'path', 'params', 'name']);
const BOOLEAN_KEYS = new Set(['all', 'any', 'not', 'name']);
/** The JSONPath subset `resolvePath` reads: `$.a.b`. */
const PATH_FORM = /^\$(\.[A-Za-z_][A-Za-z0-9_]*)+$/;

/** Values a derived fact's inputs are probed with at compile time, to surface bad params early. */
const PROBES: readonly unknown[] = [undefined, 0, 1, '2000-01-01', [], {}, [{}], true];

type Reader = (facts: Facts) => unknown;

/**
 * Reads a fact as json-rules-engine's almanac does: a record fact (absent → undefined) or a
 * derived fact computed from its inputs; a path applies only to an object value (a primitive is
 * returned as it is, as the almanac does).
 */
function compileReader(
  ctx: CompileContext,
  where: string,
  fact: unknown,
  path: unknown,
  params: unknown,
): Reader {
  if (typeof fact !== 'string' || fact.length === 0) throw new RuleCompileError(ctx.ruleId, where, 'fact must be a non-empty string');
  if (path !== undefined && (typeof path !== 'string' || (path !== '' && path !== '$' && !PATH_FORM.test(path)))) {
    throw new RuleCompileError(ctx.ruleId, where, `unsupported path form ${JSON.stringify(path)} (expected $.name or $.name.name…)`);
  }
  if (params !== undefined && !isObject(params)) throw new RuleCompileError(ctx.ruleId, where, 'params must be an object');
  const derived = DERIVED_FACT_BY_NAME.get(fact);
  let base: Reader;
  if (derived) {
    base = compileDerived(ctx, where, derived, (params ?? {}) as Facts);
  } else {
    if (!ctx.recordFacts.has(fact)) throw new RuleCompileError(ctx.ruleId, where, `unknown fact '${fact}'`);
    if (params !== undefined && Object.keys(params).length > 0) {
      throw new RuleCompileError(ctx.ruleId, where, `fact '${fact}' is a record fact and takes no params`);
    }
    base = (facts) => facts[fact];
  }
  if (typeof path !== 'string' || path === '') return base;
  const resolve = compilePath(path);
  return (facts) => {
    const value = base(facts);
    return value !== null && typeof value === 'object' ? resolve(value) : value;
  };
}

function compileDerived(ctx: CompileContext, where: string, derived: DerivedFact, params: Facts): Reader {
  const fail = (error: unknown): never => {
    throw new RuleCompileError(ctx.ruleId, where, `derived fact '${derived.name}': ${error instanceof Error ? error.message : String(error)}`);
  };
  let readers: Reader[] = [];
  try {
    readers = derived.inputs(params).map((input) => compileReader(ctx, `${where}.params`, input.fact, input.path, undefined));
  } catch (error) {
    if (error instanceof RuleCompileError) throw error;
    fail(error);
  }
  try {
    for (const probe of PROBES) {
      const values = readers.map(() => probe);
      derived.compute(params, values);
      derived.missing?.(params, values);
      derived.explain?.(params, values);
    }
  } catch (error) {
    fail(error);
  }
  const { compute } = derived;
  if (readers.length === 1) {
    const [read] = readers as [Reader];
    return (facts) => compute(params, [read(facts)]);
  }
  return (facts) => compute(params, readers.map((read) => read(facts)));
}

/** A compiled node: evaluates its subtree into the shared tree and returns its truth. */
type Node = (facts: Facts) => Truth;

function compileNode(
  ctx: CompileContext,
  json: unknown,
  where: string,
  leaves: CompiledCondition['leaves'],
): { node: Node; tree: EvaluatedCondition } {
  if (!isObject(json)) throw new RuleCompileError(ctx.ruleId, where, 'a condition must be an object');
  const name = json['name'];
  if (name !== undefined && typeof name !== 'string') throw new RuleCompileError(ctx.ruleId, where, 'name must be a string');
  const booleans = (['all', 'any', 'not'] as const).filter((key) => key in json);
  if (booleans.length > 1) throw new RuleCompileError(ctx.ruleId, where, `a condition has one of all / any / not, not ${booleans.join(' and ')}`);
  const boolean = booleans[0];
  if (boolean !== undefined) {
    for (const key of Object.keys(json)) {
      if (!BOOLEAN_KEYS.has(key)) throw new RuleCompileError(ctx.ruleId, where, `unknown key '${key}' in a boolean condition`);
    }
    if (boolean === 'not') {
      const inner = compileNode(ctx, json['not'], `${where}.not`, leaves);
      const tree: EvaluatedCondition = { ...(name !== undefined ? { name } : {}), not: inner.tree };
      const evaluateInner = inner.node;
      return {
        tree,
        node: (facts) => {
          const truth = evaluateInner(facts);
          return truth === undefined ? undefined : !truth;
        },
      };
    }
    const list = json[boolean];
    if (!Array.isArray(list)) throw new RuleCompileError(ctx.ruleId, where, `'${boolean}' must be an array`);
    const children = list.map((child, i) => compileNode(ctx, child, `${where}.${boolean}[${i}]`, leaves));
    const tree: EvaluatedCondition = { ...(name !== undefined ? { name } : {}), [boolean]: children.map((c) => c.tree) };
    const nodes = children.map((c) => c.node);
    const count = nodes.length;
    // Kleene's strong tables, as kleene.ts `combine`: every operand is evaluated (the evidence
    // reads every leaf), then one dominant operand decides, else any unknown leaves it unknown.
    const dominant = boolean === 'all' ? false : true;
    return {
      tree,
      node: (facts) => {
        let decided = false;
        let unknown = false;
        for (let i = 0; i < count; i += 1) {
          const truth = nodes[i]!(facts);
          if (truth === dominant) decided = true;
          else if (truth === undefined) unknown = true;
        }
        if (decided) return dominant;
        return unknown ? undefined : !dominant;
      },
    };
  }
  return compileLeaf(ctx, json, where, leaves);
}

function compileLeaf(
  ctx: CompileContext,
  json: Record<string, unknown>,
  where: string,
  leaves: CompiledCondition['leaves'],
): { node: Node; tree: EvaluatedCondition } {
  for (const key of Object.keys(json)) {
    if (!LEAF_KEYS.has(key)) throw new RuleCompileError(ctx.ruleId, where, `unknown key '${key}' in a condition`);
  }
  for (const key of ['fact', 'operator', 'value']) {
    if (!(key in json)) throw new RuleCompileError(ctx.ruleId, where, `a condition needs '${key}'`);
  }
  const operatorName = json['operator'];
  if (typeof operatorName !== 'string') throw new RuleCompileError(ctx.ruleId, where, 'operator must be a string');
  const operator = ctx.operator(operatorName);
  if (!operator) throw new RuleCompileError(ctx.ruleId, where, `unknown operator '${operatorName}'`);
  const readFact = compileReader(ctx, where, json['fact'], json['path'], json['params']);

  const value = json['value'];
  // A value `{ fact, params?, path? }` is a fact reference, as json-rules-engine reads it.
  const valueIsFact = isObject(value) && Object.hasOwn(value, 'fact');
  let readValue: Reader | undefined;
  if (valueIsFact) {
    for (const key of Object.keys(value)) {
      if (!['fact', 'path', 'params'].includes(key)) throw new RuleCompileError(ctx.ruleId, `${where}.value`, `unknown key '${key}' in a fact reference`);
    }
    readValue = compileReader(ctx, `${where}.value`, value['fact'], value['path'], value['params']);
  } else {
    const custom = OPERATOR_BY_NAME.get(operatorName);
    try {
      // The operator must accept the value whatever the fact is; json-rules-engine would reject
      // at evaluation time.
      for (const probe of PROBES) {
        operator.evaluate(probe, value);
        custom?.explain?.(probe, value);
      }
    } catch (error) {
      throw new RuleCompileError(ctx.ruleId, where, `operator '${operatorName}' cannot take the value ${JSON.stringify(value)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const tree: EvaluatedCondition = {
    ...(typeof json['name'] === 'string' ? { name: json['name'] } : {}),
    fact: json['fact'] as string,
    ...(typeof json['path'] === 'string' ? { path: json['path'] } : {}),
    ...(json['params'] !== undefined ? { params: json['params'] as Record<string, unknown> } : {}),
    operator: operatorName,
    value,
    factResult: undefined,
    valueResult: undefined,
    result: false,
  };
  const outcome: { condition: EvaluatedCondition; truth: Truth } = { condition: tree, truth: undefined };
  leaves.push(outcome);

  let node: Node;
  if (readValue) {
    const readCompared = readValue;
    node = (facts) => {
      const factResult = readFact(facts);
      const valueResult = readCompared(facts);
      tree.factResult = factResult;
      tree.valueResult = valueResult;
      let truth: Truth;
      if (factResult === undefined) {
        tree.result = false;
        truth = undefined;
      } else {
        const result = operator.evaluate(factResult, valueResult) === true;
        tree.result = result;
        // An undecidable compared fact leaves the leaf unknown when one of its inputs is absent
        // (kleene.ts judgeLeaf); that rare case is settled by the same judge.
        truth = valueResult === undefined ? undecidedCompared(tree, facts) : result;
      }
      outcome.truth = truth;
      return truth;
    };
  } else {
    node = (facts) => {
      const factResult = readFact(facts);
      tree.factResult = factResult;
      tree.valueResult = value;
      let truth: Truth;
      if (factResult === undefined) {
        tree.result = false;
        truth = undefined;
      } else {
        truth = operator.evaluate(factResult, value) === true;
        tree.result = truth;
      }
      outcome.truth = truth;
      return truth;
    };
  }
  return { node, tree };
}

/** kleene.ts judgeLeaf's answer for a leaf whose compared fact is undecidable. */
function undecidedCompared(tree: EvaluatedCondition, facts: Facts): Truth {
  return judge(tree, facts).truth;
}

/**
 * Compiles one condition (a rule's `appliesWhen`, `passesWhen`, or a non-binding exception).
 *
 * @example
 * const c = compileCondition({ fact: 'households', operator: 'greaterThan', value: 3000 }, ctx, 'conditions.all[0]');
 * c.evaluate({ households: 3200 }) //=> true
 * c.evaluate({}) //=> undefined (households is missing)
 */
export function compileCondition(json: unknown, ctx: CompileContext, where: string): CompiledCondition {
  const leaves: CompiledCondition['leaves'] = [];
  const { node, tree } = compileNode(ctx, json, where, leaves);
  return { evaluate: node, tree, leaves };
}
