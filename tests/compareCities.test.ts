import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordArbitrary } from '../src/arbitraries.js';
import { compareCities } from '../src/compareCities.js';
import { createEvaluator, evaluateSync } from '../src/evaluate.js';
import { CITY_KEYS } from '../src/types.js';

describe('compareCities', () => {
  it("answers which records would fail under Guiyang's law and which under Tonghua's", () => {
    const records = [
      { id: 'G-1', city: 'guiyang', kind: 'grid', asOf: '2024-05-01', facts: { gridHeads: 0, gridWorkers: 2 } },
      { id: 'G-2', city: 'tonghua', kind: 'grid', asOf: '2024-05-01', facts: { gridHeads: 1, gridWorkers: 0 } },
    ];
    const [first, second] = compareCities(records, ['guiyang', 'tonghua']);
    expect(first!.cities.map((c) => [c.city, c.fails, c.failing])).toEqual([
      ['guiyang', false, []],
      ['tonghua', true, ['tonghua.14.1.grid-staffing']],
    ]);
    expect(second!.cities.map((c) => [c.city, c.fails, c.failing])).toEqual([
      ['guiyang', true, ['guiyang.30.1.grid-workers']],
      ['tonghua', true, ['tonghua.14.1.grid-staffing']],
    ]);
    expect(first).toMatchObject({ recordId: 'G-1', kind: 'grid', city: 'guiyang', valid: true });
    expect(first!.cities[1]!.findings.every((f) => f.city === 'tonghua' && f.citation.law === '通化市社区治理促进条例')).toBe(true);
  });

  it("says so when a city's law has no check for the record's kind", () => {
    const [registration] = compareCities([{ id: 'R-1', city: 'zhangjiakou', kind: 'orgRegistration', facts: { visits: 3, eligible: true } }], ['dalian', 'zhangjiakou']);
    expect(registration!.cities.map((c) => [c.city, c.hasChecks, c.fails])).toEqual([
      ['dalian', false, false],
      ['zhangjiakou', true, true],
    ]);
    expect(registration!.cities[0]!.findings).toEqual([]);
  });

  it('reports an invalid record once, with its errors, and keeps the others', () => {
    const results = compareCities(['not a record', { id: 'X', city: 'guiyang', kind: 'grid', facts: { gridWorkers: -1 } }, { id: 'Y', city: 'x', kind: 'grid' }], ['guiyang']);
    expect(results.map((r) => r.valid)).toEqual([false, false, true]);
    expect(results[1]).toMatchObject({ recordId: 'X', valid: false, errors: [{ path: 'facts.gridWorkers' }], cities: [] });
  });

  it('refuses an unknown city and an empty list, naming the known ones', () => {
    expect(() => compareCities([], ['tonhua'])).toThrow("compareCities: unknown city 'tonhua'; expected one of shenyang, dalian, guiyang, tonghua, zhangjiakou");
    expect(() => compareCities([], [])).toThrow(RangeError);
  });

  it("compares under a rule pack's city and under what-if parameters", () => {
    const sample = JSON.parse(readFileSync('fixtures/rule-packs/sample.json', 'utf8')) as object;
    const grid = { id: 'G-3', city: 'shenyang', kind: 'grid', asOf: '2024-05-01', facts: { households: 280 } };
    const [result] = compareCities([grid], ['shenyang', 'sample'], { rules: [sample], parameters: { 'sample.2.1.grid-size': { tolerance: 0.1 } } });
    expect(result!.cities.map((c) => [c.city, c.failing])).toEqual([
      ['shenyang', []],
      ['sample', ['sample.2.1.grid-size']],
    ]);
  });

  it('gives, for every city, exactly the findings the record gets when submitted there (property)', () => {
    const cities = [...CITY_KEYS];
    fc.assert(
      fc.property(recordArbitrary, (record) => {
        const [comparison] = compareCities([record], cities);
        const own = evaluateSync(record);
        expect(comparison!.valid).toBe(own.valid);
        if (!comparison!.valid) return;
        comparison!.cities.forEach((outcome, i) => {
          const direct = evaluateSync({ ...record, city: cities[i]! });
          expect(outcome.findings).toEqual(direct.findings);
          expect(outcome.hasChecks).toBe(direct.findings.length > 0);
          expect(outcome.fails).toBe(direct.findings.some((f) => f.status === 'fail'));
        });
      }),
      { numRuns: 150 },
    );
  });

  it('builds one evaluator for all records: an invalid option throws before any record is read', () => {
    expect(() => compareCities([], ['guiyang'], { parameters: { 'guiyang.37.1.premises-area': { minimumSqm: -1 } } })).toThrow(/minimumSqm/);
    expect(createEvaluator().cities).toEqual(CITY_KEYS);
  });
});
