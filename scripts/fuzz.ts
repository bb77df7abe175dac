/**
 * The long adversarial run (issue #9): `npm run fuzz` (default 200,000 cases in all), or
 * `npm run fuzz -- --cases 1000000 --seed 42`. Prints what it tried and what held; exits 1 on the
 * first property that fails (with fast-check's counterexample and seed to replay it).
 *
 * Properties, each over a share of the cases:
 *   - library: evaluateSync(fc.anything()) never throws and always answers valid + errors or findings;
 *   - records: every generated valid record evaluates valid, with one finding per check and no
 *     Infinity/NaN in any message;
 *   - arrays: a JSON array of records with cut elements read by the streaming reader gives every
 *     intact element, valid, with its index, every cut one invalid at its index, and counts the cut
 *     ones as undelimited — also when the elements list their keys in differing orders; random
 *     damage anywhere never throws;
 *   - NDJSON: any bytes (BOM, CR, NUL, UTF-16, long lines) split into lines never throw and give
 *     at most one item per physical line.
 */
import fc from 'fast-check';
import { parseArgs } from 'node:util';
import { JsonArrayReader } from '../src/cli/check/read/jsonArrayReader.js';
import { NdjsonReader } from '../src/cli/check/read/ndjsonReader.js';
import type { InputItem } from '../src/cli/check/input.js';
import { evaluateSync } from '../src/evaluate.js';
import { recordArbitrary } from '../src/schema/arbitraries.js';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '200000' }, seed: { type: 'string' } } });
const total = Number(values.cases);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);

interface Section {
  name: string;
  share: number;
  tried: string;
  held: string;
  property: (runs: number) => fc.IProperty<never> | fc.IPropertyWithHooks<never>;
}

function readArray(bytes: Buffer, chunk: number): InputItem[] & { undelimited: number } {
  const reader = new JsonArrayReader('fuzz.json', { maxElementBytes: 1 << 20 });
  const items: InputItem[] = [];
  for (let at = 0; at < bytes.length; at += chunk) items.push(...reader.push(bytes.subarray(at, at + chunk)));
  items.push(...reader.end());
  return Object.assign(items, { undelimited: reader.undelimited });
}

/** The record with its top-level keys rotated by `turn` (so any of them can come first). */
function rotated(record: object, turn: number): object {
  const entries = Object.entries(record);
  const start = turn % entries.length;
  return Object.fromEntries([...entries.slice(start), ...entries.slice(0, start)]);
}

/**
 * The cut-elements invariant (issue #9): `texts` are the elements as written (element 0 whole),
 * `cut[i]` whether element i was cut short. Every whole element comes back valid with its own
 * index and value, every cut one invalid at its own index, nothing else, and the summary's
 * undelimited count is the number of cut elements.
 */
function cutElementsHold(texts: string[], cut: boolean[], separator: string, chunk: number): boolean {
  const items = readArray(Buffer.from(`[${texts.join(separator)}]`), chunk);
  const indexes = items.flatMap((i) => (i.type !== 'unreadable' && i.index !== undefined ? [i.index] : []));
  if (indexes.length !== texts.length || indexes.some((index, k) => index !== k)) return false;
  if (items.undelimited !== cut.filter(Boolean).length) return false;
  return items.every((item, index) => {
    if (cut[index] === true) return item.type === 'unparsable' && item.undelimited === true;
    return item.type === 'record' && JSON.stringify(item.value) === texts[index];
  });
}

