/**
 * English counts and their nouns: a template writes `{actual|work body|work bodies}` where a count
 * is followed by its noun, so "1 work body" and "2 work bodies" both read right. Chinese has no
 * plural and keeps `{actual}`.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleFiles } from '../src/catalogue/ruleFiles.js';
import { RulePackError } from '../src/engine/loadRulePack.js';
import { createEvaluator, evaluateSync } from '../src/evaluate.js';
import { compileTemplate, compileTemplateWith, render } from '../src/locales/types.js';
import { CITY_KEYS } from '../src/types.js';

describe('noun forms in templates', () => {
  it('says the singular for exactly 1 and the plural otherwise', () => {
    const t = 'the community has {actual|work body|work bodies}; there should be {expected}.';
    expect(render(t, { actual: 1, expected: 0 })).toBe('the community has 1 work body; there should be 0.');
    expect(render(t, { actual: 2, expected: 0 })).toBe('the community has 2 work bodies; there should be 0.');
    expect(render(t, { actual: 0, expected: 0 })).toBe('the community has 0 work bodies; there should be 0.');
    expect(render(t, { actual: '1.5', expected: 0 })).toBe('the community has 1.5 work bodies; there should be 0.');
  });

  it('leaves a placeholder with no value as written, forms and all, so a typo shows', () => {
    expect(render('{count|team|teams} formed', {})).toBe('{count|team|teams} formed');
  });

  it('fills the same with a value fixed once as with a value given per call', () => {
    fc.assert(
      fc.property(fc.nat(5), fc.nat(5), (actual, expected) => {
        const template = '{actual|compound has|compounds have} a team ({expected|team|teams} needed)';
        const perCall = compileTemplate(template)({ actual, expected });
        expect(compileTemplateWith([template], { actual }).render({ expected })).toBe(perCall);
        expect(compileTemplateWith([template], { actual, expected }).constant).toBe(perCall);
        expect(perCall.startsWith(`${actual} ${actual === 1 ? 'compound has' : 'compounds have'} `)).toBe(true);
      }),
    );
  });
});

describe('the shipped English messages', () => {
  const templates = CITY_KEYS.flatMap((city) =>
    ruleFiles[city].articles.flatMap((article) =>
      article.checks.flatMap((check) => [check.message.fail.en, check.message.pass?.en].filter((t): t is string => t !== undefined).map((text) => ({ id: check.id, text }))),
    ),
  );

  it('give every count followed by a plural noun its singular too (no "1 work bodies", no "time(s)")', () => {
    // A placeholder, a space and a lower-case word ending in s (not a verb like "is"): a count and a plural noun.
    const bare = templates.filter(({ text }) => /\{\w+\} (?!(?:is|was|has|as)\b)[a-z-]+s\b/.test(text) || /\w\(s\)/.test(text));
    expect(bare).toEqual([]);
  });

  it('word Shenyang 13.3 with one unauthorised plaque in the singular, two in the plural', () => {
    const community = (unauthorizedPlaques: number) => ({ id: 'SY-C-1', city: 'shenyang', kind: 'community', asOf: '2024-05-01', facts: { unauthorizedPlaques } });
    const message = (n: number) => {
      const result = evaluateSync(community(n));
      return result.valid ? result.findings.find((f) => f.ruleId === 'shenyang.13.3.unauthorized-plaques')?.message.en : undefined;
    };
    expect(message(1)).toContain('the community has 1 work body or plaque set up without authorisation');
    expect(message(2)).toContain('the community has 2 work bodies or plaques set up without authorisation');
    // The reference engine words it the same.
    const reference = createEvaluator({ engine: 'json-rules-engine' });
    return reference.evaluate(community(1)).then((result) => {
      expect(result.valid && result.findings.find((f) => f.ruleId === 'shenyang.13.3.unauthorized-plaques')?.message.en).toBe(message(1));
    });
  });
});

describe('noun forms in a rule pack', () => {
  const sample = (): Record<string, any> => JSON.parse(readFileSync('fixtures/rule-packs/sample.json', 'utf8'));
  const grid = { id: 'SA-G-1', city: 'sample', kind: 'grid', asOf: '2024-05-01', facts: { households: 1 } };

  it('fill a parameter and a finding value with their forms', () => {
    const pack = sample();
    pack.articles[1].checks[0].message.fail.en = 'the grid has {actual|household|households}, off the standard of about {households|household|households}.';
    pack.articles[1].checks[0].parameters.households.min = 1;
    const evaluator = createEvaluator({ rules: [pack], parameters: { 'sample.2.1.grid-size': { households: 1, tolerance: 0 } } as never });
    const result = evaluator.evaluateSync({ ...grid, facts: { households: 2 } });
    expect(result.valid && result.findings.find((f) => f.ruleId === 'sample.2.1.grid-size')?.message.en).toContain(
      'the grid has 2 households, off the standard of about 1 household.',
    );
  });

  it('name an unknown placeholder written with forms', () => {
    const pack = sample();
    pack.articles[2].checks[0].message.fail.en = 'short by {shortfall|square metre|square metres}';
    let error: unknown;
    try {
      createEvaluator({ rules: [pack] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RulePackError);
    expect((error as RulePackError).jsonPath).toBe('articles[2].checks[0].message.fail.en');
  });
});
