/**
 * `explain: true`: every evaluated finding carries its trace — both conditions of the check as
 * evaluated — enough to say which part of a multi-part check failed; without it, no trace.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvaluator, evaluate, evaluateSync } from '../src/evaluate.js';
import { ruleFiles } from '../src/catalogue/ruleFiles.js';
import { labelFact } from '../src/locales/label.js';
import { recordArbitrary } from '../src/schema/arbitraries.js';
import { CITY_KEYS, type ConditionTrace, type ExplainedFinding, type FindingTrace } from '../src/types.js';

const grid = (facts: Record<string, unknown>) => ({ id: 'TH-G-1', city: 'tonghua', kind: 'grid', asOf: '2024-05-10', facts }) as const;

function findingOf(result: ReturnType<typeof evaluateSync>, ruleId: string) {
  if (!result.valid) throw new Error(`invalid: ${JSON.stringify(result.errors)}`);
  const finding = result.findings.find((f) => f.ruleId === ruleId);
  if (!finding) throw new Error(`no finding ${ruleId}`);
  return finding as ExplainedFinding;
}

const ruleFilesList = () => CITY_KEYS.flatMap((city) => ruleFiles[city].articles.flatMap((a) => a.checks));

/** The leaves of a trace, in rule order. */
const leavesOf = (trace: ConditionTrace): ConditionTrace[] =>
  'all' in trace ? trace.all.flatMap(leavesOf) : 'any' in trace ? trace.any.flatMap(leavesOf) : 'not' in trace ? leavesOf(trace.not) : [trace];

describe('explain: true', () => {
  it.each([
    ['the grid head', { gridHeads: 0, gridWorkers: 2 }, [false, true]],
    ['the grid worker', { gridHeads: 1, gridWorkers: 0 }, [true, false]],
  ])('says which of two conditions failed when only %s is missing', (_, facts, truths) => {
    // Arrange
    const record = grid(facts);
    // Act
    const finding = findingOf(evaluateSync(record, { explain: true }), 'tonghua.14.1.grid-staffing');
    // Assert
    expect(finding.status).toBe('fail');
    expect(finding.trace?.passesWhen).toEqual({
      all: [
        { fact: 'gridHeads', operator: 'greaterThanInclusive', value: 1, actual: facts.gridHeads, truth: truths[0] },
        { fact: 'gridWorkers', operator: 'greaterThanInclusive', value: 1, actual: facts.gridWorkers, truth: truths[1] },
      ],
      truth: false,
    });
    expect(finding.trace?.appliesWhen).toEqual({ all: [], truth: true });
  });

  it('shows both numbers of a two-condition pass, not only the first', () => {
    const finding = findingOf(evaluateSync(grid({ gridHeads: 1, gridWorkers: 2 }), { explain: true }), 'tonghua.14.1.grid-staffing');
    expect(finding.status).toBe('pass');
    expect(leavesOf(finding.trace!.passesWhen).map((leaf) => ('actual' in leaf ? leaf.actual : undefined))).toEqual([1, 2]);
  });

  it('marks an absent fact unknown with its path, and the finding unknown with it', () => {
    const finding = findingOf(evaluateSync(grid({ gridHeads: 1 }), { explain: true }), 'tonghua.14.1.grid-staffing');
    expect(finding.status).toBe('unknown');
    expect(finding.trace?.passesWhen).toEqual({
      all: [
        { fact: 'gridHeads', operator: 'greaterThanInclusive', value: 1, actual: 1, truth: true },
        { fact: 'gridWorkers', operator: 'greaterThanInclusive', value: 1, truth: 'unknown', missing: ['facts.gridWorkers'] },
      ],
      truth: 'unknown',
    });
  });

  it('names the emergency item Dalian lacks: the one false leaf among the four', () => {
    const record = { id: 'DL-1', city: 'dalian', kind: 'community', asOf: '2024-05-10', facts: { emergency: { plan: true, team: true, supplies: false, drills: true } } } as const;
    const finding = findingOf(evaluateSync(record, { explain: true }), 'dalian.28.1.emergency-readiness');
    const failed = leavesOf(finding.trace!.passesWhen).filter((leaf) => leaf.truth === false);
    expect(failed).toEqual([{ fact: 'emergency', path: '$.supplies', operator: 'equal', value: true, actual: false, truth: false }]);
  });

  it('traces "any": true as soon as one operand is', () => {
    const task = { id: 'GY-T-1', city: 'guiyang', kind: 'task', asOf: '2024-05-10', facts: { assignee: 'residentsCommittee', assignedBy: 'department', onDutyList: false, onAssistanceList: true } } as const;
    const finding = findingOf(evaluateSync(task, { explain: true }), 'guiyang.21.1.committee-tasks');
    expect(finding.status).toBe('pass');
    expect(finding.trace?.passesWhen).toMatchObject({ any: [{ fact: 'onDutyList', truth: false }, { fact: 'onAssistanceList', truth: true }], truth: true });
  });

  it('traces the condition that makes a check not applicable', () => {
    const task = { id: 'GY-T-2', city: 'guiyang', kind: 'task', asOf: '2024-05-10', facts: { assignee: 'community', assignedBy: 'department', onDutyList: false } } as const;
    const finding = findingOf(evaluateSync(task, { explain: true }), 'guiyang.21.1.committee-tasks');
    expect(finding.status).toBe('not-applicable');
    expect(finding.trace?.appliesWhen.truth).toBe(false);
  });

  it('gives no trace to a finding of a law not yet in force (nothing was evaluated)', () => {
    const early = { ...grid({ gridHeads: 1, gridWorkers: 1 }), asOf: '2020-01-01' };
    const result = evaluateSync(early, { explain: true });
    expect(result.valid && result.findings.length > 0 && result.findings.every((f) => f.status === 'not-applicable' && !('trace' in f))).toBe(true);
  });

  it('leaves results without explain as they were: no trace, the same findings otherwise', async () => {
    const record = grid({ gridHeads: 1, gridWorkers: 0 });
    const plain = evaluateSync(record);
    const explained = evaluateSync(record, { explain: true });
    expect(plain.findings.some((f) => 'trace' in f)).toBe(false);
    expect(explained.findings.map(({ trace: _trace, ...rest }) => rest)).toEqual(plain.findings);
    expect(await evaluate(record, { explain: true })).toEqual(explained);
  });

  it('hands out fresh traces: editing one leaves the next result unchanged', () => {
    const evaluator = createEvaluator({ explain: true });
    const record = { id: 'SY-1', city: 'shenyang' as const, kind: 'community' as const, asOf: '2024-05-10', facts: { facilityComponents: ['serviceHall' as const] } };
    const first = evaluator.evaluateSync(record);
    const before = JSON.stringify(evaluator.evaluateSync(record));
    const scribble = (trace: ConditionTrace): void => {
      for (const leaf of leavesOf(trace)) {
        if (Array.isArray((leaf as { value?: unknown }).value)) ((leaf as { value: unknown[] }).value).push('scribbled');
        if (Array.isArray((leaf as { actual?: unknown }).actual)) ((leaf as { actual: unknown[] }).actual).push('scribbled');
        (leaf as { truth: unknown }).truth = 'scribbled';
      }
    };
    for (const finding of first.findings) if (finding.trace) for (const part of Object.values(finding.trace) as ConditionTrace[]) scribble(part);
    expect(JSON.stringify(evaluator.evaluateSync(record))).toBe(before);
  });

  it('gives the same traces through json-rules-engine as through the compiled path', async () => {
    const compiled = createEvaluator({ explain: true, asOf: '2024-06-01' });
    const reference = createEvaluator({ explain: true, asOf: '2024-06-01', engine: 'json-rules-engine' });
    const anyRecord = fc.tuple(recordArbitrary, fc.constantFrom(...CITY_KEYS)).map(([record, city]) => ({ ...record, city }));
    await fc.assert(
      fc.asyncProperty(anyRecord, async (record) => {
        expect(JSON.stringify(compiled.evaluateSync(record))).toBe(JSON.stringify(await reference.evaluate(record)));
      }),
      { numRuns: 1000 },
    );
  });
});

