import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { recordArbitrary } from './arbitraries.js';
import { compileFastParser, FAST_PARSE_FAILED, type FastParserFallback } from './compileFastParser.js';
import { RECORD_KINDS } from '../types.js';
import { recordSchemas, type RecordSchemas } from './record.js';
import { factSlotNames, lenientRecordSchemas, parseRecordToSlots, validateRecord, validateRecordWithZod } from './validateRecord.js';

/**
 * Where `a` and `b` first differ, or null when they are the same value in every respect a caller
 * can see: `Object.is` on primitives (so -0 ≠ 0, NaN = NaN), prototypes, own keys in order
 * (an own key holding `undefined` counts), array holes.
 */
function firstDifference(a: unknown, b: unknown, path = '(root)'): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path}: ${String(a)} vs ${String(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs not`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: prototypes differ`;
  const keysA = Reflect.ownKeys(a);
  const keysB = Reflect.ownKeys(b);
  if (keysA.join('\u0000') !== keysB.join('\u0000')) return `${path}: keys [${keysA.map(String).join(', ')}] vs [${keysB.map(String).join(', ')}]`;
  for (const key of keysA) {
    const found = firstDifference((a as Record<PropertyKey, unknown>)[key], (b as Record<PropertyKey, unknown>)[key], `${path}.${String(key)}`);
    if (found !== null) return found;
  }
  return null;
}

/** The fast parser's answer and zod's agree: both refuse, or both accept with the same value. */
function expectSameAsZod(parse: (value: unknown) => unknown, schema: z.ZodType, input: unknown): void {
  const fast = parse(input);
  const zod = schema.safeParse(input);
  expect({ fastAccepts: fast !== FAST_PARSE_FAILED, zodAccepts: zod.success }).toEqual({ fastAccepts: zod.success, zodAccepts: zod.success });
  if (zod.success) expect(firstDifference(fast, zod.data)).toBeNull();
}

// ---------------------------------------------------------------------------------------------
// Mutated records: a valid record with a few things broken anywhere in it.

/** Values that break schemas in the ways a JSON producer or a library caller might. */
const NASTY_VALUES: readonly (() => unknown)[] = [
  () => NaN,
  () => -0,
  () => Infinity,
  () => -Infinity,
  () => 1e308,
  () => 2 ** 53,
  () => -(2 ** 53) - 2,
  () => 9_007_199_254_740_991,
  () => -1,
  () => 0.5,
  () => 0,
  () => '',
  () => 'urban',
  () => 'x'.repeat(201),
  // 150 emoji: 300 UTF-16 units but 150 code points (zod counts code points).
  () => '😀'.repeat(150),
  () => '😀',
  () => '2024-02-29',
  () => '2023-02-29',
  () => '2024-2-01',
  () => null,
  () => undefined,
  () => true,
  () => false,
  () => [],
  () => {
    const sparse: unknown[] = [];
    sparse[2] = 'serviceHall';
    return sparse;
  },
  () => [undefined],
  () => ['serviceHall', 'serviceHall'],
  () => [{ areaSqm: 10 }],
  () => [{ year: 2020, amountYuan: 1 }, { year: 2020, amountYuan: 2 }],
  () => ({}),
  () => Object.create(null) as object,
  () => JSON.parse('{"__proto__": {"households": 1}}') as unknown,
  () => new Date(0),
  () => 10n,
];

/** Numbers at the edges of what a number, an integer or a count accepts. */
const EDGE_NUMBERS: readonly number[] = [NaN, -0, Infinity, -Infinity, 1e308, 2 ** 53, -(2 ** 53), 2 ** 53 - 1, -1, -1e-9, 0.5, 1e21];

/** Keys an extra member may have: typos, prototype names, an own `__proto__`. */
const EXTRA_KEYS = ['note', 'households', 'setting', 'id', 'kind', 'facts', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '0'];

type Mutation =
  | { op: 'set'; at: number; value: number }
  | { op: 'number'; at: number; value: number }
  | { op: 'delete'; at: number }
  | { op: 'add'; at: number; key: number; value: number }
  | { op: 'inherit'; at: number; key: number; value: number };

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: fc.nat() }),
  fc.record({ op: fc.constant('number' as const), at: fc.nat(), value: fc.nat() }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('add' as const), at: fc.nat(), key: fc.nat(), value: fc.nat() }),
  fc.record({ op: fc.constant('inherit' as const), at: fc.nat(), key: fc.nat(), value: fc.nat() }),
);

