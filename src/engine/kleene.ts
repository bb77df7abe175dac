/**
 * Three-valued (Kleene) judgement on top of json-rules-engine's two-valued evaluation.
 *
 * Method: json-rules-engine evaluates every leaf condition of a rule (all leaves share one
 * priority, so none is short-circuited) and records on the rule result, per leaf, the fact value
 * (`factResult`), the compared value (`valueResult`) and its boolean `result`. We walk that tree:
 * a leaf whose fact (or compared fact) is absent is `unknown` — no operator decides absence, the
 * presence tests (`exists`, `nonEmpty`, `lengthAtLeast`) included (contract-v2 §1) — otherwise it
 * keeps the engine's result. `all`/`any`/`not` then combine with Kleene's strong tables: `any` is true as soon as one
 * operand is true, `all` false as soon as one is false, and only what the known leaves cannot
 * decide is unknown. The engine's own boolean for `all`/`any` is ignored because it reads
 * "absent" as false.
 */
import { DERIVED_FACT_BY_NAME, type FactRef } from './derivedFacts.js';
import type { DetailItem } from './evidence.js';
import { refToPath, resolveRef } from './factPath.js';
import { BOUND_OPERATORS, OPERATOR_BY_NAME, type OperatorExplanation } from './operators.js';

/** true, false, or undefined for "unknown". */
export type Truth = boolean | undefined;

/** The evaluated condition tree as json-rules-engine leaves it on a rule result. */
export interface EvaluatedCondition {
  name?: string;
  all?: EvaluatedCondition[];
  any?: EvaluatedCondition[];
  not?: EvaluatedCondition;
  fact?: string;
  path?: string;
  params?: Record<string, unknown>;
  operator?: string;
  value?: unknown;
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
}

export interface LeafOutcome {
  condition: EvaluatedCondition;
  truth: Truth;
}

export interface Judgement {
  truth: Truth;
  /** Absent facts that left the judgement unknown (empty when decided). */
  missing: FactRef[];
  /** Decided and undecided leaves, in rule order. */
  leaves: LeafOutcome[];
}

const isFactValueRef = (value: unknown): value is { fact: string; path?: string; params?: Record<string, unknown> } =>
  typeof value === 'object' && value !== null && typeof (value as { fact?: unknown }).fact === 'string';

/** Record facts behind a fact reference that are absent: itself, or a derived fact's inputs. */
function absentInputs(
  ref: { fact: string; path?: string; params?: Record<string, unknown> },
  facts: Record<string, unknown>,
): FactRef[] {
  const derived = DERIVED_FACT_BY_NAME.get(ref.fact);
  if (!derived) return [ref.path ? { fact: ref.fact, path: ref.path } : { fact: ref.fact }];
  const params = ref.params ?? {};
  const inputs = derived.inputs(params);
  const values = inputs.map((input) => resolveRef(facts, input));
  if (derived.missing) return derived.missing(params, values);
  return inputs.filter((_, i) => values[i] === undefined);
}

function judgeLeaf(condition: EvaluatedCondition, facts: Record<string, unknown>): Judgement {
  const outcome = (truth: Truth, missing: FactRef[] = []): Judgement => ({
    truth,
    missing,
    leaves: [{ condition, truth }],
  });
  const missing: FactRef[] = [];
  if (condition.factResult === undefined && condition.fact !== undefined) {
    missing.push(
      ...absentInputs(
        { fact: condition.fact, ...(condition.path ? { path: condition.path } : {}), ...(condition.params ? { params: condition.params } : {}) },
        facts,
      ),
    );
  }
  if (isFactValueRef(condition.value) && condition.valueResult === undefined) {
    missing.push(...absentInputs(condition.value, facts));
  }
  if (missing.length > 0 || condition.factResult === undefined) return outcome(undefined, missing);
  return outcome(condition.result === true);
}

