import { describe, expect, it } from 'vitest';
import { ruleFiles } from '../src/catalogue/ruleFiles.js';
import { createEvaluator, evaluateSync } from '../src/evaluate.js';
import { CITY_KEYS } from '../src/types.js';

const finding = (result: ReturnType<typeof evaluateSync>, id: string) => result.findings.find((f) => f.ruleId === id);

describe("what-if: the law's numbers are parameters", () => {
  const grid = (households: number) => ({ id: 'SY-G-1', city: 'shenyang', kind: 'grid', facts: { households } }) as const;

  it("judges Shenyang's grid size at 250 households when asked, and words the finding so", () => {
    const whatIf = createEvaluator({ parameters: { 'shenyang.12.1.grid-size': { households: 250, tolerance: 0.1 } } });
    expect(finding(evaluateSync(grid(280)), 'shenyang.12.1.grid-size')).toMatchObject({ status: 'pass', expected: 300 });
    const at250 = finding(whatIf.evaluateSync(grid(280)), 'shenyang.12.1.grid-size');
    expect(at250).toMatchObject({ status: 'fail', expected: 250, actual: 280 });
    expect(at250?.message.zh).toBe('不符合第十二条：网格 280 户，偏离“250户左右”的标准（按 225–275 户掌握）。');
    expect(finding(whatIf.evaluateSync(grid(275)), 'shenyang.12.1.grid-size')).toMatchObject({ status: 'pass' });
  });

  it('words the default findings exactly as the law writes its numbers', () => {
    const area = finding(evaluateSync({ id: 'SY-1', city: 'shenyang', kind: 'community', facts: { households: 1550, serviceFacilityAreaSqm: 610 } }), 'shenyang.10.1.facility-area');
    expect(area?.message.zh).toBe('不符合第十条第一款：社区公共服务设施建筑面积 610 平方米，应按每百户40平方米、总面积不少于600平方米配置，即不少于 620 平方米。');
  });

  it("moves Guiyang's 800 m², Shenyang's 3000–4000 households and 50% of the compounds when overridden", () => {
    const whatIf = createEvaluator({
      parameters: {
        'guiyang.37.1.premises-area': { minimumSqm: 700 },
        'shenyang.36.1.community-scale': { minHouseholds: 2500 },
        'shenyang.34.2.mobile-team-ratio': { percentOfCompounds: 100 },
      },
    });
    const premises = { id: 'GY-1', city: 'guiyang', kind: 'community', asOf: '2024-01-01', facts: { serviceFacilityAreaSqm: 750 } } as const;
    expect(finding(evaluateSync(premises), 'guiyang.37.1.premises-area')).toMatchObject({ status: 'fail', expected: 800 });
    expect(finding(whatIf.evaluateSync(premises), 'guiyang.37.1.premises-area')).toMatchObject({ status: 'pass', expected: 700 });
    const community = { id: 'SY-2', city: 'shenyang', kind: 'community', facts: { households: 2800 } } as const;
    expect(finding(evaluateSync(community), 'shenyang.36.1.community-scale')).toMatchObject({ status: 'fail' });
    const scale = finding(whatIf.evaluateSync(community), 'shenyang.36.1.community-scale');
    expect(scale).toMatchObject({ status: 'pass' });
    const office = { id: 'SY-J-1', city: 'shenyang', kind: 'streetOffice', facts: { compounds: 10, emergencyMobileTeams: 6 } } as const;
    expect(finding(evaluateSync(office), 'shenyang.34.2.mobile-team-ratio')).toMatchObject({ status: 'pass', expected: 5 });
    const all = finding(whatIf.evaluateSync(office), 'shenyang.34.2.mobile-team-ratio');
    expect(all).toMatchObject({ status: 'fail', expected: 10 });
    expect(all?.message.zh).toContain('按不少于小区总数100%的比例');
  });

  it('gives the same what-if answers through json-rules-engine', async () => {
    const parameters = { 'shenyang.12.1.grid-size': { households: 250, tolerance: 0.1 } } as const;
    const compiled = createEvaluator({ parameters });
    const reference = createEvaluator({ parameters, engine: 'json-rules-engine' });
    for (const households of [200, 224, 225, 250, 275, 276, 300]) {
      expect(await reference.evaluate(grid(households))).toEqual(compiled.evaluateSync(grid(households)));
    }
  });

  it('compiles every check with each of its parameters at the ends of its declared range, and refuses beyond', () => {
    const at = (end: 'min' | 'max') =>
      Object.fromEntries(
        CITY_KEYS.flatMap((city) => ruleFiles[city].articles.flatMap((article) => article.checks))
          .filter((check) => check.parameters !== undefined)
          .map((check) => [check.id, Object.fromEntries(Object.entries(check.parameters!).map(([name, p]) => [name, p[end]]))]),
      );
    for (const end of ['min', 'max'] as const) {
      const evaluator = createEvaluator({ parameters: at(end) });
      expect(evaluator.evaluateSync(grid(300)).valid).toBe(true);
    }
    expect(() => createEvaluator({ parameters: { 'shenyang.12.1.grid-size': { households: 0 } } })).toThrow(/households' must be from 1 to 10000 \(got 0\)/);
  });
});
