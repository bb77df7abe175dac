/**
 * `validateRecord`: one submitted value in, a typed record or a list of errors out. Total (never
 * throws) and cheap: every schema is built once, here at module level.
 */
import * as z from 'zod';
import { CITY_KEYS, RECORD_KINDS, type CityKey, type RecordKind, type ValidationIssue } from '../types.js';
import { closestWord, describeValue, lenientObject } from './common.js';
import { compileFastParser, FAST_PARSE_FAILED, type FastParser } from './compileFastParser.js';
import { buildFactsSchemas } from './facts.js';
import { describeValueZh, localizeIssue, recordIssue, schemaAt, unknownKeyIssue } from './issueText.js';
import { fillPlaceholder } from '../locales/types.js';
import { MAX_KEY_IN_MESSAGE, pathText, shownKey } from './keyText.js';
import { buildRecordSchemas, recordSchemas, type RecordSchemas, type ShequRecord } from './record.js';

export interface ValidateRecordOptions {
  /**
   * Accept keys the contract does not know, at any depth, and drop them from the returned record.
   * Default false: an unknown key is an error, so a typo never silently becomes an absent fact.
   */
  allowUnknownKeys?: boolean;
}

export type ValidateRecordResult =
  | { ok: true; record: ShequRecord }
  | {
      ok: false;
      /** The input's `id` when it is a non-empty string, even if the record is otherwise invalid. */
      recordId: string | null;
      /** The input's `city` / `kind` when they are valid values. */
      city?: CityKey;
      kind?: RecordKind;
      errors: ValidationIssue[];
    };

/** Unknown keys are dropped here rather than reported; built once, like the strict set. */
export const lenientRecordSchemas: RecordSchemas = buildRecordSchemas(lenientObject, buildFactsSchemas(lenientObject));

const CITY_SET: ReadonlySet<string> = new Set(CITY_KEYS);
const KIND_SET: ReadonlySet<string> = new Set(RECORD_KINDS);

const isCityKey = (value: unknown): value is CityKey => typeof value === 'string' && CITY_SET.has(value);
const isRecordKind = (value: unknown): value is RecordKind => typeof value === 'string' && KIND_SET.has(value);

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates one record against the contract of `shared/spec/records.md`.
 *
 * When `kind` is absent or unknown, only the envelope (id, city, kind, asOf, top-level keys) is
 * checked: facts cannot be judged without a kind, and a wall of facts errors would hide the cause.
 *
 * @example
 * validateRecord({ id: 'SY-0001', city: 'shenyang', kind: 'community', facts: { households: 1550 } })
 * // { ok: true, record: { id: 'SY-0001', city: 'shenyang', kind: 'community',
 * //                       facts: { setting: 'urban', households: 1550 } } }
 * @example
 * validateRecord({ id: 'SY-0002', city: 'shenyang', kind: 'community', facts: { households: -3 } })
 * // { ok: false, recordId: 'SY-0002', city: 'shenyang', kind: 'community',
 * //   errors: [{ path: 'facts.households', message: 'expected integer >= 0, got -3' }] }
 */
export function validateRecord(input: unknown, options?: ValidateRecordOptions): ValidateRecordResult {
  const schemas = options?.allowUnknownKeys === true ? lenientRecordSchemas : recordSchemas;
  let parsed: unknown = FAST_PARSE_FAILED;
  try {
    parsed = fastParserFor(schemas)(input);
  } catch {
    // A value JSON cannot produce (a throwing getter…): zod's path below says what it makes of it.
  }
  if (parsed !== FAST_PARSE_FAILED) return { ok: true, record: parsed as ShequRecord };
  return validateRecordWithZod(input, options);
}

/**
 * The fast parser compiled from each schema set on first use: it accepts exactly what zod
 * accepts, with the same parsed record, and leaves everything else to zod (which words the errors).
 */
const fastParsers = new Map<RecordSchemas, FastParser>();
function fastParserFor(schemas: RecordSchemas): FastParser {
  let parser = fastParsers.get(schemas);
  if (parser === undefined) {
    try {
      parser = compileFastParser(schemas.record);
    } catch {
      // zod's internals not as expected: zod alone answers, as before the fast path.
      parser = () => FAST_PARSE_FAILED;
    }
    fastParsers.set(schemas, parser);
  }
  return parser;
}

/**
 * A valid record as the compiled evaluator reads it: the envelope as `validateRecord` parses it,
 * with `facts` in slots — the parsed facts at the index of their key in `Object.keys` of the
 * kind's facts schema (`factSlotNames`, the evaluator's `FactLayout`), undefined where absent.
 */
export type SlottedRecord = Omit<ShequRecord, 'facts'> & { facts: readonly unknown[] };

