import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleFiles } from '../src/catalogue/ruleFiles.js';
import { RulePackError } from '../src/engine/loadRulePack.js';
import { createEvaluator, evaluate, evaluateSync } from '../src/evaluate.js';
import type { ValidationIssue } from '../src/types.js';

/** A made-up sixth city (fixtures/rule-packs/sample.json): three articles, two checks. */
const sample = (): Record<string, any> => JSON.parse(readFileSync('fixtures/rule-packs/sample.json', 'utf8'));

const loadError = (rules: unknown[]): RulePackError => {
  try {
    createEvaluator({ rules: rules as object[] });
  } catch (error) {
    if (error instanceof RulePackError) return error;
    throw error;
  }
  throw new Error('expected a RulePackError');
};

describe('a sixth city from a rule pack', () => {
  const evaluator = createEvaluator({ rules: [sample()] });
  const grid = { id: 'SA-G-1', city: 'sample', kind: 'grid', asOf: '2024-05-01', facts: { households: 400 } };

  it('adds its city key to the five', () => {
    expect(evaluator.cities).toEqual(['shenyang', 'dalian', 'guiyang', 'tonghua', 'zhangjiakou', 'sample']);
  });

  it("validates the city's records and gives findings citing its own law's text", () => {
    const result = evaluator.evaluateSync(grid);
    expect(result).toMatchObject({ recordId: 'SA-G-1', city: 'sample', kind: 'grid', valid: true });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      ruleId: 'sample.2.1.grid-size',
      city: 'sample',
      status: 'fail',
      expected: 250,
      actual: 400,
      binding: true,
      citation: { city: 'sample', law: '示例市社区治理条例（示例规则包，非真实法规）', article: 2, label: '第二条', text: '街道办事处应当按照250户左右标准划定网格。' },
    });
    expect(result.findings[0]!.message.zh).toBe('不符合第二条：网格 400 户，偏离“250户左右”的标准（按 200–300 户掌握）。');
  });

  it('cites a paragraph of a two-paragraph article as 第三条第一款 and honours the law\'s date in force', () => {
    const community = { id: 'SA-C-1', city: 'sample', kind: 'community', facts: { serviceFacilityAreaSqm: 480 } };
    const inForce = evaluator.evaluateSync({ ...community, asOf: '2024-01-01' });
    expect(inForce.findings.map((f) => [f.status, f.citation.label])).toEqual([['fail', '第三条第一款']]);
    expect(evaluator.evaluateSync({ ...community, asOf: '2023-12-31' }).findings[0]).toMatchObject({ status: 'not-applicable', reason: 'not-in-force' });
  });

  it('gives the same findings through json-rules-engine', async () => {
    const reference = createEvaluator({ rules: [sample()], engine: 'json-rules-engine' });
    for (const households of [150, 200, 250, 300, 301]) {
      const record = { ...grid, facts: { households } };
      expect(await reference.evaluate(record)).toEqual(evaluator.evaluateSync(record));
    }
  });

  it('keeps the record contract: bad facts of a pack city are errors naming the field, the city given back', () => {
    const result = evaluator.evaluateSync({ ...grid, facts: { households: -1 } });
    expect(result).toMatchObject({ valid: false, city: 'sample', errors: [{ path: 'facts.households' }] });
  });

  it("names the evaluator's own cities, the pack's too, when a record's city is unknown", async () => {
    const cityIssue = (result: { errors?: ValidationIssue[] }) => result.errors?.find((issue) => issue.path === 'city');
    const keys = '"shenyang", "dalian", "guiyang", "tonghua", "zhangjiakou", "sample"';
    const unknown = evaluator.evaluateSync({ ...grid, city: 'nowhere' });
    expect(unknown).toMatchObject({ valid: false, kind: 'grid' });
    expect(cityIssue(unknown)).toEqual({
      path: 'city',
      code: 'not-allowed',
      message: `expected one of ${keys}, got "nowhere"`,
      en: `expected one of ${keys}, got "nowhere"`,
      zh: expect.stringMatching(/^城市：应为以下之一：shenyang.*zhangjiakou.*、sample，实际为 "nowhere"。$/),
    });
    // Worded as a bundled evaluator words it, with the pack's key added to the list.
    const bundledZh = cityIssue(evaluateSync({ ...grid, city: 'nowhere' }))?.zh;
    expect(cityIssue(unknown)?.zh).toBe(bundledZh?.replace('，实际为', '、sample，实际为'));
    // A near miss of the pack's key is hinted; a missing or non-string city names them all too.
    expect(cityIssue(evaluator.evaluateSync({ ...grid, city: 'sampel' }))?.message).toBe(`expected one of ${keys}, got "sampel" (did you mean "sample"?)`);
    const cityless: unknown = { id: 'x', kind: 'grid' };
    const missingCode = cityIssue(evaluateSync(cityless))?.code; // the code the five-city evaluators give
    expect(cityIssue(evaluator.evaluateSync({ id: 'x', kind: 'grid' }))).toMatchObject({ code: missingCode, message: `required but missing (expected one of ${keys})` });
    expect(cityIssue(await evaluator.evaluate({ ...grid, city: 7 }))?.message).toBe(`expected one of ${keys}, got 7`);
    // The other errors of the record are kept, in their order.
    const both = evaluator.evaluateSync({ ...grid, city: 'nowhere', facts: { households: -1 } });
    expect(both.errors?.map((issue) => issue.path)).toEqual(evaluateSync({ ...grid, city: 'nowhere', facts: { households: -1 } }).errors?.map((issue) => issue.path));
    expect(both.errors?.map((issue) => issue.path)).toContain('facts.households');
  });

  it('is not a city for the evaluators without the pack', () => {
    expect(evaluateSync(grid)).toMatchObject({ valid: false, errors: [{ path: 'city' }] });
    expect(createEvaluator().cities).not.toContain('sample');
  });

  it('traces its findings with explain: true', () => {
    const traced = createEvaluator({ rules: [sample()], explain: true }).evaluateSync(grid);
    expect(traced.valid && traced.findings[0]?.trace?.passesWhen).toMatchObject({ truth: false });
  });

  it('takes what-if parameters of its checks by check id', () => {
    const what = createEvaluator({ rules: [sample()], parameters: { 'sample.2.1.grid-size': { households: 400, tolerance: 0 } } });
    expect(what.evaluateSync(grid).findings[0]).toMatchObject({ status: 'pass', expected: 400 });
    expect(() => createEvaluator({ rules: [sample()], parameters: { 'sample.2.1.grid-size': { houses: 400 } } })).toThrow(/no parameter 'houses'/);
  });

  it('copies the pack at load: editing the caller\'s object afterwards changes nothing', () => {
    const pack = sample();
    const mine = createEvaluator({ rules: [pack] });
    pack.articles[1].checks[0].parameters.households.default = 400;
    pack.articles[1].text = 'edited';
    expect(mine.evaluateSync(grid).findings[0]).toMatchObject({ status: 'fail', expected: 250, citation: { text: '街道办事处应当按照250户左右标准划定网格。' } });
  });
});

