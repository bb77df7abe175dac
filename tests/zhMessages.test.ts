/**
 * Chinese messages are Chinese: no ASCII identifier (an enum value or fact name such as
 * `policeOffice` or `facts.emergency.plan`) in any `zh` message, for every check and status.
 * When this fails it names the word and where its label goes (src/locales/labels.ts).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleFiles } from '../src/catalogue/ruleFiles.js';
import { createEvaluator } from '../src/evaluate.js';
import { recordArbitraries } from '../src/schema/arbitraries.js';
import { CITY_KEYS, RECORD_KINDS, type EvaluationResult, type FindingStatus } from '../src/types.js';

const IDENTIFIER = /[a-z][a-zA-Z]+/;
const evaluator = createEvaluator({ asOf: '2024-06-01' });

/** The problems of one result, each saying what to add where. */
function identifierProblems(result: EvaluationResult): string[] {
  return result.findings.flatMap((finding) => {
    const word = IDENTIFIER.exec(finding.message.zh)?.[0];
    if (word === undefined) return [];
    const hint = finding.missing?.length
      ? `label the fact path(s) ${finding.missing.join(', ')} in FACT_LABELS`
      : `label '${word}' in FACT_LABELS or VALUE_LABELS (src/locales/labels.ts), or word the detail in src/locales/detail.ts`;
    return [`${finding.ruleId} (${finding.status}): "${word}" in ${JSON.stringify(finding.message.zh)} — ${hint}`];
  });
}

describe('Chinese messages name no identifier', () => {
  const seen = new Map<string, Set<FindingStatus>>();
  const note = (result: EvaluationResult): void => {
    for (const f of result.findings) {
      const statuses = seen.get(f.ruleId) ?? new Set<FindingStatus>();
      statuses.add(f.status);
      seen.set(f.ruleId, statuses);
    }
  };

  it.each(RECORD_KINDS.filter((kind) => kind in recordArbitraries))('for generated %s records of every city', async (kind) => {
    const arbitrary = recordArbitraries[kind as keyof typeof recordArbitraries];
    await fc.assert(
      fc.asyncProperty(arbitrary, fc.constantFrom(...CITY_KEYS), async (record, city) => {
        const result = await evaluator.evaluate({ ...record, city, asOf: '2024-06-01' });
        note(result);
        expect(identifierProblems(result)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('for the fixtures', async () => {
    for (const file of ['fixtures/batch.ndjson', 'fixtures/examples.ndjson']) {
      for (const line of readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '')) {
        let record: unknown;
        try {
          record = JSON.parse(line);
        } catch {
          continue; // the batch keeps a broken line on purpose
        }
        const result = await evaluator.evaluate(record);
        note(result);
        expect(identifierProblems(result)).toEqual([]);
      }
    }
  });

  it('covered every check, and the statuses fail and unknown, in the runs above', () => {
    const ids = CITY_KEYS.flatMap((city) => ruleFiles[city].articles.flatMap((a) => a.checks.map((c) => c.id)));
    const unseen = ids.filter((id) => !seen.has(id));
    expect(unseen).toEqual([]);
    const statuses = new Set([...seen.values()].flatMap((s) => [...s]));
    expect([...statuses].sort()).toEqual(['fail', 'not-applicable', 'pass', 'unknown']);
    const neverFailed = ids.filter((id) => !seen.get(id)?.has('fail'));
    const neverUnknown = ids.filter((id) => !seen.get(id)?.has('unknown'));
    // Generated records reach fail and unknown for (almost) every check; a few may need luck.
    expect(neverFailed.length, `never failed: ${neverFailed.join(', ')}`).toBeLessThanOrEqual(ids.length / 10);
    expect(neverUnknown.length, `never unknown: ${neverUnknown.join(', ')}`).toBeLessThanOrEqual(ids.length / 10);
  });
});
