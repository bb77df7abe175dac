/**
 * A fast accept-only parser compiled from a zod v4 schema: one walk of the schema objects
 * (`schema._zod.def`) at startup turns them into closures, and each object schema into code
 * generated for its shape (where zod would generate its own; closures otherwise, see
 * `CompileFastParserOptions.generate`). For a value the schema accepts, the parser returns what
 * `schema.parse` would (defaults applied, same key order, unknown keys dropped or refused as the
 * schema says); otherwise it returns `FAST_PARSE_FAILED` and the caller
 * asks zod, which words the errors. The contract is never written twice: a check runs as zod's own
 * check function (a refinement too) where it is not compiled natively, and what the compiler does
 * not know (transforms, unions without a discriminator, unfamiliar checks) is parsed by zod itself
 * for that sub-schema.
 *
 * Mirrors zod 4.6's parse of each schema type (node_modules/zod/v4/core/schemas.js); the
 * differential property in compileFastParser.test.ts holds the two together.
 */
import * as z from 'zod';
import { newFunction } from '../util/newFunction.js';

/** What a fast parser returns when it does not accept the value (zod then decides and words why). */
export const FAST_PARSE_FAILED: unique symbol = Symbol('fast parse failed');

export type FastParser = (value: unknown) => unknown;

/** A sub-schema the compiler left to zod, and why (shown by the bench and tested). */
export interface FastParserFallback {
  /** Dotted path in the schema (`[kind=community].facts.budgets`). */
  path: string;
  reason: string;
}

export interface CompileFastParserOptions {
  /** Called for each sub-schema parsed by zod rather than by compiled closures. */
  onFallback?: (fallback: FastParserFallback) => void;
  /**
   * Object schemas to parse into slots instead of an object: for a schema it gives names for, the
   * parsed value is an array holding the parsed member `names[i]` at index i (undefined where the
   * parsed object would have no such key). The same values are accepted; only the output differs.
   * The names must include every member of the schema.
   */
  slots?: (schema: AnySchema) => readonly string[] | undefined;
  /**
   * Whether objects are parsed by code generated for their shape (`new Function`). Default: where
   * zod generates its own (no `z.config({ jitless: true })`, and `new Function` allowed, as a strict
   * Content Security Policy may not); false: closures only. Both accept and return the same.
   */
  generate?: boolean;
}

type AnySchema = z.core.$ZodType;
/** The parts of `schema._zod.def` read here; each schema type adds its own members. */
interface AnyDef {
  type: string;
  checks?: AnySchema[];
  coerce?: boolean;
  innerType?: AnySchema;
  element?: AnySchema;
  shape?: Record<string, AnySchema>;
  catchall?: AnySchema;
  discriminator?: string;
  options?: AnySchema[];
  defaultValue?: unknown;
}
/** The parts of a check's def read here (`z.core.$ZodCheckDef` and its kinds). */
interface AnyCheckDef {
  check: string;
  when?: (payload: z.core.ParsePayload) => boolean;
  value?: unknown;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
}
type Check = (value: unknown) => boolean;

const FAILED = FAST_PARSE_FAILED;

/** Thrown inside the walk to leave one sub-schema to zod. */
class Unsupported extends Error {}

const defOf = (schema: AnySchema): AnyDef => schema._zod.def as unknown as AnyDef;

/**
 * Compiles `schema` once into a closure that accepts exactly what `schema` accepts and returns
 * the same parsed value, or `FAST_PARSE_FAILED` (never a wrong "valid").
 *
 * @example
 * const parse = compileFastParser(z.object({ n: z.int().min(0), s: z.enum(['a', 'b']).default('a') }));
 * parse({ n: 3 }) // { n: 3, s: 'a' }
 * parse({ n: -1 }) // FAST_PARSE_FAILED (zod.safeParse says why)
 */
export function compileFastParser(schema: AnySchema, options: CompileFastParserOptions = {}): FastParser {
  const { major, minor } = schema._zod.version;
  if (major !== MIRRORED_ZOD.major || minor !== MIRRORED_ZOD.minor) {
    options.onFallback?.({ path: '(root)', reason: `zod ${major}.${minor} (the parser mirrors zod ${MIRRORED_ZOD.major}.${MIRRORED_ZOD.minor})` });
    return zodParser(schema);
  }
  return compileNode(schema, '', options);
}

