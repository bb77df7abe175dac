import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordArbitrary } from '../../arbitraries.js';
import { createEvaluator } from '../../evaluate.js';
import { deepFreeze } from '../../util/deepFreeze.js';
import { resultOf } from './batch.js';
import { JsonBytes } from './jsonBytes.js';

/** What JsonBytes must write: JSON.stringify's text as UTF-8, or nothing when it gives undefined. */
function expected(value: unknown): Buffer {
  const text = JSON.stringify(value) as string | undefined;
  return Buffer.from(text ?? '');
}

function written(json: JsonBytes, value: unknown): Buffer {
  json.reset();
  const wrote = json.write(value);
  expect(wrote).toBe(JSON.stringify(value) !== undefined);
  return Buffer.from(json.bytes.subarray(0, json.length));
}

/** Strings with what JSON.stringify escapes or encodes specially: quotes, controls, lone and paired surrogates, CJK, U+2028. */
const oddString = fc.string({
  unit: fc.oneof(
    fc.constantFrom('"', '\\', '\n', '\u0000', '\u001f', '\u007f', '\u2028', '\ud800', '\udfff', '😀', '社', 'é', '/', 'a'),
    fc.string({ unit: 'binary', maxLength: 2 }),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  ),
  maxLength: 12,
});

const oddNumber = fc.oneof(fc.double(), fc.constantFrom(-0, 0, NaN, Infinity, -Infinity, 1e21, 1e-7, -1.5, 2 ** 53), fc.integer());

/** Values as JSON.stringify sees them: undefined, functions and symbols included (left out or null). */
const leaf = fc.oneof(
  oddString,
  oddNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(() => 1),
  fc.constant(Symbol('s')),
);

const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.dictionary(oddString, tie('tree'), { maxKeys: 5 }),
    // Keys that look like array indices come first in JSON.stringify's order.
    fc.dictionary(fc.oneof(oddString, fc.nat(20).map(String)), tie('tree'), { maxKeys: 4, noNullPrototype: false }),
  ),
}));

/** A deep copy of `value` in which some objects are deep-frozen and the frozen ones are shared between copies. */
function withFrozenParts(value: unknown, freeze: (path: string) => boolean, path = ''): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const copy: unknown = Array.isArray(value)
    ? value.map((v, i) => withFrozenParts(v, freeze, `${path}/${i}`))
    : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withFrozenParts(v, freeze, `${path}/${k}`)]));
  return freeze(path) ? deepFreeze(copy) : copy;
}

