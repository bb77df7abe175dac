import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invalidRecordArbitrary, recordArbitraryFor } from './arbitraries.js';
import { validateRecord } from './schema/validateRecord.js';
import { CITY_KEYS, RECORD_KINDS } from './types.js';

describe('recordArbitraryFor', () => {
  it('gives valid records of the chosen city and kind', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CITY_KEYS).chain((city) =>
          fc.constantFrom(...RECORD_KINDS).chain((kind) => recordArbitraryFor({ city, kind }).map((record) => ({ city, kind, record }))),
        ),
        ({ city, kind, record }) => {
          const result = validateRecord(record);
          expect(result.ok).toBe(true);
          expect([record.city, record.kind]).toEqual([city, kind]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('invalidRecordArbitrary', () => {
  it('gives records that validateRecord rejects with the stated path and code', () => {
    fc.assert(
      fc.property(invalidRecordArbitrary, ({ record, path, code }) => {
        const result = validateRecord(record);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.errors).toContainEqual(expect.objectContaining({ path, code }));
      }),
      { numRuns: 300 },
    );
  });

  it('covers every way of breaking a record', () => {
    const reasons = new Set(fc.sample(invalidRecordArbitrary, { numRuns: 500, seed: 1 }).map((c) => c.reason));
    expect(reasons.size).toBe(9);
  });
});
