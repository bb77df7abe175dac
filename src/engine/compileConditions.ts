/**
 * Compiles a rule's condition JSON (the json-rules-engine subset the rule files use: all / any /
 * not, fact / path / params, fact references as values, the operators and derived facts of this
 * folder) into synchronous closures with three-valued logic built in.
 *
 * The semantics are not written twice: leaves call the very operator objects json-rules-engine
 * runs (its built-ins and ours, from one `Engine`), derived facts come from `derivedFacts.ts`,
 * paths from `factPath.ts`. Each condition compiles into three closures that answer what
 * `kleene.ts` answers from an evaluated tree, without building one: `evaluate` (the Kleene truth,
 * short-circuited: the first dominant operand decides), `missing` (the absent paths, as `judge`
 * lists them) and `explain` (the evidence, as `explain` finds it), each reading only the leaves it
 * needs. `trace` builds the evaluated tree json-rules-engine would leave, so a property
 * (compileConditions.test.ts) holds the three against `kleene.ts`, and tests/differential.test.ts
 * holds the whole path against json-rules-engine's.
 *
 * Everything that can be known from the rule is checked here, once: an unknown operator, fact,
 * path form or condition key, or a value an operator or derived fact cannot take, is a
 * `RuleCompileError` naming the rule and the JSON path of the condition.
 */
import { DERIVED_FACT_BY_NAME, type DerivedFact, type FactRef } from './derivedFacts.js';
import type { DetailItem } from './evidence.js';
import { compilePath, refToPath } from './factPath.js';
import type { FactLayout, FactSlots } from './factLayout.js';
import type { EvaluatedCondition, Truth } from './kleene.js';
import { BOUND_OPERATORS, OPERATOR_BY_NAME, type OperatorExplanation } from './operators.js';
import { failedParts as failedPartsOfTree } from './trace.js';
import type { ConditionTrace, LeafTrace, TracedFact } from '../types.js';
import { newFunction } from '../util/newFunction.js';

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
  /** The record facts the rule may read (the keys of its kind's facts schema), each at its slot. */
  recordFacts: FactLayout;
  /** The operators by name, as the reference engine has them (built-ins and ours). */
  operator(name: string): EngineOperator | undefined;
  /**
   * false: `evaluate` is the closures only, as where `new Function` is refused (a browser's
   * Content-Security-Policy without 'unsafe-eval'). Default: generated source when allowed.
   */
  generate?: boolean;
}

type Facts = FactSlots;

/**
 * A compiled condition: the answers `kleene.ts` gives for the evaluated tree, read straight from
 * the record's facts, in the slots of the context's `FactLayout` (`recordFacts.read(facts)`, once
 * per record for all its conditions). Nothing is kept from record to record.
 */
export interface CompiledCondition {
  /** The Kleene truth: true, false, or undefined (unknown). */
  evaluate(facts: Facts): Truth;
  /** Whether `evaluate` is generated source (`generateTruth`); false: the closures it equals. */
  readonly generated: boolean;
  /**
   * When `evaluate` gave undefined: appends the absent fact paths (`facts.emergency.plan`) that
   * leave it unknown, in the order and with the repeats of kleene.ts `judge(…).missing`.
   */
  missing(facts: Facts, out: string[]): void;
  /** When `evaluate` gave `truth`: the evidence, as kleene.ts `explain` gives it for that judgement. */
  explain(facts: Facts, truth: boolean): OperatorExplanation;
  /** The evaluated tree as json-rules-engine leaves it on a rule result (fresh; for tests and debugging). */
  trace(facts: Facts): EvaluatedCondition;
  /**
   * When `evaluate` gave false: the parts that made it false, as trace.ts `failedParts` gives them
   * for `trace(facts)` (a false all's false operands, a false any's every operand, down to the
   * comparisons), built for those parts only. For wording the message: rule values are shared.
   */
  failedParts(facts: Facts): ConditionTrace[];
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

/** kleene.ts `resolveRef`: a path reads into objects only (a primitive gives undefined). */
function refReader(layout: FactLayout, ref: FactRef): Reader {
  const slot = layout.slot(ref.fact);
  // An input that is no record fact of the kind is absent (compileReader has rejected it already).
  if (slot === undefined) return () => undefined;
  if (!ref.path) return (facts) => facts[slot];
  const resolve = compilePath(ref.path);
  return (facts) => resolve(facts[slot]);
}

/** A fact reference compiled: its value, and what is absent when it has none. */
interface CompiledRef {
  /** The value as json-rules-engine's almanac reads it. */
  read: Reader;
  /** Appends the absent record facts behind an undefined value (kleene.ts `absentInputs`). */
  absent(facts: Facts, out: string[]): void;
  /** Whether `absent` would append anything. */
  hasAbsent(facts: Facts): boolean;
  /** For a derived fact: its definition, params and inputs read as kleene.ts reads them. */
  derived?: { fact: DerivedFact; params: Record<string, unknown>; inputs: Reader[] };
  /**
   * For a record fact read whole or at one member (`$.plan`): its slot and the member, so that a
   * leaf reads it inline (`read` gives the same value).
   */
  direct?: { slot: number; member: string | undefined };
}

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
): CompiledRef {
  if (typeof fact !== 'string' || fact.length === 0) throw new RuleCompileError(ctx.ruleId, `${where}.fact`, 'fact must be a non-empty string');
  if (path !== undefined && (typeof path !== 'string' || (path !== '' && path !== '$' && !PATH_FORM.test(path)))) {
    throw new RuleCompileError(ctx.ruleId, `${where}.path`, `unsupported path form ${JSON.stringify(path)} (expected $.name or $.name.name…)`);
  }
  if (params !== undefined && !isObject(params)) throw new RuleCompileError(ctx.ruleId, `${where}.params`, 'params must be an object');
  const derived = DERIVED_FACT_BY_NAME.get(fact);
  let base: Reader;
  let absent: CompiledRef['absent'];
  let hasAbsent: CompiledRef['hasAbsent'];
  let derivedPlan: CompiledRef['derived'];
  if (derived) {
    const compiled = compileDerived(ctx, where, derived, (params ?? {}) as Record<string, unknown>);
    base = compiled.read;
    absent = compiled.absent;
    hasAbsent = compiled.hasAbsent;
    derivedPlan = compiled.plan;
  } else {
    if (!ctx.recordFacts.has(fact)) throw new RuleCompileError(ctx.ruleId, `${where}.fact`, `unknown fact '${fact}'`);
    if (params !== undefined && Object.keys(params).length > 0) {
      throw new RuleCompileError(ctx.ruleId, `${where}.params`, `fact '${fact}' is a record fact and takes no params`);
    }
    const slot = ctx.recordFacts.slot(fact)!;
    base = (facts) => facts[slot];
    // An absent record fact is itself what is missing.
    const own = refToPath(path ? { fact, path: path as string } : { fact });
    absent = (_facts, out) => {
      out.push(own);
    };
    hasAbsent = () => true;
  }
  const compiled: CompiledRef = { read: base, absent, hasAbsent, ...(derivedPlan ? { derived: derivedPlan } : {}) };
  const slot = derived ? undefined : ctx.recordFacts.slot(fact);
  const members = typeof path === 'string' && path !== '' && path !== '$' ? path.slice(2).split('.') : [];
  if (slot !== undefined && members.length <= 1) compiled.direct = { slot, member: members[0] };
  if (typeof path !== 'string' || path === '') return compiled;
  const resolve = compilePath(path);
  compiled.read = (facts) => {
    const value = base(facts);
    return value !== null && typeof value === 'object' ? resolve(value) : value;
  };
  return compiled;
}