describe('JsonBytes', () => {
  it('writes the UTF-8 bytes of JSON.stringify for any value, frozen parts written before or not', () => {
    const json = new JsonBytes(16);
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 4 }), fc.func(fc.boolean()), (values, freeze) => {
        for (const value of values) {
          // The same value three times: plain, with frozen parts (cached on first write), and again (from the cache).
          const frozen = withFrozenParts(value, freeze);
          expect(written(json, value).equals(expected(value))).toBe(true);
          expect(written(json, frozen).equals(expected(frozen))).toBe(true);
          expect(written(json, frozen).equals(expected(frozen))).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('writes objects right when they share frozen parts but differ elsewhere (the memo of an object written before)', () => {
    const json = new JsonBytes(16);
    const frozenValue = fc.oneof(tree, leaf).map((v) => deepFreeze(typeof v === 'object' && v !== null ? v : { v }));
    const field = fc.oneof(leaf, frozenValue, fc.constant({ fresh: 1 }));
    fc.assert(
      fc.property(fc.array(frozenValue, { minLength: 1, maxLength: 3 }), fc.array(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'message', '1'), field, fc.nat(2)), { maxLength: 6 }), { minLength: 2, maxLength: 8 }), (shared, objects) => {
        for (const fields of objects) {
          const object: Record<string, unknown> = {};
          // Every object ends with one of the shared frozen values: objects of different shapes and values find the same memo.
          for (const [key, value] of fields) object[key] = value;
          object.message = shared[fields.length % shared.length];
          if (fields.length > 0) object[fields[0]![0]] = fields[0]![2] === 0 ? undefined : shared[fields[0]![2] % shared.length];
          expect(written(json, object).equals(expected(object))).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('writes objects replayed from a memo right whichever of their fields differ (long runs copied from the memo, odd strings written)', () => {
    const json = new JsonBytes(16);
    // Finding-like objects: the same keys, a shared frozen message last (the anchor), long shared
    // values between the fields that change, so that the memo's bytes after any field are copied.
    const keys = ['recordId', 'ruleId', 'city', 'kind', 'binding', 'citation', 'status', 'expected', 'message'] as const;
    const long = 'a long shared value, longer than thirty-two bytes: 第十条第一款';
    const citations = [deepFreeze({ label: '第十条', text: long }), deepFreeze({ label: '（三）', text: `${long}\u2028"` })];
    const messages = [deepFreeze({ zh: `不适用：${long}`, en: 'n/a' }), deepFreeze({ zh: '符合', en: `ok ${long}` })];
    const fieldValue = (key: (typeof keys)[number]) =>
      key === 'citation'
        ? fc.constantFrom(...citations)
        : key === 'message'
          ? fc.constantFrom(...messages)
          : fc.oneof(oddString, fc.constantFrom(long, `${long}!`), oddNumber, fc.boolean(), fc.constant(undefined), fc.constant({ fresh: long }));
    const object = fc.tuple(...keys.map(fieldValue)).map((values) => Object.fromEntries(keys.map((key, i) => [key, values[i]])));
    fc.assert(
      fc.property(fc.array(object, { minLength: 2, maxLength: 12 }), (objects) => {
        for (const value of objects) {
          expect(written(json, value).equals(expected(value))).toBe(true);
          // The same object with only its first field changed: the rest is one run from the memo.
          const again = { ...value, recordId: `${String(value.recordId)}-2` };
          expect(written(json, again).equals(expected(again))).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('writes check results of generated records exactly as JSON.stringify, over and over (cached citations and messages)', () => {
    const evaluator = createEvaluator({ asOf: '2024-06-01' });
    const json = new JsonBytes();
    const position = fc.record({ line: fc.nat(), multiFile: fc.boolean(), file: oddString });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(recordArbitrary, fc.anything()), position), { minLength: 1, maxLength: 8 }), (cases) => {
        for (const [record, { line, multiFile, file }] of cases) {
          const result = resultOf({ type: 'record', file, line, value: record }, { multiFile }, (r) => evaluator.evaluateSync(r));
          expect(written(json, result).equals(expected(result))).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves what it does not handle to JSON.stringify: toJSON, dates, boxed values, polluted prototypes; throws what it throws', () => {
    const json = new JsonBytes(16);
    const odd: unknown[] = [
      new Date(0),
      { a: new Date(1), b: [new Date(2)] },
      { toJSON: () => ({ x: 1 }) },
      { toJSON: 5, y: 2 },
      Object.assign([1, 2], { toJSON: (key: string) => `k${key}` }),
      { n: new Number(3), s: new String('s'), b: new Boolean(false) },
      new Map([[1, 2]]),
      Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true } }),
      Object.create(null, { z: { value: 'null proto', enumerable: true } }),
      { get g() { return 'getter'; } },
      [undefined, () => 1, Symbol('x')],
      { deep: JSON.parse(`${'['.repeat(200)}1${']'.repeat(200)}`) as unknown },
    ];
    for (const value of odd) expect(written(json, value).equals(expected(value))).toBe(true);

    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => json.write(cyclic)).toThrow(TypeError);
    expect(() => json.write({ big: 1n })).toThrow(TypeError);

    const frozen = deepFreeze({ citation: '第十条' });
    expect(written(json, { frozen }).equals(expected({ frozen }))).toBe(true);
    const proto = Object.prototype as { toJSON?: unknown };
    proto.toJSON = () => 'polluted';
    try {
      expect(written(json, { frozen }).toString()).toBe('"polluted"');
    } finally {
      delete proto.toJSON;
    }
    expect(written(json, { frozen }).equals(expected({ frozen }))).toBe(true);
  });
});
