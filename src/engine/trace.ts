/**
 * The trace of a condition (`explain: true`): the evaluated tree — json-rules-engine's rule result,
 * or the tree the compiled closures fill in — turned into a fresh public object with each node's
 * Kleene truth. The truths come from `judge` (kleene.ts), the one place three-valued logic is
 * defined, so a trace cannot disagree with the finding it explains.
 */
import type { ConditionTrace, LeafTrace, TracedFact, TraceTruth } from '../types.js';
import { refToPath } from './factPath.js';
import { judge, type EvaluatedCondition, type Truth } from './kleene.js';

const publicTruth = (truth: Truth): TraceTruth => (truth === undefined ? 'unknown' : truth);

const isFactRef = (value: unknown): value is { fact: string; path?: unknown; params?: unknown } =>
  typeof value === 'object' && value !== null && typeof (value as { fact?: unknown }).fact === 'string';

/** A copy the caller may edit: rule values are shared by every record, record values by every finding. */
const copy = <T>(value: T): T => (typeof value === 'object' && value !== null ? structuredClone(value) : value);

// Built key by key (conditional spreads are slow in V8), always in this order: fact, path, params.
function tracedFact(ref: { fact: string; path?: unknown; params?: unknown }): TracedFact {
  const traced: TracedFact = { fact: ref.fact };
  if (typeof ref.path === 'string' && ref.path !== '') traced.path = ref.path;
  if (typeof ref.params === 'object' && ref.params !== null) traced.params = copy(ref.params as Record<string, unknown>);
  return traced;
}

type Traced = { trace: ConditionTrace; truth: Truth };
type LeafTracer = (condition: EvaluatedCondition) => { trace: LeafTrace; truth: Truth };

/** A leaf's trace; `copyOf` copies the values handed out, `missing` is given for an unknown leaf. */
function leafFields(condition: EvaluatedCondition, truth: Truth, copyOf: <T>(value: T) => T, missing: readonly string[] = []): LeafTrace {
  const valueFact = isFactRef(condition.value) ? tracedFact(condition.value) : undefined;
  const value = valueFact ? condition.valueResult : condition.value;
  const leaf = tracedFact({ fact: condition.fact ?? '', path: condition.path, params: condition.params }) as LeafTrace;
  leaf.operator = condition.operator ?? '';
  if (value !== undefined) leaf.value = copyOf(value);
  if (valueFact) leaf.valueFact = valueFact;
  if (condition.factResult !== undefined) leaf.actual = copyOf(condition.factResult);
  leaf.truth = publicTruth(truth);
  if (truth === undefined && missing.length > 0) leaf.missing = [...missing];
  return leaf;
}

/** The public leaf: its truth and absent paths from `judge`, its values copied. */
const publicLeaf =
  (facts: Record<string, unknown>): LeafTracer =>
  (condition) => {
    const judgement = judge(condition, facts);
    const missing = [...new Set(judgement.missing.map(refToPath))];
    return { trace: leafFields(condition, judgement.truth, copy, missing), truth: judgement.truth };
  };

/** Kleene's strong tables, as `judge` combines: one dominant operand decides, else unknown wins. */
function combine(kind: 'all' | 'any', truths: readonly Truth[]): Truth {
  const dominant = kind === 'all' ? false : true;
  if (truths.includes(dominant)) return dominant;
  return truths.includes(undefined) ? undefined : !dominant;
}

function traceNode(condition: EvaluatedCondition, leaf: LeafTracer): Traced {
  for (const kind of ['all', 'any'] as const) {
    const operands = condition[kind];
    if (operands) {
      const parts = operands.map((c) => traceNode(c, leaf));
      const truth = combine(
        kind,
        parts.map((p) => p.truth),
      );
      const trace = kind === 'all' ? { all: parts.map((p) => p.trace), truth: publicTruth(truth) } : { any: parts.map((p) => p.trace), truth: publicTruth(truth) };
      return { trace, truth };
    }
  }
  if (condition.not) {
    const inner = traceNode(condition.not, leaf);
    const truth = inner.truth === undefined ? undefined : !inner.truth;
    return { trace: { not: inner.trace, truth: publicTruth(truth) }, truth };
  }
  return leaf(condition);
}

/**
 * The trace of an evaluated condition tree.
 *
 * @example
 * traceCondition({ all: [{ fact: 'gridHeads', operator: 'greaterThanInclusive', value: 1, factResult: 1, valueResult: 1, result: true },
 *                        { fact: 'gridWorkers', operator: 'greaterThanInclusive', value: 1, factResult: 0, valueResult: 1, result: false }] }, facts)
 * //=> { all: [{ fact: 'gridHeads', operator: 'greaterThanInclusive', value: 1, actual: 1, truth: true },
 * //           { fact: 'gridWorkers', operator: 'greaterThanInclusive', value: 1, actual: 0, truth: false }], truth: false }
 */
export function traceCondition(condition: EvaluatedCondition, facts: Record<string, unknown>): ConditionTrace {
  return traceNode(condition, publicLeaf(facts)).trace;
}

type ConditionJsonNode = { all?: unknown; any?: unknown; not?: unknown; fact?: unknown; path?: unknown; params?: unknown };