describe('evaluate(record, { rules })', () => {
  const grid = { id: 'SA-G-1', city: 'sample', kind: 'grid', asOf: '2024-05-01', facts: { households: 400 } };
  /** A pack whose file is read through a getter: how many times it was loaded (compiled). */
  const countedPack = (file: unknown = sample()) => {
    const pack = { name: 'sample.json', loads: 0, get file() { pack.loads += 1; return file; } };
    return pack;
  };

  it('compiles the packs once per rules array (per other options), not per call', async () => {
    const pack = countedPack();
    const rules = [pack];
    const first = evaluateSync(grid, { rules });
    expect(first.findings[0]).toMatchObject({ ruleId: 'sample.2.1.grid-size', status: 'fail' });
    expect(pack.loads).toBe(1);
    for (let i = 0; i < 5; i += 1) expect(evaluateSync(grid, { rules })).toEqual(first);
    expect(await evaluate(grid, { rules })).toEqual(first);
    expect(pack.loads).toBe(1);
    // Other options with the same array: one more evaluator, itself cached.
    evaluateSync(grid, { rules, asOfOverride: '2024-06-01' });
    evaluateSync(grid, { rules, asOfOverride: '2024-06-01' });
    expect(pack.loads).toBe(2);
    // A new array holding the same pack is another key.
    evaluateSync(grid, { rules: [pack] });
    expect(pack.loads).toBe(3);
  });

  it('sees a pack added, removed or replaced in the array (members compared on every call)', () => {
    const rules: object[] = [countedPack()];
    expect(evaluateSync(grid, { rules }).findings[0]).toMatchObject({ status: 'fail', expected: 250 });
    const revised = sample();
    revised.articles[1].checks[0].parameters.households.default = 400;
    rules[0] = countedPack(revised);
    expect(evaluateSync(grid, { rules }).findings[0]).toMatchObject({ status: 'pass', expected: 400 });
    const guiyang = { id: 'GY-1', city: 'guiyang', kind: 'community', asOf: '2024-01-01', facts: { serviceFacilityAreaSqm: 750 } };
    const premises = (result: { findings: { ruleId: string; status: string }[] }) => result.findings.find((f) => f.ruleId === 'guiyang.37.1.premises-area')?.status;
    const revision = structuredClone(ruleFiles.guiyang) as Record<string, any>;
    const check = revision.articles.find((a: { number: number }) => a.number === 37).checks.find((c: { id: string }) => c.id === 'guiyang.37.1.premises-area');
    check.parameters.minimumSqm.default = 700; // a what-if revision: 750 m² passes
    expect(premises(evaluateSync(guiyang, { rules }))).toBe('fail');
    rules.push(revision);
    expect(premises(evaluateSync(guiyang, { rules }))).toBe('pass');
    rules.pop();
    expect(premises(evaluateSync(guiyang, { rules }))).toBe('fail');
    rules.length = 0;
    expect(evaluateSync(grid, { rules })).toMatchObject({ valid: false, errors: [{ path: 'city' }] });
  });

  it('holds a snapshot of each pack: an edit inside a pack object already used changes nothing', () => {
    const file = sample();
    const rules = [file];
    const before = evaluateSync(grid, { rules });
    file.articles[1].checks[0].parameters.households.default = 400;
    expect(evaluateSync(grid, { rules })).toEqual(before);
    // The edited object in a new array is compiled as it now is.
    expect(evaluateSync(grid, { rules: [file] }).findings[0]).toMatchObject({ status: 'pass', expected: 400 });
  });

  it('still checks every call\'s options, and gives what createEvaluator gives', () => {
    const rules = [sample()];
    expect(evaluateSync(grid, { rules })).toEqual(createEvaluator({ rules }).evaluateSync(grid));
    expect(() => evaluateSync(grid, { rules, asOf: '2024-02-30' })).toThrow(/asOf/);
    expect(() => evaluateSync(grid, { rules, parameters: { 'sample.2.1.grid-size': { houses: 1 } } })).toThrow(/no parameter 'houses'/);
    expect(evaluateSync(grid, { rules, explain: true }).findings[0]?.trace).toBeDefined();
    expect(evaluateSync(grid, { rules }).findings[0]).not.toHaveProperty('trace');
  });
});