/** A deep copy of plain JSON-like data (objects and arrays; holes kept). */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    value.forEach((item, i) => (out[i] = copy(item)));
    return out;
  }
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) define(out, key, copy((value as Record<string, unknown>)[key]));
    return out;
  }
  return value;
}

/** An own data property, even for `__proto__`. */
function define(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Every object and array in `root` with the key under which it is held (null for the root). */
function containers(root: unknown): Array<{ parent: Record<string, unknown> | null; key: string; value: object }> {
  const out: Array<{ parent: Record<string, unknown> | null; key: string; value: object }> = [];
  const walk = (value: unknown, parent: Record<string, unknown> | null, key: string): void => {
    if (typeof value !== 'object' || value === null) return;
    out.push({ parent, key, value });
    for (const k of Object.keys(value)) walk((value as Record<string, unknown>)[k], value as Record<string, unknown>, k);
  };
  walk(root, null, '');
  return out;
}

function mutate(record: unknown, mutations: readonly Mutation[]): unknown {
  let root = copy(record);
  for (const mutation of mutations) {
    const places = containers(root);
    // The record itself was replaced by a primitive: nothing left to break.
    if (places.length === 0) break;
    const place = places[mutation.at % places.length]!;
    const target = place.value as Record<string, unknown>;
    const ownKeys = Object.keys(target);
    switch (mutation.op) {
      case 'set': {
        const value = NASTY_VALUES[mutation.value % NASTY_VALUES.length]!();
        if (ownKeys.length === 0 || mutation.at % 7 === 0) {
          // Replace the container itself.
          if (place.parent === null) root = value;
          else define(place.parent, place.key, value);
        } else {
          define(target, ownKeys[mutation.value % ownKeys.length]!, value);
        }
        break;
      }
      case 'number': {
        // A number anywhere in the record becomes an edge number.
        const numbers = places.flatMap(({ value }) =>
          Object.keys(value)
            .filter((key) => typeof (value as Record<string, unknown>)[key] === 'number')
            .map((key) => ({ value, key })),
        );
        const chosen = numbers[mutation.at % Math.max(1, numbers.length)];
        if (chosen !== undefined) define(chosen.value, chosen.key, EDGE_NUMBERS[mutation.value % EDGE_NUMBERS.length]);
        break;
      }
      case 'delete':
        if (ownKeys.length > 0) delete target[ownKeys[mutation.at % ownKeys.length]!];
        break;
      case 'add':
        define(target, EXTRA_KEYS[mutation.key % EXTRA_KEYS.length]!, NASTY_VALUES[mutation.value % NASTY_VALUES.length]!());
        break;
      case 'inherit': {
        // The same members, but some of them inherited from a prototype (zod reads and counts those).
        if (Array.isArray(target) || ownKeys.length === 0) break;
        const proto: Record<string, unknown> = {};
        const moved = ownKeys[mutation.key % ownKeys.length]!;
        define(proto, moved, target[moved]);
        const child = Object.create(proto) as Record<string, unknown>;
        for (const key of ownKeys) if (key !== moved) define(child, key, target[key]);
        if (place.parent === null) root = child;
        else define(place.parent, place.key, child);
        break;
      }
    }
  }
  return root;
}

const mutatedRecordArbitrary: fc.Arbitrary<unknown> = fc
  .tuple(recordArbitrary, fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }))
  .map(([record, mutations]) => mutate(record, mutations));

const MODES: ReadonlyArray<{ name: string; schemas: RecordSchemas; allowUnknownKeys: boolean }> = [
  { name: 'strict', schemas: recordSchemas, allowUnknownKeys: false },
  { name: 'lenient (allowUnknownKeys)', schemas: lenientRecordSchemas, allowUnknownKeys: true },
];

