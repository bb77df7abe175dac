/**
 * `compareCities(records, cities)`: every record judged under each given city's law, as if it had
 * been submitted there — "which of these records would fail under Guiyang's law, which under
 * Tonghua's?". The record's facts mean the same in every city (the record contract is one), so
 * only its `city` is replaced.
 */
import { createEvaluator, type EvaluateOptions, type RulePackEvaluateOptions } from './evaluate.js';
import type { CheckId, Finding, RecordKind, ValidationIssue } from './types.js';

/** One record under one city's law. */
export interface CityOutcome {
  city: string;
  /** False when the city's law has no check for the record's kind: no findings, so nothing either way. */
  hasChecks: boolean;
  /** Some finding fails (a violation or a warning). */
  fails: boolean;
  /** The ids of the failing checks, in article order. */
  failing: string[];
  /** Every finding, one per check of that city for the record's kind. */
  findings: Finding<CheckId | string, string>[];
}

/** One record compared across the cities. */
export interface CityComparison {
  recordId: string | null;
  kind?: RecordKind;
  /** The city the record was submitted for, when it names one (it is not checked: it is replaced). */
  city?: string;
  valid: boolean;
  /** Why the record is invalid (its facts, kind, id or date: the same in every city). */
  errors?: ValidationIssue[];
  /** One outcome per compared city, in the order asked; empty for an invalid record. */
  cities: CityOutcome[];
}

/** The evaluator's options: dates, parameters (what-ifs), rule packs for more cities. */
export type CompareCitiesOptions = EvaluateOptions | RulePackEvaluateOptions;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Evaluates each record under each city's law.
 *
 * @example
 * const [grid] = compareCities(
 *   [{ id: 'G-1', city: 'guiyang', kind: 'grid', asOf: '2024-05-01', facts: { gridHeads: 0, gridWorkers: 2 } }],
 *   ['guiyang', 'tonghua'],
 * );
 * grid.cities.map((c) => [c.city, c.fails, c.failing])
 * //=> [['guiyang', false, []], ['tonghua', true, ['tonghua.14.1.grid-staffing']]]
 * @throws {RangeError} for an empty list of cities or a city the evaluator does not know
 * (the five, and the new ones of `options.rules`).
 */
export function compareCities(records: Iterable<unknown>, cities: readonly string[], options: CompareCitiesOptions = {}): CityComparison[] {
  const evaluator = createEvaluator({ ...options, rules: 'rules' in options ? options.rules : [] });
  if (cities.length === 0) throw new RangeError('compareCities: name at least one city');
  for (const city of cities) {
    if (!evaluator.cities.includes(city)) {
      throw new RangeError(`compareCities: unknown city '${String(city)}'; expected one of ${evaluator.cities.join(', ')}`);
    }
  }
  const out: CityComparison[] = [];
  for (const record of records) {
    let rekeyed: ((city: string) => unknown) | undefined;
    let ownCity: unknown;
    try {
      if (isPlainObject(record)) {
        ownCity = record['city'];
        const copy = { ...record };
        rekeyed = (city) => ({ ...copy, city });
      }
    } catch {
      rekeyed = undefined; // a throwing getter: evaluated as it is, and reported unreadable
    }
    const results = rekeyed === undefined ? [evaluator.evaluateSync(record)] : cities.map((city) => evaluator.evaluateSync(rekeyed!(city)));
    const first = results[0]!;
    const head = {
      recordId: first.recordId,
      ...(first.kind !== undefined ? { kind: first.kind } : {}),
      ...(typeof ownCity === 'string' ? { city: ownCity } : {}),
    };
    if (!first.valid) {
      out.push({ ...head, valid: false, errors: first.errors, cities: [] });
      continue;
    }
    out.push({
      ...head,
      valid: true,
      cities: results.map((result, i) => {
        const findings = result.findings;
        const failing = findings.filter((f) => f.status === 'fail').map((f) => f.ruleId);
        return { city: cities[i]!, hasChecks: findings.length > 0, fails: failing.length > 0, failing, findings };
      }),
    });
  }
  return out;
}