/** The slot names of a kind's facts: the keys of its facts schema, in order. */
export function factSlotNames(kind: RecordKind): readonly string[] {
  return Object.keys(recordSchemas.byKind[kind].shape.facts.unwrap().shape);
}

const slottedParsers = new Map<RecordSchemas, FastParser>();
function slottedParserFor(schemas: RecordSchemas): FastParser {
  let parser = slottedParsers.get(schemas);
  if (parser === undefined) {
    try {
      // Each kind's facts object (inside its prefault) parsed into the kind's slots.
      const names = new Map<z.core.$ZodType, readonly string[]>();
      for (const kind of RECORD_KINDS) names.set(schemas.byKind[kind].shape.facts.unwrap(), factSlotNames(kind));
      parser = compileFastParser(schemas.record, { slots: (schema) => names.get(schema) });
    } catch {
      parser = () => FAST_PARSE_FAILED;
    }
    slottedParsers.set(schemas, parser);
  }
  return parser;
}

/**
 * For the compiled evaluator: `validateRecord`'s fast path with the facts parsed straight into
 * slots (no facts object built, then read into slots). Undefined where that path does not accept
 * the input — then `validateRecord` decides (zod, which words the errors, or accepts what the fast
 * path leaves to it). Where it gives a record, `validateRecord` gives the same record with the
 * same facts in an object.
 */
export function parseRecordToSlots(input: unknown, options?: ValidateRecordOptions): SlottedRecord | undefined {
  let parsed: unknown = FAST_PARSE_FAILED;
  try {
    parsed = slottedParserFor(options?.allowUnknownKeys === true ? lenientRecordSchemas : recordSchemas)(input);
  } catch {
    // A value JSON cannot produce (a throwing getter…): validateRecord says what it makes of it.
  }
  if (parsed === FAST_PARSE_FAILED || !Array.isArray((parsed as { facts?: unknown }).facts)) return undefined;
  return parsed as SlottedRecord;
}

/**
 * `validateRecord` through zod alone, without the compiled fast path: the reference the fast
 * path is tested against, and the bench's "zod validation alone". Not part of the package API.
 */
export function validateRecordWithZod(input: unknown, options?: ValidateRecordOptions): ValidateRecordResult {
  try {
    const hole = sparseArrayPath(input, '', 0);
    if (hole !== null) {
      const where = hole === '' ? 'the record' : hole;
      return {
        ok: false,
        recordId: null,
        errors: [recordIssue('unreadable', `${where} is a sparse array (holes JSON cannot hold)`, `${where} 是含空位的稀疏数组（JSON 中不存在）。`)],
      };
    }
    return validate(input, options?.allowUnknownKeys === true ? lenientRecordSchemas : recordSchemas);
  } catch (error) {
    // Only reachable for values JSON cannot produce (a throwing getter, a revoked proxy…).
    const reason = errorText(error);
    return {
      ok: false,
      recordId: null,
      errors: [recordIssue('unreadable', `the record could not be read (${reason})`, `无法读取该记录（${reason}）。`)],
    };
  }
}

/** The message of a thrown value, never throwing itself (a hostile Error may have a throwing `message` getter). */
function errorText(error: unknown): string {
  try {
    const message: unknown = error instanceof Error ? error.message : undefined;
    return typeof message === 'string' ? message.slice(0, 200) : 'unreadable value';
  } catch {
    return 'unreadable value';
  }
}

/** Arrays longer than this are checked for holes before zod walks them (a hole-free check is O(n)). */
const SPARSE_CHECK_FROM = 10_000;
/** Records are shallow; deeper values are left to the schema (which rejects them). */
const SPARSE_CHECK_DEPTH = 8;

/**
 * The path of the first long array with holes (`new Array(1e8 + 1)` from a library caller would
 * make the schema walk 1e8 slots and exhaust the heap), or null. JSON never produces holes.
 */
