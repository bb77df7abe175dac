/**
 * The numbers of a check over several facts (issue #10): `expected`/`actual` are given only when
 * one quantity decided the finding, so that they are never one part's numbers told as the check's
 * (grid staffing "required 1, actual 1" when gridWorkers is 2). A pass decided by several
 * quantities names each part with its value; a failure names the parts that failed. Both engines.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../src/evaluate.js';
import { recordArbitraryFor } from '../src/arbitraries.js';
import { recordArbitrary } from '../src/schema/arbitraries.js';
import { CITY_KEYS, type ConditionTrace, type EvaluationResult, type ExplainedFinding } from '../src/types.js';

const grid = (facts: Record<string, unknown>) => ({ id: 'TH-G-1', city: 'tonghua', kind: 'grid', asOf: '2024-05-10', facts });
const compiled = createEvaluator();
const reference = createEvaluator({ engine: 'json-rules-engine' });

function findingOf(result: EvaluationResult, ruleId: string) {
  const finding = result.findings.find((f) => f.ruleId === ruleId);
  if (!finding) throw new Error(`no finding ${ruleId}: ${JSON.stringify(result)}`);
  return finding;
}

const engines = [
  ['compiled', async (record: unknown) => compiled.evaluateSync(record)],
  ['json-rules-engine', (record: unknown) => reference.evaluate(record)],
] as const;

describe.each(engines)('the numbers of a check over several facts (%s)', (_, evaluate) => {
  const staffing = async (facts: Record<string, unknown>) => findingOf(await evaluate(grid(facts)), 'tonghua.14.1.grid-staffing');
  const leaders = async (facts: Record<string, unknown>) => findingOf(await evaluate(grid(facts)), 'tonghua.14.2.building-unit-leaders');

  it('gives a pass of grid staffing no single pair, and names both parts with their values', async () => {
    const finding = await staffing({ gridHeads: 1, gridWorkers: 2 });
    expect(finding.status).toBe('pass');
    expect(finding).not.toHaveProperty('expected');
    expect(finding).not.toHaveProperty('actual');
    expect(finding.message).toEqual({
      zh: '符合第十四条第一款：网格长人数不少于 1（实际 1）；网格员人数不少于 1（实际 2）。',
      en: 'Complies with 第十四条第一款: grid heads ≥ 1 (actual 1); grid workers ≥ 1 (actual 2).',
    });
  });

  it('gives the failing part its numbers when one part fails, whichever it is', async () => {
    const noWorker = await staffing({ gridHeads: 3, gridWorkers: 0 });
    expect(noWorker).toMatchObject({ status: 'fail', expected: 1, actual: 0 });
    expect(noWorker.message.en).toBe('Does not comply with 第十四条第一款: the grid needs a grid head and a grid worker. Not met: grid workers ≥ 1 (actual 0).');
    const noHead = await staffing({ gridHeads: 0, gridWorkers: 3 });
    expect(noHead).toMatchObject({ status: 'fail', expected: 1, actual: 0 });
    expect(noHead.message.zh).toBe('不符合第十四条第一款：网格应配备网格长和网格员。未满足：网格长人数不少于 1（实际 0）。');
  });

  it('gives no single pair when parts over several facts fail, and names each', async () => {
    const both = await leaders({ buildings: 5, buildingsWithLeader: 4, units: 10, unitsWithLeader: 9 });
    expect(both.status).toBe('fail');
    expect(both).not.toHaveProperty('expected');
    expect(both).not.toHaveProperty('actual');
    expect(both.message.en).toMatch(/Not met: buildings with a leader equal to buildings \(actual 4, buildings 5\); units with a leader equal to units \(actual 9, units 10\)\.$/);
    const one = await leaders({ buildings: 5, buildingsWithLeader: 5, units: 10, unitsWithLeader: 9 });
    expect(one).toMatchObject({ status: 'fail', expected: 10, actual: 9 });
    const pass = await leaders({ buildings: 5, buildingsWithLeader: 5, units: 10, unitsWithLeader: 10 });
    expect(pass.status).toBe('pass');
    expect(pass).not.toHaveProperty('expected');
    expect(pass.message.en).toBe(
      'Complies with 第十四条第二款: buildings with a leader equal to buildings (actual 5, buildings 5); units with a leader equal to units (actual 10, units 10).',
    );
  });

  it('keeps the pair where one quantity decides: two bounds on one fact, a single comparison', async () => {
    const community = { id: 'SY-1', city: 'shenyang', kind: 'community', asOf: '2024-05-10', facts: { households: 1550, serviceFacilityAreaSqm: 610 } };
    const result = await evaluate(community);
    expect(findingOf(result, 'shenyang.10.1.facility-area')).toMatchObject({ status: 'fail', expected: 620, actual: 610 });
    const passing = await evaluate({ ...community, facts: { households: 1550, serviceFacilityAreaSqm: 700 } });
    expect(findingOf(passing, 'shenyang.10.1.facility-area')).toMatchObject({ status: 'pass', expected: 620, actual: 700 });
    const guiyang = await evaluate({ id: 'GY-1', city: 'guiyang', kind: 'grid', asOf: '2024-05-10', facts: { gridWorkers: 0 } });
    expect(findingOf(guiyang, 'guiyang.30.1.grid-workers')).toMatchObject({ status: 'fail', expected: 1, actual: 0 });
  });
});

/** The leaves under a trace node. */
const leavesOf = (trace: ConditionTrace): ConditionTrace[] =>
  'all' in trace ? trace.all.flatMap(leavesOf) : 'any' in trace ? trace.any.flatMap(leavesOf) : 'not' in trace ? leavesOf(trace.not) : [trace];