function combine(kind: 'all' | 'any', parts: Judgement[]): Judgement {
  const dominant = kind === 'all' ? false : true;
  const leaves = parts.flatMap((p) => p.leaves);
  if (parts.some((p) => p.truth === dominant)) return { truth: dominant, missing: [], leaves };
  const unknown = parts.filter((p) => p.truth === undefined);
  if (unknown.length > 0) return { truth: undefined, missing: unknown.flatMap((p) => p.missing), leaves };
  return { truth: !dominant, missing: [], leaves };
}

/** Kleene truth of an evaluated condition tree. */
export function judge(condition: EvaluatedCondition, facts: Record<string, unknown>): Judgement {
  if (condition.all) return combine('all', condition.all.map((c) => judge(c, facts)));
  if (condition.any) return combine('any', condition.any.map((c) => judge(c, facts)));
  if (condition.not) {
    const inner = judge(condition.not, facts);
    return { ...inner, truth: inner.truth === undefined ? undefined : !inner.truth };
  }
  return judgeLeaf(condition, facts);
}

const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

const sameFact = (a: EvaluatedCondition, b: EvaluatedCondition) => a.fact === b.fact && a.path === b.path;

/**
 * For a failure decided by members of one object fact (`utilityTariffs.water in […]`): the failing
 * members and their values, `water=commercial, gas=other`.
 */
function memberDetail(judgement: Judgement, deciding: EvaluatedCondition): OperatorExplanation {
  if (judgement.truth !== false || !deciding.path) return {};
  const members = judgement.leaves.filter(
    (leaf) => leaf.truth === false && leaf.condition.fact === deciding.fact && leaf.condition.path,
  );
  return {
    detail: members
      .map((leaf) => `${String(leaf.condition.path).replace(/^\$\./, '')}=${String(leaf.condition.factResult)}`)
      .join(', '),
    items: members.map(
      (leaf): DetailItem => ({
        type: 'offendingValue',
        path: refToPath({ fact: deciding.fact!, path: String(leaf.condition.path) }),
        value: String(leaf.condition.factResult),
      }),
    ),
  };
}

/**
 * The evidence for a decided judgement: the leaf that decided it, its expected and actual
 * quantities, and a detail line. For bounds on one fact, the binding bound is reported (the
 * larger of two minimums: max(600, 40 per 100 households) → 620).
 */
export function explain(judgement: Judgement, facts: Record<string, unknown>): OperatorExplanation {
  if (judgement.truth === undefined) return {};
  const deciding = judgement.leaves.find((leaf) => leaf.truth === judgement.truth);
  if (!deciding) return {};
  const c = deciding.condition;
  const custom = OPERATOR_BY_NAME.get(c.operator ?? '')?.explain;
  if (custom) return custom(c.factResult, c.valueResult, c.fact !== undefined ? { fact: c.fact, ...(c.path ? { path: c.path } : {}) } : undefined);
  const derived = c.fact ? DERIVED_FACT_BY_NAME.get(c.fact) : undefined;
  if (derived?.explain) {
    const params = c.params ?? {};
    return derived.explain(params, derived.inputs(params).map((input) => resolveRef(facts, input)));
  }
  const bound = BOUND_OPERATORS[c.operator ?? ''];
  const actual = num(c.factResult);
  const compared = num(c.valueResult);
  if (!bound || actual === undefined || compared === undefined) return memberDetail(judgement, c);
  const peers = judgement.leaves
    .filter((leaf) => leaf.truth !== undefined && sameFact(leaf.condition, c))
    .filter((leaf) => BOUND_OPERATORS[leaf.condition.operator ?? ''] === bound)
    .map((leaf) => num(leaf.condition.valueResult))
    .filter((v): v is number => v !== undefined);
  const expected = bound === 'min' ? peers.reduce((a, b) => Math.max(a, b), -Infinity) : bound === 'max' ? peers.reduce((a, b) => Math.min(a, b), Infinity) : compared;
  return { expected, actual };
}
