/**
 * Building blocks of the record schemas: leaf schemas whose error messages say what was expected
 * and what came ("expected integer >= 0, got -3"), and the object factory that decides whether
 * unknown keys are errors (strict) or dropped (lenient).
 */
import * as z from 'zod';

/** How an issue looks to an error function: zod's raw issue (it carries the offending input). */
type RawIssue = z.core.$ZodRawIssue;

/** The longest string quoted in full in a message; longer ones are cut and their length given. */
const QUOTE_LIMIT = 40;

/**
 * A short, safe rendering of any value for "got …" in a message. Never throws (symbols, bigints,
 * null-prototype objects included).
 *
 * @example describeValue(-3) // '-3'
 * @example describeValue('tomorrow') // '"tomorrow"'
 * @example describeValue(undefined) // 'nothing'
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'nothing';
    case 'string': {
      if (value.length <= QUOTE_LIMIT) return JSON.stringify(value);
      return `${JSON.stringify(value.slice(0, QUOTE_LIMIT))}… (${value.length} characters)`;
    }
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'boolean':
      return String(value);
    case 'bigint':
      return `${value.toString()}n (a bigint)`;
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      if (value === null) return 'null';
      if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : `an array of ${value.length}`;
      return 'an object';
  }
}

/** Edit distance (optimal string alignment: insert, delete, substitute, swap neighbours). */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Int32Array(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j < cols; j++) {
      const bj = b.charCodeAt(j - 1);
      const here = i * cols + j;
      let best = Math.min(d[here - cols]! + 1, d[here - 1]! + 1, d[here - cols - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        best = Math.min(best, d[here - 2 * cols - 2]! + 1);
      }
      d[here] = best;
    }
  }
  return d[rows * cols - 1]!;
}

/**
 * The allowed word a likely typo meant, or undefined. A word counts as a typo when it differs only
 * in case, or by at most a third of its length in edits (at least one edit).
 *
 * @example closestWord('housholds', ['households', 'setting']) // 'households'
 * @example closestWord('colour', ['households', 'setting']) // undefined
 */
export function closestWord(word: string, allowed: readonly string[]): string | undefined {
  if (word.length === 0 || word.length > 64) return undefined;
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(word.length / 3)) + 1;
  for (const candidate of allowed) {
    if (candidate.toLowerCase() === lower) return candidate;
    // The distance is at least the difference in length: no closer than the best so far.
    if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * An error function for zod's `error:` parameter: "expected <what>, got <value>", or, for a member
 * that is required and absent, "required but missing (expected <what>)".
 */
export function expecting(what: string, hint?: (input: unknown) => string | undefined) {
  return (issue: RawIssue): string => {
    if (issue.input === undefined) return `required but missing (expected ${what})`;
    const extra = hint?.(issue.input);
    return `expected ${what}, got ${describeValue(issue.input)}${extra ? ` ${extra}` : ''}`;
  };
}

/** An integer ≥ `min` (a safe integer: JSON numbers beyond 2^53 are not exact). */
export function integerAtLeast(min: number) {
  const error = expecting(`integer >= ${min}`, tooBigHint);
  return z.int({ error }).min(min, { error });
}

/** Any integer (a year). */
export function integer() {
  return z.int({ error: expecting('integer', tooBigHint) });
}

function tooBigHint(input: unknown): string | undefined {
  return typeof input === 'number' && Number.isInteger(input) && !Number.isSafeInteger(input)
    ? '(beyond the exact integer range)'
    : undefined;
}

/** A finite number ≥ 0 (an area in m², an amount in yuan). */
export function nonNegativeNumber() {
  const error = expecting('number >= 0');
  return z.number({ error }).min(0, { error });
}

export function boolean() {
  return z.boolean({ error: expecting('true or false') });
}

/** One of `values`; a near miss gets a "did you mean" hint. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  const list = values.map((value) => JSON.stringify(value)).join(', ');
  return z.enum(values, {
    error: expecting(values.length === 1 ? list : `one of ${list}`, (input) => {
      if (typeof input !== 'string') return undefined;
      const near = closestWord(input, values);
      return near === undefined ? undefined : `(did you mean "${near}"?)`;
    }),
  });
}

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A real calendar date written `YYYY-MM-DD`: 2024-02-29 passes, 2024-02-30 and 2023-02-29 do not.
 * `z.iso.date()` already checks month lengths and leap years; this only words the error.
 */
export function calendarDate() {
  return z.iso.date({
    error: expecting('a calendar date YYYY-MM-DD', (input) =>
      typeof input === 'string' && DATE_SHAPE.test(input) ? '(no such day in the calendar)' : undefined,
    ),
  });
}

/** A ready-made calendar-date schema (`YYYY-MM-DD`, real day), for options and other inputs. */
export const isoDate = calendarDate();

/** An array of `element`. `what` names the elements in the message ("facility components"). */
export function arrayOf<T extends z.ZodType>(element: T, what: string) {
  return z.array(element, { error: expecting(`an array of ${what}`) });
}

/**
 * Makes an object schema. Strict: an unknown key is an error. Lenient: unknown keys are dropped.
 * Both build the same shapes, so one builder serves both modes.
 */
export type ObjectFactory = <S extends z.core.$ZodLooseShape>(
  shape: S,
  params?: { error?: (issue: RawIssue) => string | undefined },
) => z.ZodObject<S, z.core.$strict>;

export const strictObject: ObjectFactory = (shape, params) => z.strictObject(shape, params);
export const lenientObject: ObjectFactory = (shape, params) => z.object(shape, params);

/**
 * An object with the given members. `what` describes it for a wrong-type message; by default the
 * member names are listed. Unknown keys are reported by `validateRecord`, which lists the allowed
 * keys, so this error function words only the wrong-type case.
 */
export function objectOf<S extends z.core.$ZodLooseShape>(object: ObjectFactory, shape: S, what?: string) {
  const expected = what ?? `an object { ${Object.keys(shape).join(', ')} }`;
  const error = expecting(expected);
  return object(shape, {
    error: (issue) => (issue.code === 'invalid_type' ? error(issue) : undefined),
  });
}
