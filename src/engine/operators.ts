/**
 * Generic operators the rule files use beyond json-rules-engine's built-ins. None of them knows a
 * law: every threshold, list and stage name arrives as the condition's `value` from `rules/`.
 *
 * No operator decides an absent fact (contract-v2 §1): the three-valued judgement (`kleene.ts`)
 * makes a leaf whose fact is absent `unknown` before any operator is asked. The presence tests
 * (`exists`, `nonEmpty`, `lengthAtLeast`) therefore speak only of known values: `null`, `[]`, a
 * short list.
 */
import type { FactRef } from './derivedFacts.js';
import type { DetailItem } from './evidence.js';

export interface OperatorExplanation {
  expected?: number;
  actual?: number;
  /** Facts behind a failure, as a terse line (e.g. the missing components' identifiers). */
  detail?: string;
  /** The same facts as data, which src/locales words in Chinese and English for the message. */
  items?: DetailItem[];
}

export interface OperatorDefinition {
  name: string;
  /** json-rules-engine evaluator: (fact value, condition value) → boolean. */
  evaluate: (factValue: unknown, compareTo: unknown) => boolean;
  /** Evidence for the finding: expected / actual quantities and a detail line. `at` is the fact compared. */
  explain?: (factValue: unknown, compareTo: unknown, at?: FactRef) => OperatorExplanation;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** `{ target, tolerance }`: |fact − target| ≤ target × tolerance (both ends included). */
interface WithinToleranceValue {
  target: number;
  tolerance: number;
}

function asWithinTolerance(value: unknown): WithinToleranceValue {
  if (isRecord(value) && isNumber(value['target']) && isNumber(value['tolerance'])) {
    return { target: value['target'], tolerance: value['tolerance'] };
  }
  throw new TypeError('withinTolerance expects { target: number, tolerance: number }');
}

/** Relative slack for float noise in target × (1 ± tolerance); far below any count of households. */
const FLOAT_SLACK = 1e-9;

function toleranceBounds({ target, tolerance }: WithinToleranceValue): { min: number; max: number } {
  const spread = Math.abs(target) * tolerance;
  const slack = Math.abs(target) * FLOAT_SLACK;
  return { min: target - spread - slack, max: target + spread + slack };
}

/** `{ orderBy, field }`: sorted by `orderBy`, no element's `field` below the previous one's. */
interface OrderedValue {
  orderBy: string;
  field: string;
}

function asOrdered(value: unknown, operator: string): OrderedValue {
  if (isRecord(value) && typeof value['orderBy'] === 'string' && typeof value['field'] === 'string') {
    return { orderBy: value['orderBy'], field: value['field'] };
  }
  throw new TypeError(`${operator} expects { orderBy: string, field: string }`);
}

interface Drop {
  previousKey: unknown;
  previous: number;
  key: unknown;
  current: number;
}

/**
 * The first element (in `orderBy` order) whose `field` is below the previous one's, or, when
 * `strict`, not above it.
 */
function firstDrop(list: unknown, order: OrderedValue, strict: boolean): Drop | undefined {
  if (!Array.isArray(list)) return undefined;
  // The rows that count (records with both numbers, holes skipped as `filter` skips them) are
  // usually listed in `orderBy` order already: then the stable sort below would keep them as they
  // are, and the first drop is found in one pass without building a list.
  const { orderBy, field } = order;
  let before: Record<string, unknown> | undefined;
  let drop: Drop | undefined;
  for (let i = 0; i < list.length; i += 1) {
    if (!(i in list)) continue;
    const row: unknown = list[i];
    if (!isRecord(row)) continue;
    const key = row[orderBy];
    const current = row[field];
    if (!isNumber(key) || !isNumber(current)) continue;
    if (before !== undefined) {
      if ((before[orderBy] as number) > key) return firstDropSorted(list, order, strict);
      const previous = before[field] as number;
      if (drop === undefined && (strict ? current <= previous : current < previous)) drop = { previousKey: before[orderBy], previous, key, current };
    }
    before = row;
  }
  return drop;
}

/** `firstDrop` for rows not listed in `orderBy` order: sorted first (stably: ties keep their order). */
function firstDropSorted(list: unknown[], order: OrderedValue, strict: boolean): Drop | undefined {
  const rows = list
    .filter(isRecord)
    .filter((row) => isNumber(row[order.orderBy]) && isNumber(row[order.field]))
    .sort((a, b) => (a[order.orderBy] as number) - (b[order.orderBy] as number));
  for (let i = 1; i < rows.length; i += 1) {
    const before = rows[i - 1]!;
    const row = rows[i]!;
    const current = row[order.field] as number;
    const previous = before[order.field] as number;
    if (strict ? current <= previous : current < previous) {
      return {
        previousKey: before[order.orderBy],
        previous: before[order.field] as number,
        key: row[order.orderBy],
        current: row[order.field] as number,
      };
    }
  }
  return undefined;
}

function missingFrom(list: unknown, required: unknown): string[] {
  const have = new Set(Array.isArray(list) ? list : []);
  return (Array.isArray(required) ? required : []).filter((item) => !have.has(item)).map(String);
}

function offendingEntries(object: unknown, allowed: unknown): Array<[string, string]> {
  if (!isRecord(object)) return [];
  const ok = new Set(Array.isArray(allowed) ? allowed : [allowed]);
  return Object.entries(object)
    .filter(([, v]) => v !== undefined && !ok.has(v))
    .map(([k, v]) => [k, String(v)]);
}

/** `facts.utilityTariffs` for `{ fact: "utilityTariffs" }`: where an item's values live. */
const pathOf = (at: FactRef | undefined): string =>
  at === undefined ? 'facts' : `facts.${at.fact}${at.path ? at.path.replace(/^\$/, '') : ''}`;

/**
 * `nonDecreasingBy` (no element below the previous one) and `increasingBy` (each element above the
 * previous one: 增长). The explanation names the first offending pair of keys.
 */
function ordered(name: string, strict: boolean, relation: string): OperatorDefinition {
  return {
    name,
    evaluate: (fact, value) => Array.isArray(fact) && firstDrop(fact, asOrdered(value, name), strict) === undefined,
    explain: (fact, value) => {
      const drop = firstDrop(fact, asOrdered(value, name), strict);
      if (!drop) return {};
      return {
        expected: drop.previous,
        actual: drop.current,
        detail: `${String(drop.key)} ${relation} ${String(drop.previousKey)}`,
        items: [{ type: 'drop', key: String(drop.key), previousKey: String(drop.previousKey) }],
      };
    },
  };
}

export const OPERATORS: readonly OperatorDefinition[] = [
  {
    name: 'exists',
    evaluate: (fact, expected) => (fact !== undefined && fact !== null) === (expected !== false),
  },
  {
    name: 'nonEmpty',
    evaluate: (fact, expected) => (Array.isArray(fact) && fact.length > 0) === (expected !== false),
  },
  {
    name: 'lengthAtLeast',
    evaluate: (fact, min) => Array.isArray(fact) && isNumber(min) && fact.length >= min,
  },
  {
    name: 'includesAll',
    // missingFrom(…).length === 0 without building its Set and list (SameValueZero either way);
    // `every` as a loop (no closure per call), holes skipped as `every` skips them; `includes` as
    // a loop too (=== is SameValueZero but for NaN, which `includes` still looks for; a hole in
    // the fact reads as undefined either way).
    evaluate: (fact, required) => {
      if (!Array.isArray(fact)) return false;
      if (!Array.isArray(required)) return true;
      for (let i = 0; i < required.length; i += 1) {
        const wanted: unknown = required[i];
        // A hole is skipped; `in` only for an undefined element (V8 does not inline it on the
        // rule files' frozen lists: 147 ns a call over eight components against 110 without).
        if (wanted === undefined && !(i in required)) continue;
        if (wanted !== wanted) {
          if (!fact.includes(wanted)) return false;
          continue;
        }
        let found = false;
        for (let j = 0; j < fact.length; j += 1) {
          if (fact[j] === wanted) {
            found = true;
            break;
          }
        }
        if (!found) return false;
      }
      return true;
    },
    explain: (fact, required, at) => {
      const missing = missingFrom(fact, required);
      return {
        detail: missing.join(', '),
        items: missing.map((value): DetailItem => ({ type: 'missingValue', path: pathOf(at), value })),
      };
    },
  },
  {
    name: 'everyValueIn',
    evaluate: (fact, allowed) => isRecord(fact) && offendingEntries(fact, allowed).length === 0,
    explain: (fact, allowed, at) => {
      const entries = offendingEntries(fact, allowed);
      return {
        detail: entries.map(([k, v]) => `${k}=${v}`).join(', '),
        items: entries.map(([k, v]): DetailItem => ({ type: 'offendingValue', path: `${pathOf(at)}.${k}`, value: v })),
      };
    },
  },
  {
    name: 'withinTolerance',
    evaluate: (fact, value) => {
      if (!isNumber(fact)) return false;
      const { min, max } = toleranceBounds(asWithinTolerance(value));
      return fact >= min && fact <= max;
    },
    explain: (fact, value) => {
      const spec = asWithinTolerance(value);
      const spread = Math.abs(spec.target) * spec.tolerance;
      return {
        expected: spec.target,
        ...(isNumber(fact) ? { actual: fact } : {}),
        detail: `${spec.target - spread}–${spec.target + spread}`,
      };
    },
  },
  ordered('nonDecreasingBy', false, '<'),
  ordered('increasingBy', true, '≤'),
];

export const OPERATOR_BY_NAME: ReadonlyMap<string, OperatorDefinition> = new Map(
  OPERATORS.map((op) => [op.name, op]),
);

/** Built-in numeric comparisons whose condition value is a bound on the fact. */
export const BOUND_OPERATORS: Readonly<Record<string, 'min' | 'max' | 'exact'>> = {
  greaterThanInclusive: 'min',
  greaterThan: 'min',
  lessThanInclusive: 'max',
  lessThan: 'max',
  equal: 'exact',
};
