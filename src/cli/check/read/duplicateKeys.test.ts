import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLine } from './ndjsonReader.js';
import { JsonArrayReader } from './jsonArrayReader.js';
import { findDuplicateKey, scanForDuplicateKey } from './duplicateKeys.js';
import { validateRecord } from '../../../schema/validateRecord.js';

/** Keys and strings full of what a scanner could trip on: ':', quotes, escapes, brackets. */
const tricky = fc.string({ unit: fc.constantFrom('a', 'b', ':', '"', '\\', '{', '}', '[', ']', ',', ' ', 'é', '\n', '\u2028'), maxLength: 6 });

const json: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(tricky, fc.integer(), fc.boolean(), fc.constant(null)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(tricky, tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** A path into a value: object keys and array indexes. */
type Step = string | number;

/** Every object of `value` and where it is. */
function objectsIn(value: unknown, at: Step[] = []): Step[][] {
  if (typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => objectsIn(v, [...at, i]));
  return [at, ...Object.entries(value).flatMap(([k, v]) => objectsIn(v, [...at, k]))];
}

/**
 * JSON.stringify's text of `value`, but the object at `target` gives its key `key` a second time
 * (after its own keys), with `extra` as the repeated value.
 */
function withRepeat(value: unknown, target: Step[], key: string, extra: unknown, at: Step[] = []): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v, i) => withRepeat(v, target, key, extra, [...at, i])).join(',')}]`;
  const here = at.length === target.length && at.every((step, i) => step === target[i]);
  const members = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${withRepeat(v, target, key, extra, [...at, k])}`);
  if (here) members.push(`${JSON.stringify(key)}:${JSON.stringify(extra)}`);
  return `{${members.join(',')}}`;
}

/** A path as validation writes it: keys and indexes joined by dots (the keys here are short). */
const pathText = (steps: Step[]): string => steps.join('.');

describe('findDuplicateKey', () => {
  it('finds none in any text JSON.stringify writes (its keys are unique), however its strings read', () => {
    fc.assert(
      fc.property(json, fc.constantFrom(undefined, 1), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(findDuplicateKey(text, JSON.parse(text))).toBeUndefined();
        // The careful step agrees on its own, whatever the cheap one would have decided.
        expect(scanForDuplicateKey(text)).toBeUndefined();
      }),
    );
  });

  it('finds a key given twice in any object, deep or not, and names it and its path', () => {
    const repeated = json
      .filter((value) => objectsIn(value).some((at) => Object.keys(valueAt(value, at) as object).length > 0))
      .chain((value) => {
        const targets = objectsIn(value).filter((at) => Object.keys(valueAt(value, at) as object).length > 0);
        return fc.record({ value: fc.constant(value), target: fc.constantFrom(...targets), pick: fc.nat(), extra: json });
      });
    fc.assert(
      fc.property(repeated, ({ value, target, pick, extra }) => {
        const keys = Object.keys(valueAt(value, target) as object);
        const key = keys[pick % keys.length]!;
        const text = withRepeat(value, target, key, extra);
        const found = findDuplicateKey(text, JSON.parse(text));
        expect(found).toMatchObject({ key, path: pathText([...target, key]) });
        // The offset is the second occurrence's opening quote.
        expect(JSON.parse(text.slice(found!.offset).match(/^"(?:[^"\\]|\\.)*"/)![0])).toBe(key);
      }),
    );
  });

  it('compares keys as JSON.parse reads them: an escape spelling the same key is the same key', () => {
    const text = '{"id":"x","facts":{"ab":1,"a\\u0062":2}}';
    expect(findDuplicateKey(text, JSON.parse(text))).toEqual({ key: 'ab', path: 'facts.ab', offset: text.indexOf('"a\\u0062"') });
    const distinct = '{"a\\\\b":1,"ab":2,"a:b":3}';
    expect(findDuplicateKey(distinct, JSON.parse(distinct))).toBeUndefined();
  });
});

function valueAt(value: unknown, at: Step[]): unknown {
  return at.reduce<unknown>((v, step) => (v as Record<string | number, unknown>)[step], value);
}

describe('the readers', () => {
  const record = '{"id":"SY-C-1","city":"shenyang","kind":"community","facts":{"serviceFacilityAreaSqm":700,"households":3500,"serviceFacilityAreaSqm":900}}';

  it('report an NDJSON record with a key given twice instead of judging its last value', () => {
    expect(parseLine('batch.ndjson', 7, record, false)).toEqual({
      type: 'unparsable',
      file: 'batch.ndjson',
      line: 7,
      message:
        'duplicate key "serviceFacilityAreaSqm" at facts.serviceFacilityAreaSqm (line 7): a key given more than once leaves unclear which value counts; the record is not checked',
      issue: {
        path: 'facts.serviceFacilityAreaSqm',
        code: 'duplicate-key',
        zh: '重复的键 "serviceFacilityAreaSqm"（facts.serviceFacilityAreaSqm，第 7 行）：同一个键出现不止一次，无法确定以哪个值为准；该记录不予检查。',
        recordId: 'SY-C-1',
      },
    });
    expect(parseLine('batch.ndjson', 8, record.replace(',"serviceFacilityAreaSqm":900', ''), false)).toMatchObject({ type: 'record', line: 8 });
  });

  it('name the place of a repeated key as validation names an error there, so one path spelling finds both', () => {
    const text = '{"id":"SY-C-2","city":"shenyang","kind":"community","facts":{"budgets":[{"year":2023,"amountYuan":1},{"year":2024,"year":"x","amountYuan":2}]}}';
    const duplicate = parseLine('batch.ndjson', 1, text, false) as { issue: { path: string }; message: string };
    const validationPath = errorsOf(JSON.parse(text))[0]!.path;
    expect(validationPath).toBe('facts.budgets.1.year');
    expect(duplicate.issue.path).toBe(validationPath);
    expect(duplicate.message).toContain(`at ${validationPath} (line 1)`);
  });

  it('cut a long repeated key in its path and messages as validation cuts a long unknown key', () => {
    const key = 'k'.repeat(300);
    const text = `{"id":"SY-C-3","city":"shenyang","kind":"community","facts":{"${key}":1,"${key}":2}}`;
    const duplicate = parseLine('batch.ndjson', 1, text, false) as { issue: { path: string; zh: string }; message: string };
    const unknownKey = errorsOf(JSON.parse(text)).find((e) => e.code === 'unknown-key')!;
    expect(duplicate.issue.path).toBe(unknownKey.path);
    expect(duplicate.message).not.toContain(key.slice(0, 65));
    expect(duplicate.issue.zh).not.toContain(key.slice(0, 65));
  });

  it('report an array element with a key given twice on the line of its second occurrence, the other elements read', () => {
    const reader = new JsonArrayReader('batch.json', { maxElementBytes: 1 << 20 });
    const text = `[\n{"id":"A"},\n{"id":"B",\n "facts":{"households":1,\n  "households":2}},\n{"id":"C"}\n]\n`;
    const items = [...reader.push(Buffer.from(text)), ...reader.end()];
    expect(items.map((item) => item.type)).toEqual(['record', 'unparsable', 'record']);
    expect(items[1]).toMatchObject({ line: 3, index: 1, issue: { path: 'facts.households', recordId: 'B' } });
    expect((items[1] as { message: string }).message).toContain('(line 5)');
  });
});

/** Validation's errors for an input it must find invalid. */
function errorsOf(input: unknown) {
  const result = validateRecord(input);
  if (result.ok) throw new Error('expected an invalid record');
  return result.errors;
}