/**
 * The zod release whose parse this mirrors (and the differential tests ran against). Under
 * another minor release everything is left to zod until the tests have been run against it.
 */
const MIRRORED_ZOD = { major: 4, minor: 6 } as const;

function compileNode(schema: AnySchema, path: string, options: CompileFastParserOptions): FastParser {
  try {
    return compileSupported(schema, path, options);
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    options.onFallback?.({ path: path === '' ? '(root)' : path, reason: error.message });
    const names = options.slots?.(schema);
    if (names === undefined) return zodParser(schema);
    // Slots wanted here: zod's parsed object, laid out in them.
    const parse = zodParser(schema);
    return (value) => {
      const out = parse(value);
      return out === FAILED ? FAILED : names.map((name) => (Object.hasOwn(out as object, name) ? (out as Record<string, unknown>)[name] : undefined));
    };
  }
}

/** The sub-schema parsed by zod itself: the same answer as inside its parent's parse. */
function zodParser(schema: AnySchema): FastParser {
  return (value) => {
    const result = z.safeParse(schema, value);
    return result.success ? result.data : FAILED;
  };
}

function compileSupported(schema: AnySchema, path: string, options: CompileFastParserOptions): FastParser {
  const def = defOf(schema);
  if (def.coerce === true) throw new Unsupported(`coerced ${def.type}`);
  const check = compileChecks(schema);
  const parse = compileType(schema, def, path, options);
  if (check === undefined) return parse;
  return (value) => {
    const out = parse(value);
    return out !== FAILED && check(out) ? out : FAILED;
  };
}

function compileType(schema: AnySchema, def: AnyDef, path: string, options: CompileFastParserOptions): FastParser {
  switch (def.type) {
    case 'string':
      return (value) => (typeof value === 'string' ? value : FAILED);
    case 'number':
      // zod refuses NaN and ±Infinity; -0 passes as itself.
      return (value) => (typeof value === 'number' && Number.isFinite(value) ? value : FAILED);
    case 'boolean':
      return (value) => (typeof value === 'boolean' ? value : FAILED);
    case 'enum':
    case 'literal': {
      const values = schema._zod.values;
      if (values === undefined) throw new Unsupported(`${def.type} without values`);
      // A string gives the schema's own string back: the same value (strings are values), one
      // instance for every record, so the conditions' comparisons with it are quick.
      const strings = new Map<string, string>();
      for (const v of values) if (typeof v === 'string') strings.set(v, v);
      return (value) => {
        if (typeof value === 'string') return strings.get(value) ?? FAILED;
        return values.has(value as never) ? value : FAILED;
      };
    }
    case 'unknown':
    case 'any':
      return (value) => value;
    case 'optional':
      return compileOptional(innerOf(def), path, options);
    case 'nullable': {
      const inner = compileNode(innerOf(def), path, options);
      return (value) => (value === null ? null : inner(value));
    }
    case 'default': {
      const inner = compileNode(innerOf(def), path, options);
      // `defaultValue` is a getter (a fresh shallow clone each read), read per parse as zod does.
      return (value) => {
        if (value === undefined) return def.defaultValue;
        const out = inner(value);
        return out === undefined ? def.defaultValue : out;
      };
    }
    case 'prefault': {
      const inner = compileNode(innerOf(def), path, options);
      return (value) => inner(value === undefined ? def.defaultValue : value);
    }
    case 'array':
      return compileArray(def, path, options);
    case 'object':
      return compileObject(def, path, options, options.slots?.(schema));
    case 'union':
      return compileDiscriminatedUnion(def, path, options);
    default:
      throw new Unsupported(`schema type '${def.type}'`);
  }
}

function innerOf(def: AnyDef): AnySchema {
  if (def.innerType === undefined) throw new Unsupported(`${def.type} without an inner type`);
  return def.innerType;
}