function compileDerived(
  ctx: CompileContext,
  where: string,
  derived: DerivedFact,
  params: Record<string, unknown>,
): { read: Reader; absent: CompiledRef['absent']; hasAbsent: CompiledRef['hasAbsent']; plan: NonNullable<CompiledRef['derived']> } {
  const fail = (error: unknown): never => {
    throw new RuleCompileError(ctx.ruleId, `${where}.params`, `derived fact '${derived.name}': ${error instanceof Error ? error.message : String(error)}`);
  };
  let inputs: FactRef[] = [];
  let readers: Reader[] = [];
  try {
    inputs = derived.inputs(params);
    readers = inputs.map((input) => compileReader(ctx, `${where}.params`, input.fact, input.path, undefined).read);
  } catch (error) {
    if (error instanceof RuleCompileError) throw error;
    fail(error);
  }
  // The params are read once, here (bind), and each probe decides with them as compute would.
  let bound: (first: unknown, second?: unknown) => unknown = () => undefined;
  try {
    bound = derived.bind(params);
    for (const probe of PROBES) {
      const values = readers.map(() => probe);
      derived.compute(params, values);
      bound(values[0], values[1]);
      derived.missing?.(params, values);
      derived.explain?.(params, values);
    }
  } catch (error) {
    fail(error);
  }
  const { compute } = derived;
  let read: Reader;
  if (readers.length === 1) {
    const [only] = readers as [Reader];
    read = (facts) => bound(only(facts));
  } else if (readers.length === 2) {
    const [first, second] = readers as [Reader, Reader];
    read = (facts) => bound(first(facts), second(facts));
  } else {
    read = (facts) => compute(params, readers.map((r) => r(facts)));
  }
  // What is absent is judged on the inputs as kleene.ts resolves them (resolveRef).
  const resolved = inputs.map((input) => refReader(ctx.recordFacts, input));
  const inputPaths = inputs.map(refToPath);
  const values = (facts: Facts): unknown[] => resolved.map((r) => r(facts));
  const custom = derived.missing;
  const absent: CompiledRef['absent'] = custom
    ? (facts, out) => {
        for (const ref of custom(params, values(facts))) out.push(refToPath(ref));
      }
    : (facts, out) => {
        for (let i = 0; i < resolved.length; i += 1) if (resolved[i]!(facts) === undefined) out.push(inputPaths[i]!);
      };
  const hasAbsent: CompiledRef['hasAbsent'] = custom
    ? (facts) => custom(params, values(facts)).length > 0
    : (facts) => resolved.some((r) => r(facts) === undefined);
  return { read, absent, hasAbsent, plan: { fact: derived, params, inputs: resolved } };
}