/** The facts a condition reads, one key per fact, path and params. */
function subjects(json: unknown, out: Set<string>): Set<string> {
  const node = (json ?? {}) as ConditionJsonNode;
  if (Array.isArray(node.all)) for (const c of node.all) subjects(c, out);
  else if (Array.isArray(node.any)) for (const c of node.any) subjects(c, out);
  else if (node.not !== undefined) subjects(node.not, out);
  else out.add(JSON.stringify([node.fact, node.path ?? '', node.params ?? null]));
  return out;
}

const hasAllOfSeveral = (json: unknown): boolean => {
  const node = (json ?? {}) as ConditionJsonNode;
  if (Array.isArray(node.all)) return node.all.length > 1 || node.all.some(hasAllOfSeveral);
  if (Array.isArray(node.any)) return node.any.some(hasAllOfSeveral);
  return node.not !== undefined && hasAllOfSeveral(node.not);
};

/**
 * Whether a condition (a rule's `passesWhen` JSON) reads more than one fact (fact, path and params):
 * then one comparison's `expected`/`actual` may not be the check's (see `readOneQuantity`).
 */
export function readsSeveralFacts(json: unknown): boolean {
  return subjects(json, new Set()).size > 1;
}

/**
 * Whether a failure of this condition (a rule's `passesWhen` JSON) leaves open which of its parts
 * failed, so that the finding should name them: it has an `all` of two or more operands over two
 * or more facts. A failed `any` failed in every part, and two bounds on one fact are told by
 * `expected`/`actual`.
 */
export function hasSeveralParts(json: unknown): boolean {
  return hasAllOfSeveral(json) && subjects(json, new Set()).size > 1;
}

function failedOf(trace: ConditionTrace): ConditionTrace[] {
  if ('all' in trace) return trace.all.filter((operand) => operand.truth === false).flatMap(failedOf);
  if ('any' in trace) return trace.any.flatMap(failedOf);
  return [trace];
}

/** A true condition's parts that made it true: a true `all`'s every operand, a true `any`'s true ones. */
function passedOf(trace: ConditionTrace): ConditionTrace[] {
  if ('all' in trace) return trace.all.flatMap(passedOf);
  if ('any' in trace) return trace.any.filter((operand) => operand.truth === true).flatMap(passedOf);
  return [trace];
}

const same = <T>(value: T): T => value;

/** The trace of an evaluated tree with the truths `judge` gives, values not copied (for wording). */
function judgedTrace(condition: EvaluatedCondition, facts: Record<string, unknown>): ConditionTrace {
  const truthOf = new Map<EvaluatedCondition, Truth>();
  for (const { condition: leaf, truth } of judge(condition, facts).leaves) truthOf.set(leaf, truth);
  return traceNode(condition, (leaf) => {
    const truth = truthOf.get(leaf);
    return { trace: leafFields(leaf, truth, same), truth };
  }).trace;
}

/**
 * The parts that made a false condition false, as traces: a false `all`'s false operands and a
 * false `any`'s every operand, down to the comparisons (a `not` is one part). For wording the
 * message only: values are not copied and unknown leaves carry no `missing`.
 *
 * @example
 * failedParts(gridStaffingTree, { gridHeads: 1, gridWorkers: 0 })
 * //=> [{ fact: 'gridWorkers', operator: 'greaterThanInclusive', value: 1, actual: 0, truth: false }]
 */
export function failedParts(condition: EvaluatedCondition, facts: Record<string, unknown>): ConditionTrace[] {
  const trace = judgedTrace(condition, facts);
  return trace.truth === false ? failedOf(trace) : [];
}

/**
 * The parts that made a true condition true, as `failedParts` gives them for a false one: a true
 * `all`'s every operand, a true `any`'s true operands, down to the comparisons.
 *
 * @example
 * passedParts(gridStaffingTree, { gridHeads: 1, gridWorkers: 2 })
 * //=> [{ fact: 'gridHeads', …, actual: 1, truth: true }, { fact: 'gridWorkers', …, actual: 2, truth: true }]
 */
export function passedParts(condition: EvaluatedCondition, facts: Record<string, unknown>): ConditionTrace[] {
  const trace = judgedTrace(condition, facts);
  return trace.truth === true ? passedOf(trace) : [];
}

function traceSubjects(trace: ConditionTrace, out: Set<string>): Set<string> {
  if ('all' in trace) for (const operand of trace.all) traceSubjects(operand, out);
  else if ('any' in trace) for (const operand of trace.any) traceSubjects(operand, out);
  else if ('not' in trace) traceSubjects(trace.not, out);
  else out.add(JSON.stringify([trace.fact, trace.path ?? '', trace.params ?? null]));
  return out;
}

/**
 * Whether the parts that decided a judgement (`passedParts` / `failedParts`) read one quantity:
 * then one `expected`/`actual` pair is the whole story (two bounds on one fact: the binding one).
 * Parts over several facts decide together (a pass of an `all`) or each alone (several failed
 * parts), and one pair would tell one part's numbers as if they were the check's.
 */
export function readOneQuantity(parts: readonly ConditionTrace[]): boolean {
  const subjects = new Set<string>();
  for (const part of parts) traceSubjects(part, subjects);
  return subjects.size <= 1;
}
