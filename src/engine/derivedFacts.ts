/**
 * Derived facts: quantities a check compares against that the record does not state directly
 * ("40 m² per 100 households", "the year before setOn", "each facility date no later than the
 * project's"). They are json-rules-engine dynamic facts taking `params` from the rule file; the
 * law's numbers live in those params, never here.
 */
// Per-function imports (no barrel): this module is on the evaluation hot path.
import { addDays } from 'date-fns/addDays';
import { getYear } from 'date-fns/getYear';
import { parseISO } from 'date-fns/parseISO';
import { dayNumber, digits } from '../util/calendarDate.js';
import type { DetailItem } from './evidence.js';
import type { OperatorExplanation } from './operators.js';

/** A reference to a record fact, optionally into it: `{ fact: "emergency", path: "$.plan" }`. */
export interface FactRef {
  fact: string;
  path?: string;
}

export interface DerivedFact {
  name: string;
  /** The record facts this fact reads, resolved before `compute`. */
  inputs(params: Record<string, unknown>): FactRef[];
  /** The value, or undefined when the inputs cannot decide it: `bind(params)(...values)`. */
  compute(params: Record<string, unknown>, values: unknown[]): unknown;
  /**
   * `compute` with its params read once: the value from the inputs as arguments, in `inputs`
   * order (at most two). The compiled evaluator binds a condition's params when it compiles it, so
   * that no record pays for reading, checking or allocating them; json-rules-engine's dynamic fact
   * calls `compute`. A bad param throws when the bound function would read it, as `compute` does.
   */
  bind(params: Record<string, unknown>): (first: unknown, second?: unknown) => unknown;
  /** Fact paths to report when the value is undefined (default: the absent inputs). */
  missing?(params: Record<string, unknown>, values: unknown[]): FactRef[];
  explain?(params: Record<string, unknown>, values: unknown[]): OperatorExplanation;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function factRef(value: unknown, where: string): FactRef {
  if (isRecord(value) && typeof value['fact'] === 'string') {
    return typeof value['path'] === 'string' ? { fact: value['fact'], path: value['path'] } : { fact: value['fact'] };
  }
  throw new TypeError(`${where} expects a fact reference { fact, path? }`);
}

/** `compute` from `bind`: the semantics are written once. */
function derivedFact(definition: Omit<DerivedFact, 'compute'>): DerivedFact {
  const { bind } = definition;
  return { ...definition, compute: (params, values) => bind(params)(values[0], values[1]) };
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function numberParam(params: Record<string, unknown>, key: string, where: string): number {
  const value = params[key];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new TypeError(`${where} expects a number in params.${key}`);
}

function stringList(params: Record<string, unknown>, key: string, where: string): string[] {
  const value = params[key];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw new TypeError(`${where} expects a list of names in params.${key}`);
}

/**
 * `getYear(parseISO(date))`: the year written, for a calendar date written `YYYY-MM-DD` (what
 * validation lets through); date-fns reads any other string.
 */
const yearOfDate = (date: string): number => (dayNumber(date) !== undefined ? digits(date, 0, 4) : getYear(parseISO(date)));

/**
 * `isAfter(parseISO(date), addDays(parseISO(reference), days))`: later than the reference plus a
 * tolerance. For calendar dates written `YYYY-MM-DD` parseISO gives their local midnights and
 * addDays moves by calendar days, so that is a comparison of day numbers (no Date built); date-fns
 * reads any other string, or a fractional tolerance.
 */
function isLate(date: string, reference: string, days: number): boolean {
  if (Number.isInteger(days)) {
    const own = dayNumber(date);
    const due = dayNumber(reference);
    if (own !== undefined && due !== undefined) return own > due + days;
  }
  return parseISO(date).getTime() > addDays(parseISO(reference), days).getTime();
}

/** For tests: the date-fns readings the day numbers stand in for, and the day numbers' answers. */
export const dateReadings = {
  dayNumber,
  yearOfDate,
  isLate,
  byDateFns: {
    year: (date: string): number => getYear(parseISO(date)),
    isLate: (date: string, reference: string, days: number): boolean => parseISO(date).getTime() > addDays(parseISO(reference), days).getTime(),
  },
};

/** `of × rate / per` — e.g. 40 m² per 100 households, or 50% of the compounds (rate 0.5, per 1). */
const scaled: DerivedFact = derivedFact({
  name: 'scaled',
  inputs: (params) => [factRef(params['of'], 'scaled')],
  bind: (params) => {
    const rate = params['rate'];
    const per = params['per'];
    if (!isFiniteNumber(rate) || !isFiniteNumber(per)) {
      return (base) => (typeof base === 'number' ? (base * numberParam(params, 'rate', 'scaled')) / numberParam(params, 'per', 'scaled') : undefined);
    }
    return (base) => (typeof base === 'number' ? (base * rate) / per : undefined);
  },
});

/** The smallest `field` among the elements of a list fact (e.g. the smallest station's area). */
const smallestOf: DerivedFact = derivedFact({
  name: 'smallestOf',
  inputs: (params) => [factRef(params['of'], 'smallestOf')],
  bind: (params) => (list) => {
    const field = String(params['field']);
    if (!Array.isArray(list)) return undefined;
    // A loop, not Math.min(...values): spreading 150k stations overflows the call stack.
    let smallest: number | undefined;
    for (const row of list) {
      if (!isRecord(row)) continue;
      const value = row[field];
      if (typeof value === 'number' && (smallest === undefined || value < smallest)) smallest = value;
    }
    return smallest;
  },
});

/** The calendar year of a date fact, shifted by `offsetYears` (−1 for 上一年度). */
const yearOf: DerivedFact = derivedFact({
  name: 'yearOf',
  inputs: (params) => [factRef(params['of'], 'yearOf')],
  bind: (params) => {
    const offset = params['offsetYears'];
    if (!isFiniteNumber(offset)) return (date) => (typeof date === 'string' ? yearOfDate(date) + numberParam(params, 'offsetYears', 'yearOf') : undefined);
    return (date) => (typeof date === 'string' ? yearOfDate(date) + offset : undefined);
  },
});

/** One listed stage, judged three-valued: true, false, or undefined (unknown, with what is absent). */
interface StageComparison {
  stage: string;
  /** The reference's date; `null` = not reached; undefined = absent (unknown). */
  reference: string | null | undefined;
  subject: string | null | undefined;
  truth: boolean | undefined;
  missing: FactRef[];
}

/** A stage's value in a milestones object: a date, `null` (not reached), or undefined (absent). */
function stageValue(milestones: unknown, stage: string): string | null | undefined {
  if (!isRecord(milestones)) return undefined;
  const value = milestones[stage];
  return typeof value === 'string' || value === null ? value : undefined;
}

function compareStages(params: Record<string, unknown>, subject: unknown, reference: unknown): StageComparison[] {
  const stages = stringList(params, 'stages', 'milestoneSync');
  const toleranceDays = numberParam(params, 'toleranceDays', 'milestoneSync');
  const subjectFact = String(params['subject']);
  const referenceFact = String(params['reference']);
  return stages.map((stage): StageComparison => {
    const ref = stageValue(reference, stage);
    const own = stageValue(subject, stage);
    const row = (truth: boolean | undefined, missing: FactRef[]): StageComparison => ({ stage, reference: ref, subject: own, truth, missing });
    const subjectPath = { fact: subjectFact, path: `$.${stage}` };
    // The reference has not reached this stage: nothing to keep up with.
    if (ref === null) return row(true, []);
    if (ref === undefined) {
      // Unknown whether the reference reached it; the subject's date is needed too unless known.
      return row(undefined, [{ fact: referenceFact, path: `$.${stage}` }, ...(own === undefined ? [subjectPath] : [])]);
    }
    if (own === null) return row(false, []);
    if (own === undefined) return row(undefined, [subjectPath]);
    return row(!isLate(own, ref, toleranceDays), []);
  });
}

/**
 * "Each date no later than its counterpart", stage by stage (contract-v2 §1): at every listed stage
 * the reference (the project) reached — a date — the subject (the facility) has reached it too, no
 * later than that date plus `toleranceDays`. A stage is `null` when not reached and absent when
 * unknown. Stages combine like Kleene's `all`: one late stage fails (a facility `null` where the
 * project has a date is late); otherwise an absent date that matters leaves it unknown; a stage the
 * project has not reached (`null`) asks nothing.
 */
const milestoneSync: DerivedFact = derivedFact({
  name: 'milestoneSync',
  inputs: (params) => [
    { fact: String(params['subject']) },
    { fact: String(params['reference']) },
  ],
  // compareStages' rows combined, without building them: one late stage decides.
  bind: (params) => {
    const stages = [...stringList(params, 'stages', 'milestoneSync')];
    const toleranceDays = numberParam(params, 'toleranceDays', 'milestoneSync');
    return (subject, reference) => {
      let unknown = false;
      for (let i = 0; i < stages.length; i += 1) {
        const stage = stages[i]!;
        const ref = stageValue(reference, stage);
        if (ref === null) continue;
        const own = stageValue(subject, stage);
        if (ref === undefined || own === undefined) unknown = true;
        else if (own === null || isLate(own, ref, toleranceDays)) return false;
      }
      return unknown ? undefined : true;
    };
  },
  missing: (params, [subject, reference]) => {
    const rows = compareStages(params, subject, reference);
    if (rows.some((row) => row.truth === false)) return [];
    return rows.flatMap((row) => row.missing);
  },
  explain: (params, [subject, reference]) => {
    // Only a late stage fails the check: its reference has a date, its subject a later date or null.
    const late = compareStages(params, subject, reference).filter(
      (row): row is StageComparison & { reference: string } => row.truth === false && typeof row.reference === 'string',
    );
    return {
      detail: late.map((row) => `${row.stage}: ${row.subject ?? '—'} > ${row.reference}`).join('; '),
      items: late.map(
        (row): DetailItem => ({
          type: 'lateStage',
          stage: row.stage,
          subject: String(params['subject']),
          reference: String(params['reference']),
          subjectDate: row.subject ?? null,
          referenceDate: row.reference,
        }),
      ),
    };
  },
});

export const DERIVED_FACTS: readonly DerivedFact[] = [scaled, smallestOf, yearOf, milestoneSync];

export const DERIVED_FACT_BY_NAME: ReadonlyMap<string, DerivedFact> = new Map(DERIVED_FACTS.map((f) => [f.name, f]));