/** A compiled node: its truth, its absent paths when unknown, and its evaluated tree. */
interface Node {
  truth: (facts: Facts) => Truth;
  /** How `generateTruth` writes `truth` as source. */
  plan: Plan;
  missing: (facts: Facts, out: string[]) => void;
  trace: (facts: Facts) => EvaluatedCondition;
  /** When false: appends the parts that made it false (see `CompiledCondition.failedParts`). */
  failed: (facts: Facts, out: ConditionTrace[]) => void;
}

/** A compiled leaf, kept in rule order for `explain`. */
interface Leaf extends Node {
  fact: string;
  /** The `path` as the evaluated tree carries it (only a string is kept). */
  path: string | undefined;
  operator: string;
  factResult: Reader;
  valueResult: Reader;
  ref: CompiledRef;
}

function compileNode(ctx: CompileContext, json: unknown, where: string, leaves: Leaf[]): Node {
  if (!isObject(json)) throw new RuleCompileError(ctx.ruleId, where, 'a condition must be an object');
  const name = json['name'];
  if (name !== undefined && typeof name !== 'string') throw new RuleCompileError(ctx.ruleId, where, 'name must be a string');
  const booleans = (['all', 'any', 'not'] as const).filter((key) => key in json);
  if (booleans.length > 1) throw new RuleCompileError(ctx.ruleId, where, `a condition has one of all / any / not, not ${booleans.join(' and ')}`);
  const boolean = booleans[0];
  if (boolean === undefined) return compileLeaf(ctx, json, where, leaves);
  for (const key of Object.keys(json)) {
    if (!BOOLEAN_KEYS.has(key)) throw new RuleCompileError(ctx.ruleId, where, `unknown key '${key}' in a boolean condition`);
  }
  const named = name !== undefined ? { name } : {};
  if (boolean === 'not') {
    const inner = compileNode(ctx, json['not'], `${where}.not`, leaves);
    const innerTruth = inner.truth;
    const trace = (facts: Facts): EvaluatedCondition => ({ ...named, not: inner.trace(facts) });
    const layout = ctx.recordFacts;
    return {
      truth: (facts) => {
        const truth = innerTruth(facts);
        return truth === undefined ? undefined : !truth;
      },
      plan: { op: 'not', inner },
      missing: inner.missing,
      trace,
      // A `not` is one part, its subtree traced whole (no shipped rule has one: not worth compiling).
      failed: (facts, out) => {
        for (const part of failedPartsOfTree(trace(facts), layout.toObject(facts))) out.push(part);
      },
    };
  }
  const list = json[boolean];
  if (!Array.isArray(list)) throw new RuleCompileError(ctx.ruleId, where, `'${boolean}' must be an array`);
  const children = list.map((child, i) => compileNode(ctx, child, `${where}.${boolean}[${i}]`, leaves));
  const truths = children.map((c) => c.truth);
  const count = truths.length;
  // Kleene's strong tables, as kleene.ts `combine`: one dominant operand decides (the rest need not
  // be read), else any unknown operand leaves it unknown.
  const dominant = boolean === 'all' ? false : true;
  let truth: Node['truth'];
  if (count === 0) {
    // `{ all: [] }` (a check that always applies) holds; `{ any: [] }` does not.
    const empty = !dominant;
    truth = () => empty;
  } else if (count === 1) {
    truth = truths[0]!;
  } else if (count === 2) {
    const [first, second] = truths as [Node['truth'], Node['truth']];
    truth = (facts) => {
      const a = first(facts);
      if (a === dominant) return dominant;
      const b = second(facts);
      if (b === dominant) return dominant;
      return a === undefined || b === undefined ? undefined : !dominant;
    };
  } else {
    truth = (facts) => {
      let unknown = false;
      for (let i = 0; i < count; i += 1) {
        const t = truths[i]!(facts);
        if (t === dominant) return dominant;
        if (t === undefined) unknown = true;
      }
      return unknown ? undefined : !dominant;
    };
  }
  return {
    truth,
    plan: { op: boolean, children },
    // Unknown: no operand is dominant, and the unknown ones say what is missing.
    missing: (facts, out) => {
      for (const child of children) if (child.truth(facts) === undefined) child.missing(facts, out);
    },
    trace: (facts) => ({ ...named, [boolean]: children.map((c) => c.trace(facts)) }),
    // trace.ts failedOf: a false all's false operands; a false any's operands are all false.
    failed:
      boolean === 'all'
        ? (facts, out) => {
            for (const child of children) if (child.truth(facts) === false) child.failed(facts, out);
          }
        : (facts, out) => {
            for (const child of children) child.failed(facts, out);
          },
  };
}

/** An operator's test as a plain function: `operator.evaluate(factValue, compareTo)`. */
type Test = (factValue: unknown, compareTo: unknown) => unknown;

/**
 * An operator's test taken apart, as `test` runs it: `(validate(a) && compare(a, b))`, without
 * `validate` when it always holds; `numeric` when `validate` is the numeric operators' (which a
 * number passes unless NaN). Generated source calls the parts from its own call sites.
 */
interface TestParts {
  test: Test;
  compare: Test;
  validate?: (factValue: unknown) => unknown;
  numeric?: boolean;
}

/**
 * `operator.evaluate` as one function, taken apart where it is a json-rules-engine `Operator`
 * (`factValueValidator(a) && cb(a, b)`): its own `cb` when its validator is the one the class gives
 * an operator without one (always true; told by its source), so a leaf calls the comparison itself
 * rather than the operator's method and, through it, the validator.
 */