describe('a revision of a bundled law', () => {
  it('replaces the bundled file of its city and leaves the others alone', () => {
    const revised = structuredClone(ruleFiles.guiyang) as Record<string, any>;
    const article = revised.articles.find((a: { number: number }) => a.number === 37);
    const check = article.checks.find((c: { id: string }) => c.id === 'guiyang.37.1.premises-area');
    // A revision that asks 700 m² where the bundled text asks 800.
    article.text = article.text.replace('800', '700');
    article.paragraphs[0].text = article.paragraphs[0].text.replace('800', '700');
    check.conditions = JSON.parse(JSON.stringify(check.conditions).replace(/800/g, '700'));
    if (check.parameters) check.parameters = JSON.parse(JSON.stringify(check.parameters).replace(/800/g, '700'));
    const evaluator = createEvaluator({ rules: [{ name: 'guiyang-2025.json', file: revised }] });
    const record = { id: 'GY-1', city: 'guiyang', kind: 'community', asOf: '2024-01-01', facts: { serviceFacilityAreaSqm: 750 } } as const;
    const premises = (r: ReturnType<typeof evaluator.evaluateSync>) => r.findings.find((f) => f.ruleId === 'guiyang.37.1.premises-area');
    expect(premises(evaluator.evaluateSync(record))).toMatchObject({ status: 'pass', citation: { text: expect.stringContaining('700') } });
    expect(premises(evaluateSync(record))).toMatchObject({ status: 'fail' });
    expect(evaluator.cities).toEqual(['shenyang', 'dalian', 'guiyang', 'tonghua', 'zhangjiakou']);
    const tonghua = { id: 'TH-1', city: 'tonghua', kind: 'grid', asOf: '2024-01-01', facts: { gridHeads: 1 } } as const;
    expect(evaluator.evaluateSync(tonghua)).toEqual(evaluateSync(tonghua));
  });

  it('refuses two packs for one city', () => {
    expect(loadError([sample(), sample()]).message).toBe("rule file 'sample': city: rules[0] and rules[1] are both for 'sample'");
  });
});

