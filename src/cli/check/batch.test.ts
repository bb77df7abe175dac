import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBatch, declaredIdentity, type Evaluator } from './batch.js';
import type { InputItem } from './input.js';
import { isSkipped } from './result.js';
import { collect, fakeEvaluator } from './testing.js';

async function* itemsOf(items: InputItem[]): AsyncGenerator<InputItem> {
  for (const item of items) yield item;
}

function recordItem(line: number, value: unknown, file = 'batch.ndjson'): InputItem {
  return { type: 'record', file, line, value };
}

describe('checkBatch', () => {
  it('emits results in input order whatever the evaluation latency', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(8), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 8 }), async (delays, concurrency) => {
        // Arrange: record i takes delays[i] ms
        const items = delays.map((delay, i) => recordItem(i + 1, { id: `R${i}`, city: 'guiyang', kind: 'task', facts: { delay } }));
        const evaluator = fakeEvaluator((r) => ((r.facts as { delay: number }).delay));
        // Act
        const results = await collect(checkBatch(itemsOf(items), evaluator, { multiFile: false, concurrency }));
        // Assert
        expect(results.map((r) => r.recordId)).toEqual(delays.map((_, i) => `R${i}`));
        expect(results.map((r) => r.line)).toEqual(delays.map((_, i) => i + 1));
      }),
      { numRuns: 25 },
    );
  });

  it('keeps at most `concurrency` evaluations in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const evaluator: Evaluator = {
      async evaluate(record) {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight -= 1;
        return { recordId: (record as { id: string }).id, city: 'shenyang', kind: 'community', valid: true, findings: [] };
      },
    };
    const items = Array.from({ length: 50 }, (_, i) => recordItem(i + 1, { id: `R${i}` }));
    await collect(checkBatch(itemsOf(items), evaluator, { multiFile: false, concurrency: 4 }));
    expect(most).toBeLessThanOrEqual(4);
    expect(most).toBeGreaterThan(1);
  });

  it('turns an unparsable line into an invalid result with a null record id', async () => {
    const items: InputItem[] = [{ type: 'unparsable', file: 'f', line: 3, message: 'not valid JSON: Unexpected end of JSON input' }];
    const [result] = await collect(checkBatch(itemsOf(items), fakeEvaluator(), { multiFile: false }));
    expect(result).toMatchObject({
      line: 3,
      recordId: null,
      valid: false,
      errors: [{ path: '', message: 'not valid JSON: Unexpected end of JSON input', code: 'not-json' }],
      findings: [],
    });
  });

  it('puts the file on results only when there are several inputs, and always on file errors', async () => {
    const items: InputItem[] = [recordItem(1, { id: 'A', city: 'dalian', kind: 'grid' }), { type: 'unreadable', file: 'gone', message: 'cannot read gone' }];
    const single = await collect(checkBatch(itemsOf(items), fakeEvaluator(), { multiFile: false }));
    expect(single[0]).not.toHaveProperty('file');
    expect(single[1]).toMatchObject({ file: 'gone', line: 0, fileError: true, valid: false });
    const several = await collect(checkBatch(itemsOf(items), fakeEvaluator(), { multiFile: true }));
    expect(several[0]).toMatchObject({ file: 'batch.ndjson' });
  });

  it('skips records of other cities without evaluating them, and evaluates misspelt cities', async () => {
    const evaluator = fakeEvaluator();
    const items = [
      recordItem(1, { id: 'A', city: 'dalian', kind: 'grid' }),
      recordItem(2, { id: 'B', city: 'tonghua', kind: 'grid' }),
      recordItem(3, { id: 'C', city: 'tonhua', kind: 'grid' }),
      recordItem(4, { id: 'D', kind: 'grid' }),
    ];
    const results = await collect(checkBatch(itemsOf(items), evaluator, { multiFile: false, city: 'tonghua' }));
    expect(results.map((r) => [r.recordId, isSkipped(r)])).toEqual([
      ['A', true],
      ['B', false],
      ['C', false],
      ['D', false],
    ]);
    expect(results[0]).toEqual({ line: 1, recordId: 'A', city: 'dalian', kind: 'grid', skipped: true, findings: [] });
    expect(evaluator.calls).toHaveLength(3);
    expect(results[2]).toMatchObject({ valid: false });
  });

  it('still yields a result when the evaluator throws', async () => {
    const evaluator: Evaluator = {
      evaluate: () => Promise.reject(new Error('boom')),
    };
    const [result] = await collect(checkBatch(itemsOf([recordItem(1, { id: 'A' })]), evaluator, { multiFile: false }));
    expect(result).toMatchObject({ recordId: 'A', valid: false, errors: [{ path: '', message: 'evaluator failed: boom' }] });
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    const items = Array.from({ length: 100 }, (_, i) => recordItem(i + 1, { id: `R${i}`, city: 'guiyang', kind: 'task' }));
    const seen: string[] = [];
    for await (const result of checkBatch(itemsOf(items), fakeEvaluator(), { multiFile: false, signal: controller.signal, concurrency: 2 })) {
      seen.push(result.recordId ?? '');
      if (seen.length === 5) controller.abort();
    }
    expect(seen.length).toBeLessThan(10);
  });
});

describe('declaredIdentity', () => {
  it('reads id, a known city and a known kind only', () => {
    expect(declaredIdentity({ id: 'X', city: 'dalian', kind: 'grid' })).toEqual({ id: 'X', city: 'dalian', kind: 'grid' });
    expect(declaredIdentity({ id: 7, city: 'Dalian', kind: 'grids' })).toEqual({ id: null });
    expect(declaredIdentity([1])).toEqual({ id: null });
    expect(declaredIdentity(null)).toEqual({ id: null });
  });
});
