/**
 * Derived facts: quantities a check compares against that the record does not state directly
 * ("40 m² per 100 households", "the year before setOn", "each facility date no later than the
 * project's"). They are json-rules-engine dynamic facts taking `params` from the rule file; the
 * law's numbers live in those params, never here.
 */
import { addDays, getYear, isAfter, parseISO } from 'date-fns';
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
  /** The value, or undefined when the inputs cannot decide it. */
  compute(params: Record<string, unknown>, values: unknown[]): unknown;
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

/** `of × rate / per` — e.g. 40 m² per 100 households, or 50% of the compounds (rate 0.5, per 1). */
const scaled: DerivedFact = {
  name: 'scaled',
  inputs: (params) => [factRef(params['of'], 'scaled')],
  compute: (params, [base]) =>
    typeof base === 'number'
      ? (base * numberParam(params, 'rate', 'scaled')) / numberParam(params, 'per', 'scaled')
      : undefined,
};

/** The smallest `field` among the elements of a list fact (e.g. the smallest station's area). */
const smallestOf: DerivedFact = {
  name: 'smallestOf',
  inputs: (params) => [factRef(params['of'], 'smallestOf')],
  compute: (params, [list]) => {
    const field = String(params['field']);
    if (!Array.isArray(list)) return undefined;
    const values = list.filter(isRecord).map((row) => row[field]).filter((v): v is number => typeof v === 'number');
    return values.length > 0 ? Math.min(...values) : undefined;
  },
};

/** The calendar year of a date fact, shifted by `offsetYears` (−1 for 上一年度). */
const yearOf: DerivedFact = {
  name: 'yearOf',
  inputs: (params) => [factRef(params['of'], 'yearOf')],
  compute: (params, [date]) =>
    typeof date === 'string' ? getYear(parseISO(date)) + numberParam(params, 'offsetYears', 'yearOf') : undefined,
};

interface StageComparison {
  stage: string;
  reference: string;
  subject: string | undefined;
  late: boolean;
}

function compareStages(params: Record<string, unknown>, subject: unknown, reference: unknown): StageComparison[] {
  const stages = stringList(params, 'stages', 'milestoneSync');
  const toleranceDays = numberParam(params, 'toleranceDays', 'milestoneSync');
  const subjectDates = isRecord(subject) ? subject : {};
  const referenceDates = isRecord(reference) ? reference : {};
  const rows: StageComparison[] = [];
  for (const stage of stages) {
    const ref = referenceDates[stage];
    if (typeof ref !== 'string') continue; // the check speaks only of stages the reference has reached
    const own = subjectDates[stage];
    const subjectDate = typeof own === 'string' ? own : undefined;
    const late = subjectDate === undefined || isAfter(parseISO(subjectDate), addDays(parseISO(ref), toleranceDays));
    rows.push({ stage, reference: ref, subject: subjectDate, late });
  }
  return rows;
}

/**
 * "Each date no later than its counterpart": wherever the reference (the project) has a date at a
 * listed stage, the subject (the facility) has one no later than it, plus `toleranceDays`. An
 * absent subject date fails (that stage is not reached); no reference date at all is undecidable.
 */
const milestoneSync: DerivedFact = {
  name: 'milestoneSync',
  inputs: (params) => [
    { fact: String(params['subject']) },
    { fact: String(params['reference']) },
  ],
  compute: (params, [subject, reference]) => {
    const rows = compareStages(params, subject, reference);
    if (rows.length === 0) return undefined;
    return rows.every((row) => !row.late);
  },
  missing: (params) =>
    stringList(params, 'stages', 'milestoneSync').map((stage) => ({
      fact: String(params['reference']),
      path: `$.${stage}`,
    })),
  explain: (params, [subject, reference]) => {
    const late = compareStages(params, subject, reference).filter((row) => row.late);
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
};

export const DERIVED_FACTS: readonly DerivedFact[] = [scaled, smallestOf, yearOf, milestoneSync];

export const DERIVED_FACT_BY_NAME: ReadonlyMap<string, DerivedFact> = new Map(DERIVED_FACTS.map((f) => [f.name, f]));