function compileOptional(innerSchema: AnySchema, path: string, options: CompileFastParserOptions): FastParser {
  const inner = compileNode(innerSchema, path, options);
  if (innerSchema._zod.optin !== 'defaulted') return (value) => (value === undefined ? undefined : inner(value));
  // An optional default: absence still yields the default, and a failing default yields undefined.
  return (value) => {
    if (value !== undefined) return inner(value);
    const out = inner(undefined);
    return out === FAILED ? undefined : out;
  };
}

function compileArray(def: AnyDef, path: string, options: CompileFastParserOptions): FastParser {
  if (def.element === undefined) throw new Unsupported('array without an element type');
  const element = compileNode(def.element, `${path}[]`, options);
  return (value) => {
    if (!Array.isArray(value)) return FAILED;
    const length = value.length;
    const out: unknown[] = new Array(length);
    for (let i = 0; i < length; i += 1) {
      const item: unknown = value[i];
      // An undefined element (a hole, too) is left to zod: validateRecord reports holes itself.
      if (item === undefined) return FAILED;
      const parsed = element(item);
      if (parsed === FAILED) return FAILED;
      out[i] = parsed;
    }
    return out;
  };
}

/**
 * What an object does with a member whose key is absent, from the member schema's `optin` and
 * `optout` as zod's handlePropertyResult reads them.
 */
type Absence =
  /** Refused (no `optin`). */
  | 'refuse'
  /** Left out, whatever the schema makes of `undefined` (`.optional()`). */
  | 'omit'
  /** Parsed from `undefined` and always written (`.default()`, `.prefault()`). */
  | 'default'
  /** Parsed from `undefined`, written when defined; a failure is dropped (optional of a default). */
  | 'defaultOrOmit'
  /** Parsed from `undefined`, written when defined; a failure refuses. */
  | 'parse';

interface Member {
  key: string;
  parse: FastParser;
  absence: Absence;
}

function absenceOf(schema: AnySchema): Absence {
  const { optin, optout } = schema._zod;
  if (optin === undefined) return 'refuse';
  if (optout === 'optional') return optin === 'optional' ? 'omit' : 'defaultOrOmit';
  return optin === 'defaulted' ? 'default' : 'parse';
}

function compileObject(def: AnyDef, path: string, options: CompileFastParserOptions, slotNames: readonly string[] | undefined): FastParser {
  const shape = def.shape;
  if (shape === undefined) throw new Unsupported('object without a shape');
  if (Object.getOwnPropertySymbols(shape).length > 0) throw new Unsupported('symbol keys');
  const catchall = def.catchall;
  let strict: boolean;
  if (catchall === undefined) strict = false;
  else if (defOf(catchall).type === 'never') strict = true;
  else throw new Unsupported(`catchall of type '${defOf(catchall).type}'`);

  const keys = Object.keys(shape);
  const members: Member[] = [];
  for (const key of keys) {
    // zod never writes a declared `__proto__` into its output either.
    if (key === '__proto__') continue;
    const member = shape[key]!;
    members.push({ key, parse: compileNode(member, path === '' ? key : `${path}.${key}`, options), absence: absenceOf(member) });
  }
  const keySet: ReadonlySet<string> = new Set(keys);
  if (slotNames !== undefined) return compileSlottedObject(members, strict, keySet, slotNames, generates(options));

  const generated = generates(options) ? generatedObject(members, strict, keySet) : undefined;
  if (generated !== undefined) return generated;
  // Closures where no code is generated (`generate: false`, a strict CSP, zod's jitless).
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return FAILED;
    const input = value as Record<string, unknown>;
    // zod's strict object refuses any enumerable key it does not declare, inherited ones included.
    if (strict) {
      for (const key in input) if (!keySet.has(key)) return FAILED;
    }
    const out: Record<string, unknown> = {};
    for (let i = 0; i < members.length; i += 1) {
      const { key, parse, absence } = members[i]!;
      // `in` as zod tests presence (inherited keys count). An absent key is not read: it would be
      // `undefined`, and reading it is a slow megamorphic miss.
      if (key in input) {
        const r = parse(input[key]);
        if (r === FAILED) return FAILED;
        out[key] = r;
        continue;
      }
      if (absence === 'refuse') return FAILED;
      if (absence === 'omit') continue;
      const r = parse(undefined);
      if (r === FAILED) {
        if (absence !== 'defaultOrOmit') return FAILED;
      } else if (absence === 'default' || r !== undefined) {
        out[key] = r;
      }
    }
    return out;
  };
}

