/**
 * The compiled evaluator against json-rules-engine, the reference: for generated records of every
 * city and kind, both give the same result byte for byte (status, missing, expected, actual,
 * binding, citation, message, and the order of the keys the CLI prints).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateLines } from '../scripts/gen.js';
import { createEvaluator, type EvaluateOptions } from '../src/evaluate.js';
import { recordArbitrary } from '../src/schema/arbitraries.js';
import { CITY_KEYS, RECORD_KINDS } from '../src/types.js';

/** ≥ 5,000 generated records in `npm test` (the bench compares a 100k batch). */
const RUNS = 5000;

function pair(options: EvaluateOptions) {
  return {
    compiled: createEvaluator({ ...options, engine: 'compiled' }),
    reference: createEvaluator({ ...options, engine: 'json-rules-engine' }),
  };
}

/** A record with its city replaced: recordArbitrary draws the city, this makes every pair likely. */
const anyRecord = fc.tuple(recordArbitrary, fc.constantFrom(...CITY_KEYS)).map(([record, city]) => ({ ...record, city }));

describe('compiled evaluator = json-rules-engine', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it(`gives identical results for ${RUNS} generated records of every city and kind`, async () => {
    const { compiled, reference } = pair({ asOf: '2024-06-01' });
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(anyRecord, async (record) => {
        const expected = await reference.evaluate(record);
        const actual = compiled.evaluateSync(record);
        seen.add(`${record.city}/${record.kind}`);
        expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
        expect(actual).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
    // Every city × kind pair was exercised.
    expect(seen.size).toBe(CITY_KEYS.length * RECORD_KINDS.length);
  });

  it(`gives identical results for ${RUNS} generated records where new Function is refused (CSP: the closures decide)`, async () => {
    let asked = 0;
    vi.stubGlobal('Function', function Function(): never {
      asked += 1;
      throw new EvalError("Refused to evaluate a string as JavaScript because 'unsafe-eval' is not an allowed source of script");
    });
    const compiled = createEvaluator({ asOf: '2024-06-01', engine: 'compiled' });
    vi.unstubAllGlobals();
    // The conditions were compiled without generated source (the refusing constructor was asked).
    expect(asked).toBe(1);
    const reference = createEvaluator({ asOf: '2024-06-01', engine: 'json-rules-engine' });
    await fc.assert(
      fc.asyncProperty(anyRecord, async (record) => {
        expect(JSON.stringify(compiled.evaluateSync(record))).toBe(JSON.stringify(await reference.evaluate(record)));
      }),
      { numRuns: RUNS },
    );
  });

  it('gives identical results with parameter overrides and without a default asOf', async () => {
    const { compiled, reference } = pair({ parameters: { 'shenyang.12.1.grid-size': { tolerance: 0.05 } } });
    await fc.assert(
      fc.asyncProperty(
        anyRecord.filter((r) => r.asOf !== undefined),
        async (record) => {
          expect(JSON.stringify(compiled.evaluateSync(record))).toBe(JSON.stringify(await reference.evaluate(record)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives identical results for the lines of a generated batch, broken ones included', async () => {
    const { compiled, reference } = pair({ asOf: '2024-06-01' });
    for (const line of generateLines({ records: 1500, seed: 11, invalidRate: 0.05 })) {
      let input: unknown;
      try {
        input = JSON.parse(line);
      } catch {
        continue;
      }
      expect(JSON.stringify(compiled.evaluateSync(input))).toBe(JSON.stringify(await reference.evaluate(input)));
    }
  });

  it('gives identical results for values that are not records', async () => {
    const { compiled, reference } = pair({});
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (input) => {
        expect(compiled.evaluateSync(input)).toEqual(await reference.evaluate(input));
      }),
      { numRuns: 300 },
    );
  });
});