function sparseArrayPath(value: unknown, path: string, depth: number): string | null {
  if (typeof value !== 'object' || value === null || depth > SPARSE_CHECK_DEPTH) return null;
  if (Array.isArray(value)) {
    if (value.length >= SPARSE_CHECK_FROM && Object.keys(value).length !== value.length) return path;
    const limit = Math.min(value.length, SPARSE_CHECK_FROM);
    for (let i = 0; i < limit; i += 1) {
      const found = sparseArrayPath(value[i], path === '' ? String(i) : `${path}.${i}`, depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const found = sparseArrayPath((value as Record<string, unknown>)[key], path === '' ? key : `${path}.${key}`, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

function validate(input: unknown, schemas: RecordSchemas): ValidateRecordResult {
  if (!isJsonObject(input)) {
    return {
      ok: false,
      recordId: null,
      errors: [
        recordIssue(
          'not-a-record',
          `expected a record (a JSON object with id, city, kind, facts), got ${describeValue(input)}`,
          `应为一条记录（含 id、city、kind、facts 的 JSON 对象），实际为 ${describeValueZh(input)}。`,
        ),
      ],
    };
  }
  const kind = input.kind;
  if (isRecordKind(kind)) {
    const result = schemas.record.safeParse(input);
    if (result.success) return { ok: true, record: result.data };
    return failure(input, toValidationIssues(result.error.issues, schemas.byKind[kind], kind, input));
  }
  const result = schemas.envelope.safeParse(input);
  // The envelope passes only when `kind` is valid, which was ruled out above; keep the type honest.
  const issues = result.success ? { issues: [], total: 0 } : toValidationIssues(result.error.issues, schemas.envelope, undefined, input);
  return failure(input, issues);
}

/** The first issues of a record (a few past the cap) and how many there were in all. */
interface IssueList {
  issues: ValidationIssue[];
  total: number;
}

function failure(input: Record<string, unknown>, list: IssueList): ValidateRecordResult {
  const { id, city, kind } = input;
  return {
    ok: false,
    recordId: typeof id === 'string' && id.length > 0 ? id : null,
    ...(isCityKey(city) ? { city } : {}),
    ...(isRecordKind(kind) ? { kind } : {}),
    errors: capErrors(list),
  };
}

/**
 * At most this many errors a record (then one "and N more"): a record of a million wrong values
 * must not turn into a report a hundred times its size.
 */
export const MAX_ERRORS_PER_RECORD = 100;

function capErrors({ issues: errors, total }: IssueList): ValidationIssue[] {
  if (total <= MAX_ERRORS_PER_RECORD) return errors;
  const more = total - MAX_ERRORS_PER_RECORD;
  const count = more.toLocaleString('en-US');
  return [
    ...errors.slice(0, MAX_ERRORS_PER_RECORD),
    recordIssue('invalid', `and ${fillPlaceholder(count, ['more error', 'more errors'])} (the first ${MAX_ERRORS_PER_RECORD} are listed)`, `另有 ${count} 处错误（仅列出前 ${MAX_ERRORS_PER_RECORD} 处）。`),
  ];
}

// ---------------------------------------------------------------------------------------------
// zod issues → { path, message }

type Segment = PropertyKey;

function toValidationIssues(
  issues: readonly z.core.$ZodIssue[],
  root: z.core.$ZodType,
  kind: RecordKind | undefined,
  input: unknown,
): IssueList {
  const out: ValidationIssue[] = [];
  // Issues past the cap are only counted (capErrors words them): no message is built for them.
  let skipped = 0;
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeysAt(root, issue.path);
      for (const key of issue.keys) {
        if (out.length > MAX_ERRORS_PER_RECORD) {
          skipped += 1;
          continue;
        }
        const shown = shownKey(key);
        const path = pathText([...issue.path, shown]);
        const near = key.length <= MAX_KEY_IN_MESSAGE ? closestWord(key, allowed) : undefined;
        out.push(unknownKeyIssue(path, unknownKeyMessage(near, issue.path, allowed, kind), issue.path, near, kind));
      }
    } else if (out.length > MAX_ERRORS_PER_RECORD) {
      skipped += 1;
    } else {
      const path = pathText(issue.path);
      out.push(localizeIssue({ path: issue.path, pathText: path, zodCode: issue.code, message: issue.message }, root, input, kind));
    }
  }
  return { issues: out, total: out.length + skipped };
}

/**
 * "unknown key (not in the 'community' facts; allowed: setting, households, …)", plus a
 * "did you mean" when the key looks like a typo of an allowed one.
 */
function unknownKeyMessage(
  near: string | undefined,
  path: readonly Segment[],
  allowed: readonly string[],
  kind: RecordKind | undefined,
): string {
  const where = describeContainer(path, kind);
  const list = allowed.length > 0 ? `; allowed: ${allowed.join(', ')}` : '';
  return `unknown key (${where}${list})${near === undefined ? '' : ` — did you mean '${near}'?`}`;
}

function describeContainer(path: readonly Segment[], kind: RecordKind | undefined): string {
  if (path.length === 0) return 'not a record field';
  if (path.length === 1 && path[0] === 'facts') return kind ? `not in the '${kind}' facts` : 'not in the facts';
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const parent = path[path.length - 2];
    return `not in a '${pathText(parent === undefined ? [] : [parent])}' entry`;
  }
  return `not in '${pathText(last === undefined ? [] : [last])}'`;
}

/** The member names of the object schema found by following `path` from `root`. */
function allowedKeysAt(root: z.core.$ZodType, path: readonly Segment[]): string[] {
  const schema = schemaAt(root, path);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}