/**
 * `compileObject`'s closure with the parsed members written into slots (`options.slots`) instead
 * of an object's keys: the same members accepted and parsed, each at its slot. The input's keys
 * are walked first (`for…in`, a quick read of each value where the walk stands; on the bench
 * batch 3.9 -> 3.3 µs a record), then the members it did not find are looked for by `in`, as zod
 * does (so a member Object.prototype has, which `in` finds everywhere, reads as zod reads it).
 */
function compileSlottedObject(members: readonly Member[], strict: boolean, keySet: ReadonlySet<string>, names: readonly string[], generate: boolean): FastParser {
  const slotOf = members.map(({ key }) => names.indexOf(key));
  if (slotOf.includes(-1)) throw new Error(`slots ${names.join(', ')} lack a member of the object (${[...keySet].join(', ')})`);
  const generated = generate ? generatedSlotted(members, strict, keySet, slotOf, names.length) : undefined;
  if (generated !== undefined) return generated;
  const empty: readonly undefined[] = names.map(() => undefined);
  const memberAt = new Map<string, number>(members.map(({ key }, i) => [key, i]));
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return FAILED;
    const input = value as Record<string, unknown>;
    const out: unknown[] = empty.slice();
    // The input's enumerable keys first (as zod's strict check walks them): each read where the
    // walk stands, a quick load, not a keyed lookup of every declared member.
    let seenLow = 0;
    let seenHigh = 0;
    for (const key in input) {
      const i = memberAt.get(key);
      if (i === undefined) {
        if (strict && !keySet.has(key)) return FAILED;
        continue;
      }
      const r = members[i]!.parse(input[key]);
      if (r === FAILED) return FAILED;
      out[slotOf[i]!] = r;
      if (i < 26) seenLow |= 1 << i;
      else if (i < 52) seenHigh |= 1 << (i - 26);
    }
    // Then the members it did not find: absent, or present as `in` finds them and `for…in`
    // does not (a non-enumerable key, Object.prototype's own). Past 52 members (two 26-bit masks)
    // each is looked for again: parsed twice when present, the same value at the same slot.
    for (let i = 0; i < members.length; i += 1) {
      if ((i < 26 ? seenLow & (1 << i) : i < 52 ? seenHigh & (1 << (i - 26)) : 0) !== 0) continue;
      const { key, parse, absence } = members[i]!;
      if (key in input) {
        const r = parse(input[key]);
        if (r === FAILED) return FAILED;
        out[slotOf[i]!] = r;
        continue;
      }
      if (absence === 'refuse') return FAILED;
      if (absence === 'omit') continue;
      const r = parse(undefined);
      if (r === FAILED) {
        if (absence !== 'defaultOrOmit') return FAILED;
      } else if (absence === 'default' || r !== undefined) {
        out[slotOf[i]!] = r;
      }
    }
    return out;
  };
}

function compileDiscriminatedUnion(def: AnyDef, path: string, options: CompileFastParserOptions): FastParser {
  const discriminator = def.discriminator;
  if (discriminator === undefined || def.options === undefined) throw new Unsupported('union without a discriminator');
  const byValue = new Map<unknown, FastParser>();
  const collided = new Set<unknown>();
  for (const option of def.options) {
    const values = option._zod.propValues?.[discriminator];
    if (values === undefined || values.size === 0) throw new Unsupported(`an option without values for '${discriminator}'`);
    const label = [...values].map(String).join('|');
    const parse = compileNode(option, `${path}[${discriminator}=${label}]`, options);
    for (const v of values) {
      if (byValue.has(v) || collided.has(v)) {
        // zod refuses duplicates when building its map, except `undefined`, which then matches none.
        if (v !== undefined) throw new Unsupported(`duplicate discriminator value ${String(v)}`);
        byValue.delete(v);
        collided.add(v);
      } else {
        byValue.set(v, parse);
      }
    }
  }
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return FAILED;
    const parse = byValue.get((value as Record<string, unknown>)[discriminator]);
    // No matching option: zod reports it (or tries every option with `unionFallback`).
    return parse === undefined ? FAILED : parse(value);
  };
}

