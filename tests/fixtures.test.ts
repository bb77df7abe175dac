import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../src/evaluate.js';
import { CITY_KEYS, RECORD_KINDS } from '../src/types.js';

const records = readFileSync('fixtures/examples.ndjson', 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as { id: string; city: string; kind: string });

describe('fixtures/examples.ndjson', () => {
  it('has a record for every city and kind', () => {
    const pairs = new Set(records.map((r) => `${r.city}/${r.kind}`));
    for (const city of CITY_KEYS) for (const kind of RECORD_KINDS) expect(pairs.has(`${city}/${kind}`), `${city}/${kind}`).toBe(true);
  });

  it('holds only valid records, and together they pass and fail checks of every city', async () => {
    const evaluator = createEvaluator();
    const results = await Promise.all(records.map((r) => evaluator.evaluate(r)));
    expect(results.filter((r) => !r.valid).map((r) => [r.recordId, r.errors])).toEqual([]);
    for (const city of CITY_KEYS) {
      const statuses = new Set(results.filter((r) => r.city === city).flatMap((r) => r.findings.map((f) => f.status)));
      expect(statuses.has('pass') && statuses.has('fail'), city).toBe(true);
    }
  });
});
