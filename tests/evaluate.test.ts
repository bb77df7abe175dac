import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { ruleFiles } from '../src/catalogue/ruleFiles.js';
import { createEngine } from '../src/engine/compile.js';
import { resolveParameters } from '../src/engine/parameters.js';
import { createEvaluator, evaluate, evaluateSync, type EvaluateOptions } from '../src/evaluate.js';
import { CITY_KEYS, type CheckEntry } from '../src/types.js';

const allChecks: CheckEntry[] = CITY_KEYS.flatMap((city) => ruleFiles[city].articles.flatMap((a) => a.checks));

describe('rules as data', () => {
  // 52 checks of v1 + contract v2 §3 as it lands (Guiyang 18, Tonghua 12, Shenyang 8, Dalian 8, Zhangjiakou 5)
  it('holds the 103 checks of the contract, each id once', () => {
    expect(allChecks).toHaveLength(103);
    expect(new Set(allChecks.map((c) => c.id)).size).toBe(103);
  });

  it('loads every check unchanged into a bare json-rules-engine Engine', () => {
    for (const check of allChecks) {
      const engine = new Engine();
      expect(() => engine.addRule(check), check.id).not.toThrow();
    }
  });

  it('fires the compliant event in a plain engine run exactly when a fully stated record passes', async () => {
    const engine = createEngine();
    // The 800 m² is a parameter ({ "param": "minimumSqm" }): resolved (defaults or a what-if) before the engine sees it.
    const check = resolveParameters(allChecks.find((c) => c.id === 'guiyang.37.1.premises-area')!);
    engine.addRule(check);
    const passing = await engine.run({ serviceFacilityAreaSqm: 800 });
    const failing = await engine.run({ serviceFacilityAreaSqm: 799 });
    expect(passing.events.map((e) => e.type)).toEqual(['compliant']);
    expect(failing.events).toEqual([]);
  });

  it('names the two top-level conditions appliesWhen and passesWhen', () => {
    for (const check of allChecks) {
      expect(check.conditions.all.map((c) => c.name), check.id).toEqual(['appliesWhen', 'passesWhen']);
    }
  });

  it('gives every interpretation parameter a default and a one-line reason', () => {
    const parameters = allChecks.flatMap((c) => Object.entries(c.parameters ?? {}));
    expect(parameters.length).toBeGreaterThan(0);
    for (const [, parameter] of parameters) {
      expect(typeof parameter.default).toBe('number');
      expect(parameter.reason.length).toBeGreaterThan(10);
      expect(parameter.reason).not.toContain('\n');
    }
  });
});