// ---------------------------------------------------------------------------------------------
// Checks (`.min()`, `z.int()`, `z.iso.date()` …): all must hold on the parsed value.

/**
 * Check kinds that only look at the value: run as zod runs them when not compiled natively. A
 * refinement (`custom`: `.refine`, `.superRefine`) is its own function on the value; an
 * asynchronous one is never called passed.
 */
const PURE_CHECKS: ReadonlySet<string> = new Set([
  'custom',
  'less_than',
  'greater_than',
  'multiple_of',
  'number_format',
  'max_length',
  'min_length',
  'length_equals',
  'string_format',
]);

function compileChecks(schema: AnySchema): Check | undefined {
  const own = defOf(schema).checks ?? [];
  // A schema that is itself a check (`z.int()`, `z.iso.date()`) runs as its own first check.
  const all = schema._zod.traits.has('$ZodCheck') ? [schema, ...own] : own;
  if (all.length === 0) return undefined;
  const compiled = all.map((check) => compileCheck(check as unknown as z.core.$ZodCheck<unknown>));
  if (compiled.length === 1) return compiled[0];
  return (value) => {
    for (let i = 0; i < compiled.length; i += 1) if (!compiled[i]!(value)) return false;
    return true;
  };
}

function compileCheck(check: z.core.$ZodCheck<unknown>): Check {
  const def = check._zod.def as unknown as AnyCheckDef;
  if (!PURE_CHECKS.has(def.check)) throw new Unsupported(`check '${def.check}'`);
  const zodCheck = check._zod.check;
  const when = def.when;
  // zod's own check on a payload of its own: exact, whatever the kind's details (code points,
  // ranges), and a refinement's own function (`.superRefine`), which adds its issues there too.
  const general: Check = (value) => {
    const payload: z.core.ParsePayload = { value, issues: [] };
    if (when !== undefined && !when(payload)) return true;
    const result: unknown = zodCheck(payload);
    if (result instanceof Promise) {
      // An asynchronous refinement: not decided here (zod's synchronous parse says what it makes of it).
      result.catch(() => undefined);
      return false;
    }
    return payload.issues.length === 0;
  };
  // Native forms of the common kinds; each falls back to `general` wherever it is not sure.
  if (def.check === 'greater_than' && when === undefined && typeof def.value === 'number') {
    const bound = def.value;
    return def.inclusive ? (value) => (value as number) >= bound : (value) => (value as number) > bound;
  }
  if (def.check === 'less_than' && when === undefined && typeof def.value === 'number') {
    const bound = def.value;
    return def.inclusive ? (value) => (value as number) <= bound : (value) => (value as number) < bound;
  }
  if (def.check === 'number_format' && when === undefined && def.format === 'safeint') {
    return (value) => Number.isSafeInteger(value);
  }
  if (def.check === 'string_format' && when === undefined && def.format === 'date' && def.pattern !== undefined) {
    // z.iso.date()'s check is its pattern alone (no `g` flag, so no lastIndex to reset).
    const pattern = def.pattern;
    if (pattern.global || pattern.sticky) return general;
    return (value) => pattern.test(value as string);
  }
  if (def.check === 'max_length' && typeof def.maximum === 'number') {
    // Fewer UTF-16 units than the bound means fewer code points too.
    const maximum = def.maximum;
    return (value) => (typeof value === 'string' && value.length <= maximum) || general(value);
  }
  if (def.check === 'min_length' && typeof def.minimum === 'number') {
    // Twice the bound in UTF-16 units is at least the bound in code points.
    const twice = def.minimum * 2;
    return (value) => (typeof value === 'string' && value.length >= twice) || general(value);
  }
  return general;
}

// ---------------------------------------------------------------------------------------------
// Generated object parsers. The closures above read every member through one shared call site
// and one keyed load or store: megamorphic, and no member's parse can be inlined. Code generated
// per object shape names each member at a site of its own. On the bench batch (valid records,
// scripts/bench.ts's generator) parseRecordToSlots went from ~235k to ~400k records/s.