describe('a rule pack with a mistake', () => {
  const edited = (edit: (pack: Record<string, any>) => void) => {
    const pack = sample();
    edit(pack);
    return pack;
  };
  const gridCheck = (pack: Record<string, any>) => pack.articles[1].checks[0];
  const areaCheck = (pack: Record<string, any>) => pack.articles[2].checks[0];

  it('names the file and the JSON path of an unknown operator', () => {
    const error = loadError([edited((p) => (gridCheck(p).conditions.all[1].all[0].operator = 'withinTolerence'))]);
    expect(error).toBeInstanceOf(RulePackError);
    expect(error).toMatchObject({ file: "'sample'", jsonPath: 'articles[1].checks[0].conditions.all[1].all[0].operator' });
    expect(error.message).toBe("rule file 'sample': articles[1].checks[0].conditions.all[1].all[0].operator: unknown operator 'withinTolerence'");
  });

  it('uses the name the caller gives instead of the city key', () => {
    const pack = edited((p) => (areaCheck(p).conditions.all[1].all[0].fact = 'serviceFacilityArea'));
    expect(loadError([{ name: 'packs/sample.json', file: pack }]).message).toBe(
      "rule file packs/sample.json: articles[2].checks[0].conditions.all[1].all[0].fact: unknown fact 'serviceFacilityArea'",
    );
  });

  it('names an unsupported path form', () => {
    const error = loadError([edited((p) => Object.assign(areaCheck(p).conditions.all[1].all[0], { path: '$..x' }))]);
    expect(error.jsonPath).toBe('articles[2].checks[0].conditions.all[1].all[0].path');
  });

  it('names an undeclared parameter where it is used, and a declared one never used', () => {
    expect(loadError([edited((p) => (areaCheck(p).conditions.all[1].all[0].value = { param: 'minSqm' }))]).message).toBe(
      "rule file 'sample': articles[2].checks[0].conditions.all[1].all[0].value: parameter 'minSqm' is not declared in the check's parameters (it has: minimumSqm)",
    );
    const unused = loadError([edited((p) => (areaCheck(p).parameters.spare = { default: 1, min: 0, max: 2, reason: 'unused' }))]);
    expect(unused.jsonPath).toBe('articles[2].checks[0].parameters.spare');
  });

  it('names a parameter whose quote is not in the article text, and a default out of its range', () => {
    expect(loadError([edited((p) => (areaCheck(p).parameters.minimumSqm.quote = '不少于600平方米'))]).jsonPath).toBe(
      'articles[2].checks[0].parameters.minimumSqm.quote',
    );
    expect(loadError([edited((p) => (areaCheck(p).parameters.minimumSqm.default = -1))]).jsonPath).toBe('articles[2].checks[0].parameters.minimumSqm');
  });

  it('names a citation of a paragraph, item or liability article the law does not have', () => {
    expect(loadError([edited((p) => (areaCheck(p).cites.paragraph = 3))]).message).toBe(
      "rule file 'sample': articles[2].checks[0].cites.paragraph: 第三条 has no paragraph 3",
    );
    expect(loadError([edited((p) => (areaCheck(p).cites.item = 2))]).jsonPath).toBe('articles[2].checks[0].cites.item');
    expect(loadError([edited((p) => (areaCheck(p).liability = 9))]).message).toContain('liability: liability article 9 is not in the law');
  });

  it('names a misspelt key, a wrong type and a missing member of the shape', () => {
    expect(loadError([edited((p) => (gridCheck(p).conditions.all[1].all[0] = { fact: 'households', opertor: 'equal', value: 1 }))]).message).toBe(
      "rule file 'sample': articles[1].checks[0].conditions.all[1].all[0].opertor: unknown key 'opertor'",
    );
    expect(loadError([edited((p) => (gridCheck(p).kind = 'grids'))]).jsonPath).toBe('articles[1].checks[0].kind');
    expect(loadError([edited((p) => delete p.law.title)]).jsonPath).toBe('law.title');
    expect(loadError(['not a rule file']).message).toMatch(/^rule file rules\[0\]: \(the file\): /);
  });

  it('names a check id that does not match its city and article, or repeats one', () => {
    expect(loadError([edited((p) => (areaCheck(p).id = areaCheck(p).name = 'other.3.1.facility-area'))]).message).toContain(
      "articles[2].checks[0].id: check id 'other.3.1.facility-area' must begin with the file's city 'sample.'",
    );
    const twice = edited((p) => {
      const copy = structuredClone(areaCheck(p));
      p.articles[2].checks.push(copy);
    });
    expect(loadError([twice]).message).toContain("articles[2].checks[1].id: check id 'sample.3.1.facility-area' is already used at articles[2].checks[0].id");
  });

  it('names an unknown placeholder in a message', () => {
    expect(loadError([edited((p) => (areaCheck(p).message.fail.en = 'short by {shortfall} m²'))]).jsonPath).toBe('articles[2].checks[0].message.fail.en');
  });

  it('names {expected} or {actual} in a check over several facts (its findings may have no single pair)', () => {
    const revised = structuredClone(ruleFiles.tonghua) as Record<string, any>;
    const a = revised.articles.findIndex((article: { checks: { id: string }[] }) => article.checks.some((c) => c.id === 'tonghua.14.1.grid-staffing'));
    const c = revised.articles[a].checks.findIndex((check: { id: string }) => check.id === 'tonghua.14.1.grid-staffing');
    revised.articles[a].checks[c].message.fail.en = 'the grid needs a grid head and a grid worker ({actual} where at least {expected} is required).';
    const error = loadError([revised]);
    expect(error.jsonPath).toBe(`articles[${a}].checks[${c}].message.fail.en`);
    expect(error.reason).toMatch(/^\{actual\} in a check whose passesWhen reads several facts/);
    // The bundled file as it is loads.
    expect(() => createEvaluator({ rules: [structuredClone(ruleFiles.tonghua)] })).not.toThrow();
  });

  it('names a city key that is not lower-case letters and a law of another city', () => {
    expect(loadError([edited((p) => (p.city = p.law.city = 'Sample'))]).jsonPath).toBe('city');
    expect(loadError([edited((p) => (p.law.city = 'other'))]).jsonPath).toBe('law.city');
  });
});

describe('asOfOverride', () => {
  const record = { id: 'GY-2', city: 'guiyang', kind: 'community', asOf: '2024-01-01', facts: { serviceFacilityAreaSqm: 750 } } as const;

  it("forces the date over the record's own asOf", () => {
    const before = createEvaluator({ asOfOverride: '2013-11-30' }).evaluateSync(record);
    expect(before.findings.every((f) => f.status === 'not-applicable' && f.reason === 'not-in-force')).toBe(true);
    expect(createEvaluator({ asOfOverride: '2013-12-01' }).evaluateSync(record).findings.some((f) => f.status === 'fail')).toBe(true);
    expect(createEvaluator({ asOf: '2013-11-30' }).evaluateSync(record).findings.some((f) => f.status === 'fail')).toBe(true);
  });

  it('is the same through json-rules-engine, and refuses a day that does not exist', async () => {
    const reference = createEvaluator({ asOfOverride: '2013-11-30', engine: 'json-rules-engine' });
    expect(await reference.evaluate(record)).toEqual(createEvaluator({ asOfOverride: '2013-11-30' }).evaluateSync(record));
    expect(() => createEvaluator({ asOfOverride: '2013-02-29' })).toThrow(/asOfOverride/);
  });
});