/** The record schema's parsers as code generated per shape (the default) and as closures only. */
const GENERATE = [
  { code: 'generated code', generate: true },
  { code: 'closures only', generate: false },
] as const;

describe.each(MODES.flatMap((mode) => GENERATE.map((g) => ({ ...mode, ...g }))))('compileFastParser on the $name record schema ($code)', ({ schemas, allowUnknownKeys, generate }) => {
  const parse = compileFastParser(schemas.record, { generate });
  // parseRecordToSlots' parser, compiled here with `generate` (the package compiles it with the default).
  const slotNames = new Map<z.core.$ZodType, readonly string[]>(RECORD_KINDS.map((kind) => [schemas.byKind[kind].shape.facts.unwrap(), factSlotNames(kind)]));
  const parseToSlots = compileFastParser(schemas.record, { generate, slots: (schema) => slotNames.get(schema) });

  it('accepts every generated valid record, parsed exactly as zod parses it', () => {
    fc.assert(
      fc.property(recordArbitrary, (record) => {
        const fast = parse(record);
        const zod = schemas.record.parse(record);
        expect(fast).not.toBe(FAST_PARSE_FAILED);
        expect(firstDifference(fast, zod)).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });

  it('decides like zod on mutated records (wrong types, extra and missing keys, NaN, -0, huge numbers, prototype keys, sparse arrays), with the same value when valid', () => {
    fc.assert(
      fc.property(mutatedRecordArbitrary, (input) => {
        expectSameAsZod(parse, schemas.record, input);
        // The public function answers exactly as the zod path, errors and all.
        expect(firstDifference(validateRecord(input, { allowUnknownKeys }), validateRecordWithZod(input, { allowUnknownKeys }))).toBeNull();
      }),
      { numRuns: 2500 },
    );
  });

  it('parses into slots exactly what it accepts: validateRecord’s record with the facts at their slots (parseRecordToSlots)', () => {
    fc.assert(
      fc.property(fc.oneof(recordArbitrary, mutatedRecordArbitrary), (input) => {
        const slotted = parseRecordToSlots(input, { allowUnknownKeys });
        expect(slotted !== undefined).toBe(parse(input) !== FAST_PARSE_FAILED);
        expect(firstDifference(parseToSlots(input), slotted ?? FAST_PARSE_FAILED)).toBeNull();
        if (slotted === undefined) return;
        const validation = validateRecordWithZod(input, { allowUnknownKeys });
        if (!validation.ok) throw new Error('slotted a record zod refuses');
        const { facts, ...envelope } = validation.record;
        const inSlots = factSlotNames(validation.record.kind).map((name) => (Object.hasOwn(facts, name) ? (facts as Record<string, unknown>)[name] : undefined));
        expect(firstDifference(slotted, { ...envelope, facts: inSlots })).toBeNull();
      }),
      { numRuns: 2500 },
    );
  });

  it('returns a fresh record that shares no object with the input', () => {
    fc.assert(
      fc.property(recordArbitrary, (record) => {
        const parsed = parse(record);
        const inputObjects = new Set(containers(record).map((c) => c.value));
        expect(containers(parsed).filter((c) => inputObjects.has(c.value))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('compileFastParser: generated code', () => {
  afterEach(() => {
    z.config({ jitless: false });
    vi.restoreAllMocks();
  });
  const schema = z.strictObject({ a: z.string(), b: z.int().optional() });

  it('generates an object\'s parser by default, and none where zod would not (z.config({ jitless: true }))', () => {
    const made = vi.spyOn(globalThis, 'Function');
    compileFastParser(schema);
    expect(made).toHaveBeenCalledTimes(1);
    z.config({ jitless: true });
    const parse = compileFastParser(schema);
    expect(made).toHaveBeenCalledTimes(1);
    expect(parse({ a: 'x', b: 2 })).toEqual({ a: 'x', b: 2 });
    expect(parse({ a: 'x', c: 2 })).toBe(FAST_PARSE_FAILED);
  });
});

describe('compileFastParser: what it leaves to zod', () => {
  it('leaves nothing of the record schema to zod (the budgets\' refinement runs as zod runs it)', () => {
    // Arrange
    const fallbacks: FastParserFallback[] = [];
    // Act
    compileFastParser(recordSchemas.record, { onFallback: (fallback) => fallbacks.push(fallback) });
    // Assert
    expect(fallbacks).toEqual([]);
  });

  it('leaves an asynchronous refinement to zod (FAST_PARSE_FAILED), never calls it passed', async () => {
    const schema = z.object({ n: z.number().refine(async (n) => n !== 3) });
    const parse = compileFastParser(schema);
    expect(parse({ n: 4 })).toBe(FAST_PARSE_FAILED);
    await expect(schema.safeParseAsync({ n: 4 })).resolves.toMatchObject({ success: true });
  });

  it('refuses a repeated budget year (the refinement), and accepts distinct years', () => {
    const parse = compileFastParser(recordSchemas.record);
    const record = (years: number[]) => ({
      id: 'SY-1',
      city: 'shenyang',
      kind: 'community',
      facts: { budgets: years.map((year) => ({ year, amountYuan: 1 })) },
    });
    expect(parse(record([2020, 2020]))).toBe(FAST_PARSE_FAILED);
    expect(parse(record([2020, 2021]))).toMatchObject({ facts: { budgets: [{ year: 2020 }, { year: 2021 }] } });
  });
});

// ---------------------------------------------------------------------------------------------
// Schema forms the record contract does not use today, each against zod on any value.

const SMALL_SCHEMAS: ReadonlyArray<[string, z.ZodType]> = [
  ['optional default', z.object({ a: z.enum(['x', 'y']).default('x').optional(), b: z.int().optional() })],
  ['nullable and literal', z.strictObject({ a: z.literal('k'), b: z.number().nullable().optional(), c: z.string().nullable() })],
  ['prefault and strip', z.object({ inner: z.object({ d: z.boolean().default(true) }).prefault({}) })],
  ['lengths and bounds', z.strictObject({ s: z.string().min(2).max(3).optional(), n: z.number().gt(-1).lt(10).optional(), l: z.array(z.int()).min(1).max(2).optional() })],
  ['refinement (zod\'s own check function)', z.object({ n: z.number().refine((n) => n !== 3) })],
  ['superRefine on an array', z.strictObject({ l: z.array(z.int()).superRefine((l, ctx) => { if (new Set(l).size !== l.length) ctx.addIssue({ code: 'custom', message: 'twice' }); }).optional() })],
  ['transform (left to zod)', z.object({ n: z.string().transform((s) => s.length) })],
  ['plain union (left to zod)', z.union([z.string(), z.number()]).optional()],
  ['loose object (left to zod)', z.looseObject({ a: z.string().optional() })],
  ['coerced number (left to zod)', z.object({ n: z.coerce.number().optional() })],
  ['unknown member', z.strictObject({ u: z.unknown(), v: z.any().optional() })],
  [
    'discriminated union',
    z.discriminatedUnion('t', [z.object({ t: z.literal('a'), n: z.int() }), z.strictObject({ t: z.enum(['b', 'c']), s: z.string().optional() })]),
  ],
];

const interestingValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ withNullPrototype: true, withSparseArray: true, withBigInt: true, withBoxedValues: true }),
  fc.constantFrom(...NASTY_VALUES.map((make) => make())),
);
/** Objects made of the keys and values the small schemas care about. */
const smallObject: fc.Arbitrary<unknown> = fc.dictionary(
  fc.constantFrom('a', 'b', 'c', 'd', 'n', 's', 'l', 't', 'u', 'v', 'inner', '__proto__', 'constructor', 'x'),
  fc.oneof(
    interestingValue,
    fc.constantFrom('x', 'y', 'k', 'a', 'b', 'c', 'ab', 'abc', 'abcd', '😀😀', 3, 2, -1, 10, 9.5),
    fc.array(fc.integer({ min: -2, max: 2 }), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('d', 'e'), fc.oneof(fc.boolean(), fc.constant(undefined)), { maxKeys: 2 }),
  ),
  { maxKeys: 5, noNullPrototype: false },
);

/** The slotted parse of `{ inner: value }` decides like zod, with zod's parsed members at their slots. */
function expectSlotsAsZod(parse: (value: unknown) => unknown, schema: z.ZodType, value: unknown, names: readonly string[]): void {
  const input = { inner: value };
  const fast = parse(input);
  const zod = schema.safeParse(input);
  expect(fast !== FAST_PARSE_FAILED).toBe(zod.success);
  if (!zod.success) return;
  const parsed = (zod.data as { inner: Record<string, unknown> }).inner;
  expect(firstDifference(fast, { inner: names.map((name) => (Object.hasOwn(parsed, name) ? parsed[name] : undefined)) })).toBeNull();
}

describe.each(GENERATE)('compileFastParser with slots ($code)', ({ generate }) => {
  // An object compiled into slots, and one left to zod (loose) whose parsed object is laid out in them.
  const schemas: ReadonlyArray<[string, z.ZodObject]> = [
    ['strict', z.strictObject({ a: z.enum(['x', 'y']).default('x'), n: z.int().optional(), s: z.string().optional() })],
    ['loose (left to zod)', z.looseObject({ a: z.enum(['x', 'y']).default('x'), n: z.int().optional(), s: z.string().optional() })],
    // A member Object.prototype has too: `in` finds it on every object, where `for…in` does not.
    ['strict, with a prototype key', z.strictObject({ a: z.enum(['x', 'y']).default('x'), n: z.int().optional(), constructor: z.string().optional() })],
  ];
  const names = ['s', 'unused', 'n', 'a', 'constructor'];
  it.each(schemas)('%s: accepts what zod accepts, with the parsed members at their slots', (_name, inner) => {
    const schema = z.object({ inner });
    const parse = compileFastParser(schema, { generate, slots: (s) => (s === inner ? names : undefined) });
    fc.assert(
      fc.property(fc.oneof(smallObject, interestingValue), (value) => expectSlotsAsZod(parse, schema, value, names)),
      { numRuns: 300 },
    );
  });

  it('parses an object of more than 52 members (past the two masks of found members) as zod does', () => {
    const keys = Array.from({ length: 60 }, (_, i) => `m${i}`);
    const inner = z.strictObject(Object.fromEntries(keys.map((key, i) => [key, i === 55 ? z.int().default(7) : z.int().optional()])));
    const schema = z.object({ inner });
    const parse = compileFastParser(schema, { generate, slots: (s) => (s === inner ? keys : undefined) });
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys, 'extra'), fc.oneof(fc.integer(), fc.string()), { maxKeys: 12 }), (value) =>
        expectSlotsAsZod(parse, schema, value, keys),
      ),
      { numRuns: 300 },
    );
  });

  it.each(schemas)('%s: reads members as zod does from objects JSON never makes (inherited, non-enumerable, getters)', (_name, inner) => {
    const schema = z.object({ inner });
    const parse = compileFastParser(schema, { generate, slots: (s) => (s === inner ? names : undefined) });
    const hidden = (key: string, value: unknown): object => Object.defineProperty({ a: 'y' }, key, { value, enumerable: false });
    const inputs: unknown[] = [
      Object.create({ n: 3 }),
      Object.create({ n: 'three' }),
      Object.assign(Object.create({ zz: 1 }), { a: 'x' }),
      hidden('n', 4),
      hidden('n', 'four'),
      hidden('zz', 1),
      hidden('s', undefined),
      { a: undefined, n: undefined },
      Object.defineProperty({}, 's', { get: () => 'got', enumerable: true }),
      Object.defineProperty({}, 's', { get: () => 'hidden', enumerable: false }),
      Object.assign(Object.create(null), { n: 5, a: 'y' }),
    ];
    for (const value of inputs) expectSlotsAsZod(parse, schema, value, names);
  });
});

describe.each(SMALL_SCHEMAS.flatMap(([name, schema]) => GENERATE.map(({ code, generate }) => ({ name, schema, code, generate }))))('compileFastParser on $name ($code)', ({ schema, generate }) => {
  it('decides like zod and gives the same value on any input', () => {
    const parse = compileFastParser(schema, { generate });
    fc.assert(
      fc.property(fc.oneof(smallObject, interestingValue), (input) => expectSameAsZod(parse, schema, input)),
      { numRuns: 300 },
    );
  });
});