/** Whether to generate code: as asked, else unless zod is told not to (a refused `new Function` is seen when building). */
function generates(options: CompileFastParserOptions): boolean {
  return options.generate ?? z.config().jitless !== true;
}

/**
 * The members' parses are passed in as p0, p1 …; keys are written as JSON string literals.
 * Undefined where `new Function` is refused (a CSP): the closures parse.
 */
function build(members: readonly Member[], keySet: ReadonlySet<string>, body: string[]): FastParser | undefined {
  const make = newFunction(['FAILED', 'keySet', ...members.map((_, i) => `p${i}`)], body.join('\n'));
  return make?.(FAILED, keySet, ...members.map((member) => member.parse)) as FastParser | undefined;
}

/** The statement for member i's key being absent (`in` found nothing), storing to `at`. */
function absentMember(absence: Absence, i: number, at: string): string {
  switch (absence) {
    case 'refuse':
      return 'return FAILED;';
    case 'omit':
      return '';
    case 'default':
      return `r = p${i}(undefined); if (r === FAILED) return FAILED; ${at} = r;`;
    case 'defaultOrOmit':
      return `r = p${i}(undefined); if (r !== FAILED && r !== undefined) ${at} = r;`;
    case 'parse':
      return `r = p${i}(undefined); if (r === FAILED) return FAILED; if (r !== undefined) ${at} = r;`;
  }
}

const NOT_AN_OBJECT = 'if (typeof value !== "object" || value === null || Array.isArray(value)) return FAILED;';
const STRICT_KEYS = 'for (const key in value) if (!keySet.has(key)) return FAILED;';

/** `compileObject`'s closure as code: the members in the shape's order, each by its own name. */
function generatedObject(members: readonly Member[], strict: boolean, keySet: ReadonlySet<string>): FastParser | undefined {
  const body = [NOT_AN_OBJECT, strict ? STRICT_KEYS : '', 'const out = {};', 'let r;'];
  members.forEach(({ key, absence }, i) => {
    const k = JSON.stringify(key);
    body.push(`if (${k} in value) { r = p${i}(value[${k}]); if (r === FAILED) return FAILED; out[${k}] = r; } else { ${absentMember(absence, i, `out[${k}]`)} }`);
  });
  body.push('return out;');
  return build(members, keySet, ['return function parseObject(value) {', ...body, '};']);
}

/**
 * `compileSlottedObject`'s closure as code: the input's keys walked first, each member's parse
 * called from its own `case` (the walk's read stays quick on facts objects of many shapes, where
 * a load per member name would not), then the members not found looked for by `in`.
 */
function generatedSlotted(members: readonly Member[], strict: boolean, keySet: ReadonlySet<string>, slotOf: readonly number[], slots: number): FastParser | undefined {
  // Which members the walk found: 30 bits to a variable (small integers).
  const seen = (i: number): string => `seen${Math.floor(i / 30)}`;
  const bit = (i: number): number => 1 << i % 30;
  const body = [NOT_AN_OBJECT, `const out = [${Array.from({ length: slots }, () => 'undefined').join(', ')}];`, 'let r;'];
  for (let w = 0; w * 30 < members.length; w += 1) body.push(`let seen${w} = 0;`);
  body.push('for (const key in value) switch (key) {');
  members.forEach(({ key }, i) => {
    body.push(`case ${JSON.stringify(key)}: r = p${i}(value[key]); if (r === FAILED) return FAILED; out[${slotOf[i]!}] = r; ${seen(i)} |= ${bit(i)}; break;`);
  });
  body.push(`default: ${strict ? 'if (!keySet.has(key)) return FAILED;' : ''}`, '}');
  members.forEach(({ key, absence }, i) => {
    const k = JSON.stringify(key);
    const at = `out[${slotOf[i]!}]`;
    body.push(`if ((${seen(i)} & ${bit(i)}) === 0) { if (${k} in value) { r = p${i}(value[${k}]); if (r === FAILED) return FAILED; ${at} = r; } else { ${absentMember(absence, i, at)} } }`);
  });
  body.push('return out;');
  return build(members, keySet, ['return function parseSlots(value) {', ...body, '};']);
}