function testOf(operator: EngineOperator): TestParts {
  type Parts = { cb?: unknown; factValueValidator?: unknown; constructor?: unknown };
  const { cb, factValueValidator: validator, constructor: OperatorClass } = operator as EngineOperator & Parts;
  if (typeof cb !== 'function' || typeof validator !== 'function' || typeof OperatorClass !== 'function') {
    const evaluate: Test = (a, b) => operator.evaluate(a, b);
    return { test: evaluate, compare: evaluate };
  }
  let probe: Parts | undefined;
  try {
    probe = new (OperatorClass as new (name: string, cb: Test) => Parts)('probe', () => true);
  } catch {
    probe = undefined;
  }
  const byDefault = typeof probe?.factValueValidator === 'function' && probe.factValueValidator.toString() === validator.toString();
  if (byDefault && probe?.cb !== undefined && validator() === true) return { test: cb as Test, compare: cb as Test };
  const check = validator as (a: unknown) => unknown;
  const compare = cb as Test;
  return { test: (a, b) => check(a) && compare(a, b), compare, validate: check };
}

/**
 * json-rules-engine's numeric operators first check the fact with
 * `Number.parseFloat(value).toString() !== 'NaN'` — a number turned into a string on every
 * comparison. For a number that test is `!Number.isNaN(value)` (its string parses back to itself,
 * or to ±Infinity), so a number skips it; any other value still goes through it.
 */
function operatorTest(operator: EngineOperator, numeric: EngineOperator | undefined): TestParts {
  type Parts = { cb?: unknown; factValueValidator?: unknown };
  const { cb, factValueValidator: validator } = operator as EngineOperator & Parts;
  const numberValidator = (numeric as (EngineOperator & Parts) | undefined)?.factValueValidator;
  if (typeof cb !== 'function' || typeof validator !== 'function' || validator !== numberValidator) return testOf(operator);
  const compare = cb as (a: unknown, b: unknown) => unknown;
  const check = validator as (a: unknown) => boolean;
  return {
    test: (factValue, compareTo) => (typeof factValue === 'number' ? !Number.isNaN(factValue) : check(factValue)) && compare(factValue, compareTo),
    compare,
    validate: check,
    numeric: true,
  };
}