/** The parts that decided a judgement: a true all's every operand, a true any's true ones; for false, the reverse. */
function deciding(trace: ConditionTrace, truth: boolean): ConditionTrace[] {
  if ('all' in trace) return truth ? trace.all.flatMap((t) => deciding(t, truth)) : trace.all.filter((t) => t.truth === false).flatMap((t) => deciding(t, truth));
  if ('any' in trace) return truth ? trace.any.filter((t) => t.truth === true).flatMap((t) => deciding(t, truth)) : trace.any.flatMap((t) => deciding(t, truth));
  return [trace];
}

describe('for generated records of every city and kind', () => {
  it('a decided finding with expected/actual was decided by one quantity, and actual is its value', () => {
    const evaluator = createEvaluator({ explain: true, asOf: '2024-06-01' });
    // Any record under any city's law, and as many Tonghua grids (two checks over several facts).
    const anyRecord = fc.oneof(
      fc.tuple(recordArbitrary, fc.constantFrom(...CITY_KEYS)).map(([record, city]) => ({ ...record, city })),
      recordArbitraryFor({ city: 'tonghua', kind: 'grid' }),
    );
    let withPair = 0;
    let severalWithoutPair = 0;
    fc.assert(
      fc.property(anyRecord, (record) => {
        for (const finding of evaluator.evaluateSync(record).findings as ExplainedFinding[]) {
          if (finding.status !== 'pass' && finding.status !== 'fail') continue;
          const parts = deciding(finding.trace.passesWhen, finding.status === 'pass');
          const leaves = parts.flatMap(leavesOf).filter((leaf) => 'fact' in leaf);
          const quantities = new Set(leaves.map((leaf) => ('fact' in leaf ? JSON.stringify([leaf.fact, leaf.path ?? '', leaf.params ?? null]) : '')));
          if (finding.actual === undefined && finding.expected === undefined) {
            if (quantities.size > 1 && leaves.some((leaf) => 'actual' in leaf && typeof leaf.actual === 'number')) severalWithoutPair += 1;
            continue;
          }
          withPair += 1;
          expect(quantities.size, `${finding.ruleId}: ${finding.message.en}`).toBe(1);
          const numeric = leaves.filter((leaf) => 'actual' in leaf && typeof leaf.actual === 'number');
          if (finding.actual !== undefined && numeric.length > 0) {
            expect(numeric.map((leaf) => ('actual' in leaf ? leaf.actual : undefined)), finding.ruleId).toContain(finding.actual);
          }
        }
      }),
      { numRuns: 1500 },
    );
    // Both sides were seen: the property did not hold vacuously.
    expect(withPair).toBeGreaterThan(0);
    expect(severalWithoutPair).toBeGreaterThan(0);
  });
});