const sections: Section[] = [
  {
    name: 'library: evaluateSync(fc.anything())',
    share: 0.3,
    tried: 'any JS value (objects, arrays, numbers, strings, null, undefined, -0, NaN, sparse arrays)',
    held: 'never threw; always valid:false with errors, or valid:true with findings',
    property: () =>
      fc.property(fc.anything({ withBigInt: false, withSparseArray: true, withNullPrototype: true, withObjectString: true }), (value) => {
        const result = evaluateSync(value as never);
        if (result.valid) return Array.isArray(result.findings);
        return Array.isArray(result.errors) && result.errors.length > 0 && result.findings.length === 0;
      }) as never,
  },
  {
    name: 'records: valid records',
    share: 0.2,
    tried: 'records of all 17 kinds from src/schema/arbitraries.ts, values straddling the thresholds',
    held: 'valid; every message free of Infinity/NaN/undefined',
    property: () =>
      fc.property(recordArbitrary, (record) => {
        const result = evaluateSync(record as never);
        if (!result.valid) return false;
        const text = JSON.stringify(result.findings.map((f) => f.message));
        return !/Infinity|NaN|undefined/.test(text);
      }) as never,
  },
  {
    name: 'arrays: cut elements',
    share: 0.2,
    tried: 'JSON arrays of 1–12 records, one per line or inline, some elements cut short, read in random chunk sizes',
    held: 'every intact element came back valid with its own index, every cut one invalid at its index; undelimited = cut elements',
    property: () =>
      fc.property(
        fc.array(fc.tuple(recordArbitrary, fc.option(fc.nat(), { freq: 4 })), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(',', ',\n', ',\r\n', ', '),
        fc.integer({ min: 1, max: 4096 }),
        (elements, separator, chunk) => {
          const texts = elements.map(([record, cut], index) => {
            const text = JSON.stringify(record);
            if (cut === null || index === 0) return text;
            const afterKey = text.indexOf(':') + 1;
            return text.slice(0, afterKey + (cut % (text.length - afterKey - 1)));
          });
          return cutElementsHold(texts, elements.map(([, cut], index) => cut !== null && index > 0), separator, chunk);
        },
      ) as never,
  },
  {
    name: 'arrays: cut elements, keys in any order',
    share: 0.1,
    tried: 'the same with each record\'s keys rotated (any envelope key first; the first element has them all)',
    held: 'every intact element came back valid with its own index, every cut one invalid at its index; undelimited = cut elements',
    property: () =>
      fc.property(
        fc.array(fc.tuple(recordArbitrary, fc.nat(), fc.option(fc.nat(), { freq: 4 })), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(',', ',\n', ',\r\n', ', '),
        fc.integer({ min: 1, max: 4096 }),
        (elements, separator, chunk) => {
          const texts = elements.map(([record, turn, cut], index) => {
            const text = JSON.stringify(rotated(index === 0 ? { asOf: '2024-01-01', facts: {}, ...record } : record, turn));
            if (cut === null || index === 0) return text;
            const afterKey = text.indexOf(':') + 1;
            return text.slice(0, afterKey + (cut % (text.length - afterKey - 1)));
          });
          return cutElementsHold(texts, elements.map(([, , cut], index) => cut !== null && index > 0), separator, chunk);
        },
      ) as never,
  },
  {
    name: 'arrays: damage anywhere',
    share: 0.1,
    tried: 'JSON arrays with 1–4 bytes dropped or brackets/quotes/commas/line ends put in at random',
    held: 'never threw; no index twice; something reported invalid whenever the text is not JSON',
    property: () =>
      fc.property(
        fc.array(recordArbitrary, { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('', '"', '[', ']', '{', '}', ',', '\n', '\\')), { minLength: 1, maxLength: 4 }),
        (records, damages) => {
          let text = `[${records.map((r) => JSON.stringify(r)).join(',\n')}]`;
          for (const [at, what] of damages) {
            const i = at % text.length;
            text = what === '' ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + what + text.slice(i);
          }
          const items = readArray(Buffer.from(text), 97);
          const indexes = items.flatMap((i) => (i.type !== 'unreadable' && i.index !== undefined ? [i.index] : []));
          let parses = true;
          try {
            JSON.parse(text);
          } catch {
            parses = false;
          }
          return new Set(indexes).size === indexes.length && (parses || items.some((i) => i.type === 'unparsable'));
        },
      ) as never,
  },
  {
    name: 'NDJSON: any bytes',
    share: 0.1,
    tried: 'random bytes mixed with records, CR/LF/CRLF, NUL, BOM, lines over a 256-byte limit',
    held: 'never threw; at most one item per physical line; overlong lines reported, not parsed',
    property: () =>
      fc.property(
        fc.array(fc.oneof(fc.uint8Array({ maxLength: 600 }), fc.constantFrom('{"id":"A"}', '\r', '\n', '\r\n', '\uFEFF', '\0').map((s) => Buffer.from(s))), { maxLength: 30 }),
        fc.integer({ min: 1, max: 512 }),
        (parts, chunk) => {
          const bytes = Buffer.concat(parts.map((p) => Buffer.from(p)));
          const reader = new NdjsonReader('fuzz.ndjson', { maxLineBytes: 256 });
          const items: Array<{ type: string; line?: number }> = [];
          for (let at = 0; at < bytes.length; at += chunk) items.push(...reader.push(bytes.subarray(at, at + chunk)));
          items.push(...reader.end());
          const lines = items.map((i) => i.line ?? 0);
          return new Set(lines).size === lines.length && lines.every((line, k) => k === 0 || line > (lines[k - 1] as number));
        },
      ) as never,
  },
];

let failed = false;
const started = performance.now();
console.log(`npm run fuzz: ${total.toLocaleString('en-US')} cases, seed ${seed}\n`);
for (const section of sections) {
  const runs = Math.max(1, Math.round(total * section.share));
  const t0 = performance.now();
  const outcome = fc.check(section.property(runs), { numRuns: runs, seed });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`${outcome.failed ? 'FAILED' : 'held  '}  ${section.name} — ${outcome.numRuns.toLocaleString('en-US')} cases in ${seconds} s`);
  console.log(`        tried: ${section.tried}`);
  if (outcome.failed) {
    failed = true;
    console.log(`        counterexample: ${fc.stringify(outcome.counterexample).slice(0, 2000)}`);
    console.log(`        replay: npm run fuzz -- --seed ${seed} (path ${outcome.counterexamplePath ?? ''})`);
    if (outcome.errorInstance) console.log(`        error: ${String(outcome.errorInstance).slice(0, 500)}`);
  } else {
    console.log(`        held:  ${section.held}`);
  }
}
console.log(`\n${failed ? 'some properties FAILED' : 'all properties held'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exitCode = failed ? 1 : 0;
