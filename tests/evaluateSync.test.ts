import { describe, expect, it } from 'vitest';
import { createEvaluator, evaluate, evaluateSync } from '../src/evaluate.js';

const record = {
  id: 'SY-0001',
  city: 'shenyang',
  kind: 'community',
  asOf: '2024-03-01',
  facts: { households: 1550, serviceFacilityAreaSqm: 610 },
} as const;

describe('evaluateSync', () => {
  it('returns the result evaluate resolves to, synchronously', async () => {
    const result = evaluateSync(record);
    expect(result).not.toBeInstanceOf(Promise);
    expect(result).toEqual(await evaluate(record));
    expect(result.findings.find((f) => f.ruleId === 'shenyang.10.1.facility-area')).toMatchObject({
      status: 'fail',
      expected: 620,
      actual: 610,
    });
  });

  it('hands out fresh findings whose shared citations are deeply frozen', () => {
    const a = evaluateSync(record);
    const b = evaluateSync(record);
    expect(a.findings[0]).not.toBe(b.findings[0]);
    const citation = a.findings[0]!.citation;
    expect(Object.isFrozen(citation)).toBe(true);
    expect(() => {
      (citation as { label: string }).label = 'changed';
    }).toThrow(TypeError);
    expect(b.findings[0]!.citation.label).not.toBe('changed');
  });

  it('is refused by an evaluator that runs json-rules-engine, which still evaluates asynchronously', async () => {
    const reference = createEvaluator({ engine: 'json-rules-engine' });
    expect(() => reference.evaluateSync(record)).toThrow(/json-rules-engine/);
    expect(await reference.evaluate(record)).toEqual(evaluateSync(record));
  });

  it('rejects an unknown engine name in the options', () => {
    expect(() => createEvaluator({ engine: 'fast' as never })).toThrow(/invalid evaluate options: engine/);
  });
});