function compileLeaf(ctx: CompileContext, json: Record<string, unknown>, where: string, leaves: Leaf[]): Leaf {
  for (const key of Object.keys(json)) {
    if (!LEAF_KEYS.has(key)) throw new RuleCompileError(ctx.ruleId, where, `unknown key '${key}' in a condition`);
  }
  for (const key of ['fact', 'operator', 'value']) {
    if (!(key in json)) throw new RuleCompileError(ctx.ruleId, where, `a condition needs '${key}'`);
  }
  const operatorName = json['operator'];
  if (typeof operatorName !== 'string') throw new RuleCompileError(ctx.ruleId, `${where}.operator`, 'operator must be a string');
  const found = ctx.operator(operatorName);
  if (!found) throw new RuleCompileError(ctx.ruleId, `${where}.operator`, `unknown operator '${operatorName}'`);
  const parts = operatorTest(found, ctx.operator('greaterThan'));
  const { test } = parts;
  const operator = { evaluate: (factValue: unknown, compareTo: unknown) => test(factValue, compareTo) };
  const factRef = compileReader(ctx, where, json['fact'], json['path'], json['params']);
  const readFact = factRef.read;

  const value = json['value'];
  // A value `{ fact, params?, path? }` is a fact reference, as json-rules-engine reads it.
  const valueIsFact = isObject(value) && Object.hasOwn(value, 'fact');
  let valueRef: CompiledRef | undefined;
  if (valueIsFact) {
    for (const key of Object.keys(value)) {
      if (!['fact', 'path', 'params'].includes(key)) throw new RuleCompileError(ctx.ruleId, `${where}.value`, `unknown key '${key}' in a fact reference`);
    }
    valueRef = compileReader(ctx, `${where}.value`, value['fact'], value['path'], value['params']);
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
      throw new RuleCompileError(ctx.ruleId, `${where}.value`, `operator '${operatorName}' cannot take the value ${JSON.stringify(value)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  // kleene.ts judgeLeaf: an absent fact leaves the leaf unknown; so does an undefined compared fact
  // when something behind it is absent; otherwise the operator decides.
  let truth: Node['truth'];
  let valueResult: Reader;
  if (valueRef) {
    const readCompared = valueRef.read;
    const comparedAbsent = valueRef.hasAbsent;
    valueResult = readCompared;
    truth = (facts) => {
      const factResult = readFact(facts);
      if (factResult === undefined) return undefined;
      const compared = readCompared(facts);
      if (compared === undefined && comparedAbsent(facts)) return undefined;
      return test(factResult, compared) === true;
    };
  } else {
    valueResult = () => value;
    const direct = factRef.direct;
    // The common leaves read their slot inline (`readFact` gives the same value).
    if (direct?.member === undefined && direct !== undefined) {
      const { slot } = direct;
      truth = (facts) => {
        const factResult = facts[slot];
        return factResult === undefined ? undefined : test(factResult, value) === true;
      };
    } else if (direct !== undefined) {
      const { slot, member } = direct as { slot: number; member: string };
      truth = (facts) => {
        const whole = facts[slot];
        // compileReader: a path reads into an object (an array has no member), a primitive is itself.
        const factResult = whole !== null && typeof whole === 'object' ? (Array.isArray(whole) ? undefined : (whole as Record<string, unknown>)[member]) : whole;
        return factResult === undefined ? undefined : test(factResult, value) === true;
      };
    } else {
      truth = (facts) => {
        const factResult = readFact(facts);
        return factResult === undefined ? undefined : test(factResult, value) === true;
      };
    }
  }
  const missing: Node['missing'] = valueRef
    ? (facts, out) => {
        if (readFact(facts) === undefined) factRef.absent(facts, out);
        if (valueRef.read(facts) === undefined) valueRef.absent(facts, out);
      }
    : (facts, out) => {
        if (readFact(facts) === undefined) factRef.absent(facts, out);
      };

  // The leaf as trace.ts `failedParts` gives it when false (its `leafFields`, values not copied).
  const tracedFact = (ref: Record<string, unknown>): TracedFact => {
    const traced: TracedFact = { fact: ref['fact'] as string };
    if (typeof ref['path'] === 'string' && ref['path'] !== '') traced.path = ref['path'];
    if (typeof ref['params'] === 'object' && ref['params'] !== null) traced.params = ref['params'] as Record<string, unknown>;
    return Object.freeze(traced);
  };
  const partFact = tracedFact(json);
  const partValueFact = valueRef ? tracedFact(value as Record<string, unknown>) : undefined;
  const failed: Node['failed'] = (facts, out) => {
    const part = { fact: partFact.fact } as LeafTrace;
    if (partFact.path !== undefined) part.path = partFact.path;
    if (partFact.params !== undefined) part.params = partFact.params;
    part.operator = operatorName;
    const compared = valueResult(facts);
    if (compared !== undefined) part.value = compared;
    if (partValueFact !== undefined) part.valueFact = partValueFact;
    const actual = readFact(facts);
    if (actual !== undefined) part.actual = actual;
    part.truth = false;
    out.push(part);
  };

  const described = {
    ...(typeof json['name'] === 'string' ? { name: json['name'] } : {}),
    fact: json['fact'] as string,
    ...(typeof json['path'] === 'string' ? { path: json['path'] } : {}),
    ...(json['params'] !== undefined ? { params: json['params'] as Record<string, unknown> } : {}),
    operator: operatorName,
    value,
  };
  const leaf: Leaf = {
    truth,
    plan: { op: 'leaf', fact: factRef, compared: valueRef ? { ref: valueRef } : { value }, test: parts },
    missing,
    trace: (facts) => {
      const factResult = readFact(facts);
      const compared = valueResult(facts);
      return { ...described, factResult, valueResult: compared, result: factResult !== undefined && operator.evaluate(factResult, compared) === true };
    },
    failed,
    fact: described.fact,
    path: described.path,
    operator: operatorName,
    factResult: readFact,
    valueResult,
    ref: factRef,
  };
  leaves.push(leaf);
  return leaf;
}

const NO_EVIDENCE: OperatorExplanation = Object.freeze({});

const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

type Explainer = (facts: Facts, truth: boolean) => OperatorExplanation;

/**
 * kleene.ts `explain` for the leaf that decided, compiled: its operator's or derived fact's own
 * explanation, else the binding bound among its peers, else the failing members of its object
 * fact. Peers and members are found among the leaves once, here.
 */
function compileLeafExplainer(leaf: Leaf, leaves: readonly Leaf[]): Explainer {
  const custom = OPERATOR_BY_NAME.get(leaf.operator)?.explain;
  if (custom) {
    const at: FactRef = Object.freeze(leaf.path ? { fact: leaf.fact, path: leaf.path } : { fact: leaf.fact });
    return (facts) => custom(leaf.factResult(facts), leaf.valueResult(facts), at);
  }
  const derived = leaf.ref.derived;
  if (derived?.fact.explain) {
    const { fact, params, inputs } = derived;
    const explainDerived = fact.explain!;
    return (facts) => explainDerived(params, inputs.map((read) => read(facts)));
  }
  // memberDetail: the failing members of one object fact (`utilityTariffs.water in […]`).
  const members = leaf.path ? leaves.filter((other) => other.fact === leaf.fact && other.path) : [];
  const memberTexts = members.map((m) => ({ name: m.path!.replace(/^\$\./, ''), path: refToPath({ fact: leaf.fact, path: m.path! }) }));
  const memberDetail: Explainer = (facts, truth) => {
    if (truth !== false || members.length === 0) return NO_EVIDENCE;
    let detail = '';
    const items: DetailItem[] = [];
    for (let i = 0; i < members.length; i += 1) {
      const member = members[i]!;
      if (member.truth(facts) !== false) continue;
      const value = String(member.factResult(facts));
      detail += `${items.length > 0 ? ', ' : ''}${memberTexts[i]!.name}=${value}`;
      items.push({ type: 'offendingValue', path: memberTexts[i]!.path, value });
    }
    return { detail, items };
  };
  const bound = BOUND_OPERATORS[leaf.operator];
  if (!bound) return memberDetail;
  const peers = leaves.filter((other) => other.fact === leaf.fact && other.path === leaf.path && BOUND_OPERATORS[other.operator] === bound);
  return (facts, truth) => {
    const actual = num(leaf.factResult(facts));
    const compared = num(leaf.valueResult(facts));
    if (actual === undefined || compared === undefined) return memberDetail(facts, truth);
    if (bound === 'exact') return { expected: compared, actual };
    // The binding bound: the largest of the known minimums, the smallest of the known maximums.
    let expected = bound === 'min' ? -Infinity : Infinity;
    for (const peer of peers) {
      if (peer.truth(facts) === undefined) continue;
      const v = num(peer.valueResult(facts));
      if (v !== undefined) expected = bound === 'min' ? Math.max(expected, v) : Math.min(expected, v);
    }
    return { expected, actual };
  };
}

/**
 * How a node's truth is written as source: a boolean node over its children, or a leaf comparing
 * a fact (a record fact's slot or one member of it inline, else its compiled reader: derived
 * facts, deeper paths) with a constant value or another fact.
 */
type Plan =
  | { op: 'all' | 'any'; children: readonly Node[] }
  | { op: 'not'; inner: Node }
  | { op: 'leaf'; fact: CompiledRef; compared: { value: unknown } | { ref: CompiledRef }; test: TestParts };

/**
 * The generated factories by their source. A condition's source holds its shape only (slots and
 * values are constants too), so conditions of one shape share one function: V8 optimizes it
 * after the calls of all of them rather than warming up each condition's own copy. (A city and
 * kind's `compileDecisions` source writes slots and numbers as literals: it is its own.)
 */
const factories = new Map<string, (constants: unknown[]) => unknown>();
const FACTORY_LIMIT = 1024;
/** The Function constructor that made `factories` (another one, as a test's refusing stand-in, starts afresh). */
let factoriesBy: unknown;
/**
 * A number for each operator function the source calls, written into the source beside the call:
 * conditions share a function only when they call the same operators, so each call site sees one
 * operator and V8 inlines it (a site shared by `equal`, `in`, `includesAll` … inlines none).
 */
const operatorIds = new WeakMap<object, number>();
let nextOperatorId = 0;
const operatorId = (operator: object): number => {
  let id = operatorIds.get(operator);
  if (id === undefined) {
    id = nextOperatorId;
    nextOperatorId += 1;
    operatorIds.set(operator, id);
  }
  return id;
};

/**
 * A condition's truth as one generated function (ajv-style), equal to the closures' `truth`: the
 * same Kleene short-circuit in the same order, each leaf's slot read and operator called inline
 * from call sites of its own, so V8 can inline the comparison instead of calling a closure per
 * node through call sites shared by every condition.
 *
 * Nothing from a rule is spliced into the source: slots, values, members, operators and closures
 * are passed in as constants (`c0`, `c1` …); the source holds only names made here and `true` /
 * `false`, so it is the condition's shape, shared by the conditions of that shape (`factories`). Where `new Function` is refused (a browser's CSP), the
 * closures serve: undefined is returned, and the refusing constructor is not asked again.
 */
function generateTruth(root: Node): Node['truth'] | undefined {
  const writer = sourceWriter();
  writer.emit(root, 'r');
  return writer.build<Node['truth']>('evaluate(f)', 'return r;');
}

/**
 * Writes conditions as the statements of one generated function over the slots `f`: `emit(node,
 * into)` appends statements leaving the node's truth in the variable `into`; `build` wraps them in
 * a function (its header and last statement given) and makes it, sharing the factory of the same
 * source, or gives undefined where `new Function` is refused (asking the refusing constructor once).
 */
function sourceWriter(literals = false): {
  emit(node: Node, into: string): void;
  local(prefix: string): string;
  lines: string[];
  build<F>(header: string, last: string): F | undefined;
} {
  const constants: unknown[] = [];
  const passed = (value: unknown): string => `c${constants.push(value) - 1}`;
  // With `literals`, a slot and a value that has a JavaScript literal of exactly itself
  // (`sourceLiteral`: numbers, booleans, null) are written as one: V8 then loads the slot by a
  // constant index and compares with a constant. Strings (members, values) stay passed.
  const constant = (value: unknown): string => (literals ? sourceLiteral(value) : undefined) ?? passed(value);
  const locals: string[] = [];
  const local = (prefix: string): string => {
    const name = `${prefix}${locals.length}`;
    locals.push(name);
    return name;
  };
  const lines: string[] = [];
  // Appends statements that leave a fact's value in `into`: a record fact's slot, or one member
  // of it as the closure reads it (a path reads into an object, an array has no member, a
  // primitive is itself), or the value of its compiled reader.
  const read = (ref: CompiledRef, into: string): void => {
    const direct = ref.direct;
    if (direct === undefined) {
      lines.push(`${into} = ${passed(ref.read)}(f);`);
    } else if (direct.member === undefined) {
      lines.push(`${into} = f[${constant(direct.slot)}];`);
    } else {
      lines.push(`w = f[${constant(direct.slot)}];`, `${into} = w !== null && typeof w === 'object' ? (Array.isArray(w) ? undefined : w[${passed(direct.member)}]) : w;`);
    }
  };
  // Appends statements that leave the node's truth (true, false or undefined) in `into`.
  const emit = (node: Node, into: string): void => {
    const plan = node.plan;
    if (plan.op === 'not') {
      const inner = local('t');
      emit(plan.inner, inner);
      lines.push(`${into} = ${inner} === undefined ? undefined : !${inner};`);
    } else if (plan.op === 'leaf') {
      // kleene.ts judgeLeaf, as compileLeaf's closures: an absent fact leaves the leaf unknown; so
      // does an undefined compared fact when something behind it is absent; else the operator decides.
      read(plan.fact, 'v');
      const { compare, validate, numeric } = plan.test;
      const test = (compared: string): string => {
        // The operator's number (an integer made here) keeps conditions calling others apart.
        const inline = literals ? inlineComparison(compare) : undefined;
        const call = inline === undefined ? `${passed(compare)}(v, ${compared}) /* ${operatorId(compare)} */` : `(v ${inline} ${compared})`;
        // A number passes the numeric operators' validator unless NaN (`v === v`), as operatorTest says.
        const valid = validate === undefined ? undefined : numeric ? `(typeof v === 'number' ? v === v : ${passed(validate)}(v))` : `${passed(validate)}(v)`;
        return `${valid === undefined ? call : `(${valid} && ${call})`} === true`;
      };
      const { compared } = plan;
      if ('value' in compared) {
        lines.push(`${into} = v === undefined ? undefined : ${test(constant(compared.value))};`);
      } else {
        lines.push(`if (v === undefined) ${into} = undefined;`, 'else {');
        read(compared.ref, 'x');
        // An undefined record fact is itself absent; a derived fact's inputs say whether one is.
        const absent = compared.ref.derived === undefined ? '' : ` && ${passed(compared.ref.hasAbsent)}(f)`;
        lines.push(`${into} = x === undefined${absent} ? undefined : ${test('x')};`, '}');
      }
    } else {
      const dominant = plan.op === 'any';
      const count = plan.children.length;
      if (count === 0) {
        lines.push(`${into} = ${!dominant};`);
      } else if (count === 1) {
        emit(plan.children[0]!, into);
      } else {
        // Kleene: the first dominant operand decides; else any unknown operand leaves it unknown.
        const block = local('b');
        const unknown = local('u');
        const part = local('t');
        lines.push(`${block}: {`, `${unknown} = false;`);
        for (const child of plan.children) {
          emit(child, part);
          lines.push(`if (${part} === ${dominant}) { ${into} = ${dominant}; break ${block}; }`, `if (${part} === undefined) ${unknown} = true;`);
        }
        lines.push(`${into} = ${unknown} ? undefined : ${!dominant};`, '}');
      }
    }
  };
  const build = <F>(header: string, last: string): F | undefined => {
    const Generate = Function;
    if (Generate !== factoriesBy) {
      factories.clear();
      factoriesBy = Generate;
    }
    const bindings = constants.map((_, i) => `c${i} = k[${i}]`);
    const source = [
      '"use strict";',
      ...(bindings.length > 0 ? [`var ${bindings.join(', ')};`] : []),
      `return function ${header} {`,
      `var r, v, w, x${locals.map((name) => `, ${name}`).join('')};`,
      ...lines,
      last,
      '};',
    ].join('\n');
    let factory = factories.get(source);
    if (factory === undefined) {
      // Undefined where `new Function` is refused (CSP): the closures decide.
      factory = newFunction(['k'], source) as ((constants: unknown[]) => unknown) | undefined;
      if (factory === undefined) return undefined;
      if (factories.size >= FACTORY_LIMIT) factories.clear();
      factories.set(source, factory);
    }
    return factory(constants) as F;
  };
  return { emit, local, lines, build };
}

/**
 * A JavaScript literal that evaluates to exactly `value`, for `sourceWriter`'s literals: a finite
 * number (`String` round-trips it; `-0` is passed, its literal would read as 0), a boolean or null.
 * Undefined for anything else, which stays a passed constant: strings (no text of a rule enters
 * the source, however it is spelled), arrays, objects, NaN and ±Infinity.
 */
function sourceLiteral(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? `(${String(value)})` : undefined;
  if (typeof value === 'boolean' || value === null) return String(value);
  return undefined;
}

/** A comparison operator's function as its source states it: `function (a, b) { return a === b; }`. */
const COMPARISON_SOURCE = /^(?:function\s*\w*\s*)?\(\s*(\w+)\s*,\s*(\w+)\s*\)\s*(?:=>)?\s*\{\s*return\s+\1\s*(===|!==|<=|>=|<|>)\s*\2\s*;?\s*\}$/;
const inlineComparisons = new WeakMap<object, string | null>();
const sourceOf = Function.prototype.toString;

/**
 * The operator (`===`, `<` …) of a comparison function whose whole source is `return a OP b`
 * (json-rules-engine's `equal`, `lessThan` …), read from its own source so the inlined comparison
 * is the one the function makes; undefined for any other function, which is called.
 */
function inlineComparison(compare: Test): string | undefined {
  let known = inlineComparisons.get(compare);
  if (known === undefined) {
    known = COMPARISON_SOURCE.exec(sourceOf.call(compare))?.[3] ?? null;
    inlineComparisons.set(compare, known);
  }
  return known ?? undefined;
}

/**
 * What a check's two conditions decide, as one number (`compileDecisions` writes one per check):
 * its status, and for an unknown one which conditions are undecided (what the finding lists as
 * missing). The unknown ones come last: a decision below `unknownApplies` is decided.
 */
export const DECISION = Object.freeze({
  /** "Applies when" is false (passes when is not evaluated). */
  notApplicable: 0,
  pass: 1,
  fail: 2,
  /** "Applies when" is unknown, "passes when" decided. */
  unknownApplies: 3,
  /** Both unknown. */
  unknownBoth: 4,
  /** "Applies when" holds, "passes when" is unknown. */
  unknownPasses: 5,
});

/** The decision from the two truths (`passes` not read when `applies` is false). */
export function decisionOf(applies: Truth, passes: Truth): number {
  if (applies === false) return DECISION.notApplicable;
  if (applies === undefined) return passes === undefined ? DECISION.unknownBoth : DECISION.unknownApplies;
  return passes === undefined ? DECISION.unknownPasses : passes ? DECISION.pass : DECISION.fail;
}

/** A check's conditions, for `compileDecisions`. */
export interface CheckConditions {
  applies: CompiledCondition;
  passes: CompiledCondition;
}

/**
 * Decides several checks on one record's slots: `decide(facts, out)` writes each check's
 * `DECISION` (`decisionOf` its applies / passes truths) into `out[i]`, in the order given.
 */
export type DecideChecks = (facts: Facts, out: Uint8Array | number[]) => void;

/**
 * The checks of a city and kind decided by one generated function, straight-line: each check's
 * "applies when" and then, unless false, its "passes when", written as `compileCondition`'s
 * generated source writes them, one after another, so a record costs one call rather than two
 * calls per check through call sites shared by every condition. Slots, numbers, booleans and null
 * are written as literals here, and json-rules-engine's comparisons (`equal`, `lessThan` …) as their
 * operator (`inlineComparison`): that function is the city and kind's own, shared with nothing.
 * Strings are still passed in. Where `new Function` is refused (or `generate` is false, or a
 * condition was not compiled here) the conditions' own `evaluate` decide in a loop, with the same
 * results.
 */
export function compileDecisions(checks: readonly CheckConditions[], generate = true): DecideChecks {
  const roots = checks.map(({ applies, passes }) => [rootOf.get(applies), rootOf.get(passes)] as const);
  if (generate && roots.every(([a, p]) => a !== undefined && p !== undefined)) {
    const writer = sourceWriter(true);
    const { lines } = writer;
    roots.forEach(([applies, passes], i) => {
      const a = writer.local('a');
      writer.emit(applies!, a);
      lines.push(`if (${a} === false) o[${i}] = ${DECISION.notApplicable};`, 'else {');
      writer.emit(passes!, 'r');
      lines.push(
        `o[${i}] = ${a} === undefined ? (r === undefined ? ${DECISION.unknownBoth} : ${DECISION.unknownApplies}) : r === undefined ? ${DECISION.unknownPasses} : r ? ${DECISION.pass} : ${DECISION.fail};`,
        '}',
      );
    });
    const generated = writer.build<DecideChecks>('decide(f, o)', '');
    if (generated !== undefined) return generated;
  }
  const count = checks.length;
  return (facts, out) => {
    for (let i = 0; i < count; i += 1) {
      const { applies, passes } = checks[i]!;
      const a = applies.evaluate(facts);
      out[i] = a === false ? DECISION.notApplicable : decisionOf(a, passes.evaluate(facts));
    }
  };
}

/** The compiled tree of each condition `compileCondition` made, for `compileDecisions`. */
const rootOf = new WeakMap<CompiledCondition, Node>();

/**
 * Compiles one condition (a rule's `appliesWhen`, `passesWhen`, or a non-binding exception).
 *
 * @example
 * const c = compileCondition({ fact: 'households', operator: 'greaterThan', value: 3000 }, ctx, 'conditions.all[0]');
 * c.evaluate({ households: 3200 }) //=> true
 * c.evaluate({}) //=> undefined (households is missing)
 */
export function compileCondition(json: unknown, ctx: CompileContext, where: string): CompiledCondition {
  const leaves: Leaf[] = [];
  const root = compileNode(ctx, json, where, leaves);
  const explainers = leaves.map((leaf) => compileLeafExplainer(leaf, leaves));
  const count = leaves.length;
  const generated = ctx.generate === false ? undefined : generateTruth(root);
  const compiled: CompiledCondition = {
    evaluate: generated ?? root.truth,
    generated: generated !== undefined,
    missing: root.missing,
    // The deciding leaf is the first, in rule order, whose own truth is the judgement's.
    explain: (facts, truth) => {
      for (let i = 0; i < count; i += 1) if (leaves[i]!.truth(facts) === truth) return explainers[i]!(facts, truth);
      return NO_EVIDENCE;
    },
    trace: root.trace,
    failedParts: (facts) => {
      const out: ConditionTrace[] = [];
      root.failed(facts, out);
      return out;
    },
  };
  // compileDecisions writes its truth into a function of several conditions (not when closures are asked for).
  if (ctx.generate !== false) rootOf.set(compiled, root);
  return compiled;
}
