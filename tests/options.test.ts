/**
 * A misspelt option is named with the option it meant: `createEvaluator({ asof })` used to say only
 * `Unrecognized key: "asof"`, and an evaluator built with it silently had no default date.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvaluator, evaluate, evaluateSync } from '../src/evaluate.js';
import { validateRecord } from '../src/schema/validateRecord.js';

const OPTIONS = ['asOf', 'timeZone', 'parameters', 'allowUnknownKeys', 'engine', 'explain', 'asOfOverride', 'rules'];
const record = { id: 'SY-1', city: 'shenyang', kind: 'community', facts: {} };

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('an unknown option', () => {
  it('is named with the option a typo of it meant, by createEvaluator, evaluateSync and evaluate', async () => {
    const expected = `invalid evaluate options: unknown option 'asof' (did you mean 'asOf'?); the options are ${OPTIONS.join(', ')}`;
    const options = { asof: '2024-01-01' } as never;
    expect(thrown(() => createEvaluator(options))).toEqual(new TypeError(expected));
    expect(thrown(() => createEvaluator({ ...(options as object), rules: [] } as never)).message).toBe(expected);
    expect(thrown(() => evaluateSync(record, options))).toEqual(new TypeError(expected));
    await expect(evaluate(record, options)).rejects.toThrow(expected);
  });

  it('names every unknown option, a hint only where one is near', () => {
    expect(thrown(() => createEvaluator({ explian: true, colour: 'red' } as never)).message).toBe(
      `invalid evaluate options: unknown options 'explian' (did you mean 'explain'?), 'colour'; the options are ${OPTIONS.join(', ')}`,
    );
  });

  it('hints the option for any one-letter slip (case, a letter dropped, two letters swapped)', () => {
    const slip = fc
      .tuple(fc.constantFrom(...OPTIONS), fc.nat(), fc.constantFrom('case', 'drop', 'swap'))
      .map(([name, at, how]) => {
        const i = at % (name.length - 1);
        const typo =
          how === 'case'
            ? name.slice(0, i) + (name[i] === name[i]!.toUpperCase() ? name[i]!.toLowerCase() : name[i]!.toUpperCase()) + name.slice(i + 1)
            : how === 'drop'
              ? name.slice(0, i) + name.slice(i + 1)
              : name.slice(0, i) + name[i + 1]! + name[i]! + name.slice(i + 2);
        return { name, typo };
      })
      .filter(({ typo }) => !OPTIONS.includes(typo));
    fc.assert(
      fc.property(slip, ({ name, typo }) => {
        expect(thrown(() => createEvaluator({ [typo]: undefined } as never)).message).toContain(`unknown option '${typo}' (did you mean '${name}'?)`);
      }),
    );
  });

  it('cuts a long unknown option as validation cuts a long unknown key of a record: to the same text, with its length', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'é', '中'), minLength: 1, maxLength: 200, size: 'max' }), (key) => {
        const unknownKey = errorsOf({ id: 'SY-1', city: 'shenyang', kind: 'community', facts: { [key]: 1 } }).find((e) => e.code === 'unknown-key');
        const shown = unknownKey!.path.slice('facts.'.length);
        expect(thrown(() => createEvaluator({ [key]: true } as never)).message).toContain(`unknown option '${shown}'`);
        expect(shown.length <= 64 ? shown === key : shown.startsWith(`${key.slice(0, 64)}…`)).toBe(true);
      }),
    );
    const long = 'x'.repeat(100);
    expect(thrown(() => createEvaluator({ [long]: true } as never)).message).toContain(`unknown option '${'x'.repeat(64)}… (100 characters)';`);
  });

  it("hints a parameter override's misspelt check id", () => {
    expect(thrown(() => createEvaluator({ parameters: { 'shenyang.12.1.grid-sise': { households: 250 } } } as never)).message).toBe(
      "invalid evaluate options: parameters: unknown check id 'shenyang.12.1.grid-sise' (did you mean 'shenyang.12.1.grid-size'?)",
    );
  });
});

/** Validation's errors for an input it must find invalid. */
function errorsOf(input: unknown) {
  const result = validateRecord(input);
  if (result.ok) throw new Error('expected an invalid record');
  return result.errors;
}