describe('evaluate', () => {
  it('returns exactly one finding per check of the record\'s city and kind', async () => {
    const result = await evaluate({ id: 'a', city: 'tonghua', kind: 'grid', asOf: '2024-01-01', facts: {} });
    const expected = ruleFiles.tonghua.articles.flatMap((a) => a.checks).filter((c) => c.kind === 'grid').map((c) => c.id);
    expect(result.findings.map((f) => f.ruleId)).toEqual(expected);
  });

  it('returns no findings for a kind the city has no check for, and says the record is valid', async () => {
    const result = await evaluate({ id: 'b', city: 'dalian', kind: 'orgRegistration', facts: { visits: 3 } });
    expect(result).toMatchObject({ recordId: 'b', valid: true, findings: [] });
  });

  it('decides an "or" by one known operand: a department task on the assistance list passes whatever onDutyList is', async () => {
    const result = await evaluate({ id: 'k', city: 'shenyang', kind: 'task', facts: { assignedBy: 'department', onAssistanceList: true } });
    expect(result.findings.find((f) => f.ruleId === 'shenyang.13.2.task-admission')?.status).toBe('pass');
  });

  it('decides an "and" by one known false operand even when the other is absent', async () => {
    const result = await evaluate({
      id: 'k2', city: 'dalian', kind: 'community', facts: { emergency: { plan: false } },
    });
    expect(result.findings.find((f) => f.ruleId === 'dalian.28.1.emergency-readiness')?.status).toBe('fail');
  });

  describe('in-force dates', () => {
    const cases = [
      { city: 'guiyang', kind: 'community', before: '2013-11-30', from: '2013-12-01' },
      { city: 'tonghua', kind: 'grid', before: '2023-06-30', from: '2023-07-01' },
      { city: 'zhangjiakou', kind: 'task', before: '2020-11-16', from: '2020-11-17' },
    ] as const;
    for (const c of cases) {
      it(`treats ${c.city} as not in force on ${c.before} and in force on ${c.from}`, async () => {
        const before = await evaluate({ id: 'd', city: c.city, kind: c.kind, asOf: c.before, facts: {} });
        const from = await evaluate({ id: 'd', city: c.city, kind: c.kind, asOf: c.from, facts: {} });
        expect(before.findings.length).toBeGreaterThan(0);
        expect(before.findings.every((f) => f.status === 'not-applicable' && f.reason === 'not-in-force')).toBe(true);
        expect(from.findings.some((f) => f.reason === 'not-in-force')).toBe(false);
      });
    }

    it('uses the caller\'s asOf when the record has none, and the record\'s own when it has one', async () => {
      const evaluator = createEvaluator({ asOf: '2013-01-01' });
      const defaulted = await evaluator.evaluate({ id: 'e', city: 'guiyang', kind: 'community', facts: {} });
      const own = await evaluator.evaluate({ id: 'e', city: 'guiyang', kind: 'community', asOf: '2014-01-01', facts: {} });
      expect(defaulted.findings[0]?.reason).toBe('not-in-force');
      expect(own.findings.some((f) => f.reason === 'not-in-force')).toBe(false);
    });

    it('evaluates the drafts on any date, as not binding', async () => {
      for (const city of ['shenyang', 'dalian'] as const) {
        const result = await evaluate({ id: 'f', city, kind: 'community', asOf: '1990-01-01', facts: {} });
        expect(result.findings.length).toBeGreaterThan(0);
        expect(result.findings.every((f) => f.binding === false && f.reason !== 'not-in-force')).toBe(true);
      }
    });
  });

  it('marks Tonghua checks on a rural community not binding (第四十四条 参照) and on an urban one binding', async () => {
    const rural = await evaluate({ id: 'r', city: 'tonghua', kind: 'community', asOf: '2024-01-01', facts: { setting: 'rural', hasServiceWindow: false } });
    const urban = await evaluate({ id: 'u', city: 'tonghua', kind: 'community', asOf: '2024-01-01', facts: { hasServiceWindow: false } });
    const window = (findings: typeof rural.findings) =>
      findings.filter((f) => f.ruleId === 'tonghua.29.2.service-window').map((f) => [f.status, f.binding]);
    expect(window(rural.findings)).toEqual([['fail', false]]);
    expect(window(urban.findings)).toEqual([['fail', true]]);
    expect(rural.findings.every((f) => !f.binding)).toBe(true);
    expect(urban.findings.every((f) => f.binding)).toBe(true);
  });

  it('cites the liability article where the law names one', async () => {
    const result = await evaluate({ id: 'l', city: 'tonghua', kind: 'task', asOf: '2024-01-01', facts: { assignedBy: 'department', onDutyList: false, onAssistanceList: false } });
    const finding = result.findings.find((f) => f.ruleId === 'tonghua.18.3.task-lists')!;
    expect(finding.citation.liability).toMatchObject({ article: 41, label: '第四十一条' });
    expect(finding.citation.liability?.text).toContain('第十八条');
  });

  it.each(['compiled', 'json-rules-engine'] as const)(
    'cites Tonghua 第四十一条 for 第十八条第三款 only when a department assigned the task (liabilityWhen; %s)',
    async (engine) => {
      const evaluator = createEvaluator({ engine });
      const citationFor = async (facts: Record<string, unknown>) =>
        (await evaluator.evaluate({ id: 'l', city: 'tonghua', kind: 'task', asOf: '2024-01-01', facts })).findings.find(
          (f) => f.ruleId === 'tonghua.18.3.task-lists',
        )!.citation;
      const lists = { onDutyList: false, onAssistanceList: false };
      expect((await citationFor({ ...lists, assignedBy: 'department' })).liability?.article).toBe(41);
      expect((await citationFor({ ...lists, assignedBy: 'districtGovernment' })).liability).toBeUndefined();
      expect((await citationFor(lists)).liability).toBeUndefined();
      expect((await citationFor({ ...lists, assignedBy: 'districtGovernment' })).label).toBe('第十八条第三款');
    },
  );

  it('cites no liability for Tonghua 18.2 and 8.2 (第四十一条 and 第四十条 do not name them)', async () => {
    const task = await evaluate({ id: 'l', city: 'tonghua', kind: 'task', asOf: '2024-01-01', facts: { onAssistanceList: true, writtenCommission: false } });
    expect(task.findings.find((f) => f.ruleId === 'tonghua.18.2.assistance-commission')!.citation.liability).toBeUndefined();
    const project = await evaluate({ id: 'p', city: 'tonghua', kind: 'residentialProject', asOf: '2024-01-01', facts: { isNew: true } });
    expect(project.findings.find((f) => f.ruleId === 'tonghua.8.2.facility-sync')!.citation.liability).toBeUndefined();
  });

  it.each(['grid', 'task', 'inspection', 'certificateRequest', 'gridCase', 'compound'] as const)(
    'makes Tonghua checks of a rural %s not binding (第四十四条 参照), an urban one binding',
    async (kind) => {
      const binding = async (setting?: 'rural') => {
        const record: unknown = { id: 'r', city: 'tonghua', kind, asOf: '2024-01-01', facts: setting ? { setting } : {} };
        return (await evaluate(record)).findings.map((f) => f.binding);
      };
      const rural = await binding('rural');
      const urban = await binding();
      expect(rural.length).toBeGreaterThan(0);
      expect(rural.every((b) => b === false)).toBe(true);
      expect(urban.every((b) => b === true)).toBe(true);
    },
  );

  it('applies an interpretation override: a tolerance of 0.1 makes 340 households too many', async () => {
    const record = { id: 'g', city: 'shenyang', kind: 'grid', facts: { households: 340 } };
    const lenient = await evaluate(record);
    const strict = await evaluate(record, { parameters: { 'shenyang.12.1.grid-size': { tolerance: 0.1 } } });
    expect(lenient.findings[0]?.status).toBe('pass');
    expect(strict.findings[0]?.status).toBe('fail');
  });

  it('rejects an override for an unknown check or parameter, naming it', () => {
    // Both misspellings also fail to compile (tests/types.test-d.ts); here, plain JS callers.
    const misspelt = (parameters: unknown) => ({ parameters }) as EvaluateOptions;
    expect(() => createEvaluator(misspelt({ 'shenyang.12.1.grid-sise': { tolerance: 0.1 } }))).toThrow(/grid-sise/);
    expect(() => createEvaluator(misspelt({ 'shenyang.12.1.grid-size': { tolerence: 0.1 } }))).toThrow(/tolerence.*tolerance/);
  });

  it('rejects an override for an unknown parameter also with json-rules-engine, at creation', () => {
    const misspelt = { engine: 'json-rules-engine', parameters: { 'shenyang.12.1.grid-size': { tolerence: 0.1 } } } as unknown as EvaluateOptions;
    expect(() => createEvaluator(misspelt)).toThrow(/tolerence.*tolerance/);
  });

  it('leaves json-rules-engine to createEvaluator: evaluate and evaluateSync run the compiled checks', async () => {
    const record = { id: 'g', city: 'shenyang', kind: 'grid', facts: { households: 340 } };
    await expect(evaluate(record, { engine: 'json-rules-engine' })).rejects.toThrow(/createEvaluator/);
    expect(() => evaluateSync(record, { engine: 'json-rules-engine' })).toThrow(/createEvaluator/);
    const reference = await createEvaluator({ engine: 'json-rules-engine' }).evaluate(record);
    expect(reference).toEqual(await evaluate(record, { engine: 'compiled' }));
  });

  it('allows unknown keys when asked, and rejects them by default', async () => {
    const record = { id: 'h', city: 'guiyang', kind: 'community', asOf: '2024-01-01', facts: { serviceFacilityAreaSqm: 900, note: 'x' } };
    const strict = await evaluate(record);
    const relaxed = await evaluate(record, { allowUnknownKeys: true });
    expect(strict.valid).toBe(false);
    expect(strict.errors?.[0]?.path).toBe('facts.note');
    expect(relaxed.findings.find((f) => f.ruleId === 'guiyang.37.1.premises-area')?.status).toBe('pass');
  });

  describe('bad records give a clear error and no findings', () => {
    const cases: Array<[string, unknown, string]> = [
      ['wrong type', { id: 'x', city: 'guiyang', kind: 'community', facts: { households: 'many' } }, 'facts.households'],
      ['negative', { id: 'x', city: 'guiyang', kind: 'community', facts: { households: -3 } }, 'facts.households'],
      ['unknown key', { id: 'x', city: 'guiyang', kind: 'grid', facts: { gridHead: 1 } }, 'facts.gridHead'],
      ['bad date', { id: 'x', city: 'guiyang', kind: 'grid', asOf: '2024-02-30' }, 'asOf'],
      ['wrong city', { id: 'x', city: 'beijing', kind: 'grid' }, 'city'],
      ['missing id', { city: 'guiyang', kind: 'grid' }, 'id'],
    ];
    for (const [name, record, path] of cases) {
      it(`${name}: error at ${path}`, async () => {
        const result = await evaluate(record);
        expect(result.valid).toBe(false);
        expect(result.findings).toEqual([]);
        expect(result.errors?.map((e) => e.path)).toContain(path);
        expect(result.errors?.every((e) => e.message.length > 5)).toBe(true);
      });
    }
  });
});