/** The status a trace implies: appliesWhen false → not-applicable, unknown → unknown, else passesWhen's. */
function statusOf(trace: FindingTrace): string {
  if (trace.appliesWhen.truth === false) return 'not-applicable';
  if (trace.appliesWhen.truth === 'unknown') return 'unknown';
  return trace.passesWhen.truth === 'unknown' ? 'unknown' : trace.passesWhen.truth ? 'pass' : 'fail';
}

describe('the trace agrees with the finding', () => {
  it('for generated records of every city and kind: pass ↔ true, fail ↔ false, unknown ↔ unknown', () => {
    const evaluator = createEvaluator({ explain: true, asOf: '2024-06-01' });
    const anyRecord = fc.tuple(recordArbitrary, fc.constantFrom(...CITY_KEYS)).map(([record, city]) => ({ ...record, city }));
    const statuses = new Set<string>();
    fc.assert(
      fc.property(anyRecord, (record) => {
        const result = evaluator.evaluateSync(record);
        for (const finding of result.findings) {
          if (finding.status === 'not-applicable' && finding.reason === 'not-in-force') {
            expect(finding.trace).toBeUndefined();
            continue;
          }
          expect(finding.trace, finding.ruleId).toBeDefined();
          expect(statusOf(finding.trace!), finding.ruleId).toBe(finding.status);
          statuses.add(finding.status);
        }
      }),
      { numRuns: 1000 },
    );
    expect([...statuses].sort()).toEqual(['fail', 'not-applicable', 'pass', 'unknown']);
  });
});

