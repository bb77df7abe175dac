import fc from 'fast-check';
import type { RuleResult } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../evaluate.js';
import { recordArbitrary } from '../schema/arbitraries.js';
import { recordSchema } from '../schema/record.js';
import { CITY_KEYS, RECORD_KINDS, type FindingStatus } from '../types.js';
import { judge, type EvaluatedCondition } from './kleene.js';
import { createRulesEngine } from './rulesEngine.js';

/** The three-valued status of a check from a bare engine's rule result. */
function statusOf(result: RuleResult, facts: Record<string, unknown>): FindingStatus {
  const [applies, passes] = (result.conditions as EvaluatedCondition).all!;
  const applicability = judge(applies!, facts).truth;
  if (applicability === false) return 'not-applicable';
  if (applicability === undefined) return 'unknown';
  const outcome = judge(passes!, facts).truth;
  return outcome === undefined ? 'unknown' : outcome ? 'pass' : 'fail';
}

describe('createRulesEngine', () => {
  const evaluator = createEvaluator({ asOf: '2030-01-01' });
  const engines = new Map(
    CITY_KEYS.flatMap((city) => RECORD_KINDS.map((kind) => [`${city}/${kind}`, createRulesEngine({ city, kind })] as const)),
  );

  it('runs the shipped rules in a bare json-rules-engine Engine to the evaluator’s answers', async () => {
    await fc.assert(
      fc.asyncProperty(recordArbitrary, fc.constantFrom(...CITY_KEYS), async (input, city) => {
        // The law is in force on the evaluator's asOf (the bare engine knows no dates).
        const record = recordSchema.parse({ ...input, city, asOf: undefined });
        const facts = record.facts as Record<string, unknown>;
        const { results, failureResults } = await engines.get(`${city}/${record.kind}`)!.run(facts);
        const byRule = new Map([...results, ...failureResults].map((r) => [r.name, statusOf(r, facts)]));
        const findings = evaluator.evaluateSync(record).findings;
        expect(byRule.size).toBe(findings.length);
        for (const finding of findings) expect(byRule.get(finding.ruleId)).toBe(finding.status);
      }),
      { numRuns: 300 },
    );
  });

  it('adds no rules without a city, and only the kind’s checks with one', () => {
    const bare = createRulesEngine() as unknown as { rules: unknown[] };
    expect(bare.rules).toHaveLength(0);
    const grid = createRulesEngine({ city: 'shenyang', kind: 'grid' }) as unknown as { rules: { name: string }[] };
    expect(grid.rules.length).toBeGreaterThan(0);
    expect(grid.rules.every((r) => r.name.startsWith('shenyang.'))).toBe(true);
  });
});
