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

function tracedFact(ref: { fact: string; path?: unknown; params?: unknown }): TracedFact {
  return {
    fact: ref.fact,
    ...(typeof ref.path === 'string' && ref.path !== '' ? { path: ref.path } : {}),
    ...(typeof ref.params === 'object' && ref.params !== null ? { params: copy(ref.params as Record<string, unknown>) } : {}),
  };
}

function leafTrace(condition: EvaluatedCondition, facts: Record<string, unknown>): { trace: LeafTrace; truth: Truth } {
  const judgement = judge(condition, facts);
  const valueFact = isFactRef(condition.value) ? tracedFact(condition.value) : undefined;
  const value = valueFact ? condition.valueResult : condition.value;
  const missing = [...new Set(judgement.missing.map(refToPath))];
  const trace: LeafTrace = {
    ...tracedFact({ fact: condition.fact ?? '', path: condition.path, params: condition.params }),
    operator: condition.operator ?? '',
    ...(value !== undefined ? { value: copy(value) } : {}),
    ...(valueFact ? { valueFact } : {}),
    ...(condition.factResult !== undefined ? { actual: copy(condition.factResult) } : {}),
    truth: publicTruth(judgement.truth),
    ...(judgement.truth === undefined && missing.length > 0 ? { missing } : {}),
  };
  return { trace, truth: judgement.truth };
}

/** Kleene's strong tables, as `judge` combines: one dominant operand decides, else unknown wins. */
function combine(kind: 'all' | 'any', truths: readonly Truth[]): Truth {
  const dominant = kind === 'all' ? false : true;
  if (truths.includes(dominant)) return dominant;
  return truths.includes(undefined) ? undefined : !dominant;
}

function traceNode(condition: EvaluatedCondition, facts: Record<string, unknown>): { trace: ConditionTrace; truth: Truth } {
  for (const kind of ['all', 'any'] as const) {
    const operands = condition[kind];
    if (operands) {
      const parts = operands.map((c) => traceNode(c, facts));
      const truth = combine(
        kind,
        parts.map((p) => p.truth),
      );
      const trace = kind === 'all' ? { all: parts.map((p) => p.trace), truth: publicTruth(truth) } : { any: parts.map((p) => p.trace), truth: publicTruth(truth) };
      return { trace, truth };
    }
  }
  if (condition.not) {
    const inner = traceNode(condition.not, facts);
    const truth = inner.truth === undefined ? undefined : !inner.truth;
    return { trace: { not: inner.trace, truth: publicTruth(truth) }, truth };
  }
  return leafTrace(condition, facts);
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
  return traceNode(condition, facts).trace;
}