describe('a failing multi-part check names the parts that failed', () => {
  const message = (record: Parameters<typeof evaluateSync>[0], ruleId: string) => findingOf(evaluateSync(record), ruleId).message;

  it('names the grid worker, not the grid head, when only the worker is missing, and the other way round', () => {
    const noWorker = message(grid({ gridHeads: 1, gridWorkers: 0 }), 'tonghua.14.1.grid-staffing');
    expect(noWorker.zh).toMatch(/未满足：网格员人数不少于 1（实际 0）。$/);
    expect(noWorker.en).toMatch(/Not met: grid workers ≥ 1 \(actual 0\)\.$/);
    const noHead = message(grid({ gridHeads: 0, gridWorkers: 3 }), 'tonghua.14.1.grid-staffing');
    expect(noHead.zh).toMatch(/未满足：网格长人数不少于 1（实际 0）。$/);
    expect(noHead.zh).not.toContain('网格员人数不少于');
  });

  it('names both parts when both fail', () => {
    expect(message(grid({ gridHeads: 0, gridWorkers: 0 }), 'tonghua.14.1.grid-staffing').zh).toMatch(/未满足：网格长人数不少于 1（实际 0）；网格员人数不少于 1（实际 0）。$/);
  });

  it("names the emergency items Dalian's community lacks, and only those", () => {
    const record = { id: 'DL-1', city: 'dalian', kind: 'community', asOf: '2024-05-10', facts: { emergency: { plan: true, team: false, supplies: true, drills: false } } } as const;
    const { zh, en } = message(record, 'dalian.28.1.emergency-readiness');
    expect(zh).toMatch(/须齐备。未满足：应急队伍、应急演练。$/);
    expect(en).toMatch(/Not met: emergency team, emergency drills\.$/);
  });

  it('names the fact a comparison reads and the one it is compared with', () => {
    const { zh } = message(grid({ buildings: 12, buildingsWithLeader: 12, units: 36, unitsWithLeader: 34 }), 'tonghua.14.2.building-unit-leaders');
    expect(zh).toMatch(/未满足：.*单元.*等于单元数（实际 34，单元数 36）。$/);
  });

  it('adds nothing where the failure leaves no choice: an "any" (every part failed), two bounds on one fact, a single condition', () => {
    const task = { id: 'GY-T-1', city: 'guiyang', kind: 'task', asOf: '2024-05-10', facts: { assignee: 'residentsCommittee', assignedBy: 'department', onDutyList: false, onAssistanceList: false } } as const;
    const community = { id: 'SY-1', city: 'shenyang', kind: 'community', asOf: '2024-05-10', facts: { households: 1550, serviceFacilityAreaSqm: 610, emergency: { plan: false } } } as const;
    const messages = [
      message(task, 'guiyang.21.1.committee-tasks'),
      message(community, 'shenyang.10.1.facility-area'),
      message(community, 'shenyang.32.3.emergency-plan'),
    ];
    for (const { zh, en } of messages) {
      expect(zh).not.toContain('未满足');
      expect(en).not.toContain('Not met');
    }
  });

  it('adds nothing where the message already words the failing members (utility tariffs)', () => {
    const record = { id: 'DL-2', city: 'dalian', kind: 'community', asOf: '2024-05-10', facts: { utilityTariffs: { water: 'commercial', electricity: 'residential', gas: 'residential', heating: 'residential' } } } as const;
    const { zh } = message(record, 'dalian.40.2.utility-tariffs');
    expect(zh).toContain('用水价格为商业类价格');
    expect(zh).not.toContain('未满足');
  });

  it('for generated records: names parts exactly when an "all" over several facts failed, and names each false one', () => {
    const evaluator = createEvaluator({ explain: true, asOf: '2024-06-01' });
    const anyRecord = fc.tuple(recordArbitrary, fc.constantFrom(...CITY_KEYS)).map(([record, city]) => ({ ...record, city }));
    const wordsDetail = new Set(ruleFilesList().filter((c) => c.message.fail.en.includes('{detail}')).map((c) => c.id));
    let named = 0;
    fc.assert(
      fc.property(anyRecord, (record) => {
        for (const finding of evaluator.evaluateSync(record).findings) {
          if (finding.status !== 'fail') continue;
          const passes = finding.trace.passesWhen;
          const operands = 'all' in passes ? passes.all : [];
          const facts = new Set(leavesOf(passes).map((leaf) => ('fact' in leaf ? `${leaf.fact}${leaf.path ?? ''}` : '')));
          const severalParts = operands.length > 1 && facts.size > 1 && !wordsDetail.has(finding.ruleId);
          const at = finding.message.en.indexOf(' Not met: ');
          expect(at >= 0, `${finding.ruleId}: ${finding.message.en}`).toBe(severalParts);
          if (!severalParts) continue;
          named += 1;
          const tail = finding.message.en.slice(at);
          for (const operand of operands.filter((o) => o.truth === false)) {
            if (!('fact' in operand)) continue;
            expect(tail, finding.ruleId).toContain(labelFact(`facts.${operand.fact}${(operand.path ?? '').replace(/^\$/, '')}`, 'en', record.kind));
          }
        }
      }),
      { numRuns: 1000 },
    );
    expect(named).toBeGreaterThan(0);
  });
});
