import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCoverage } from '../src/catalogue/coverage.js';
import { ruleFiles } from '../src/catalogue/ruleFiles.js';
import { ruleFileSchema } from '../src/ruleFileSchema.js';
import { CITY_KEYS, type ConditionJson } from '../src/types.js';

describe('rule files', () => {
  for (const city of CITY_KEYS) {
    it(`rules/${city}.json matches the rule-file schema`, () => {
      const parsed = ruleFileSchema.safeParse(ruleFiles[city]);
      expect(parsed.success ? [] : parsed.error.issues.slice(0, 3)).toEqual([]);
    });
  }

  it('puts every check beside the article it cites (its id names city and article)', () => {
    for (const city of CITY_KEYS) {
      for (const article of ruleFiles[city].articles) {
        for (const check of article.checks) {
          const [idCity, idArticle, idParagraph] = check.id.split('.');
          expect(idCity).toBe(city);
          expect(Number(idArticle)).toBe(article.number);
          if (check.cites.paragraph !== undefined) expect(Number(idParagraph)).toBe(check.cites.paragraph);
        }
      }
    }
  });

  it('reports coverage per city: articles with checks plus articles with a reason add up to all', () => {
    const coverage = checkCoverage();
    expect(coverage.map((c) => c.checks).reduce((a, b) => a + b)).toBe(103);
    for (const c of coverage) {
      const without = Object.values(c.withoutChecks).reduce((a, b) => a + b, 0);
      expect(c.withChecks + without).toBe(c.articles);
    }
  });
});

/**
 * Every number of a law the checks compare with: literals left in the conditions, and the defaults
 * of the parameters that quote their law (`quote`).
 */
function lawNumbers(): Set<number> {
  const numbers = new Set<number>();
  const walk = (node: unknown): void => {
    if (typeof node === 'number') numbers.add(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') Object.values(node).forEach(walk);
  };
  for (const city of CITY_KEYS) {
    for (const article of ruleFiles[city].articles) {
      for (const check of article.checks) {
        walk(check.conditions satisfies { all: ConditionJson[] });
        for (const parameter of Object.values(check.parameters ?? {})) if (parameter.quote !== undefined) numbers.add(parameter.default);
      }
    }
  }
  return numbers;
}

/** Where the law's logic lives: the evaluator's generic facts and operators. */
const LAW_LOGIC = ['src/engine', 'src/evaluate.ts', 'src/ruleFileSchema.ts', 'src/types.ts'];

const stripComments = (code: string) => code.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');

function sourceFiles(dir: string): string[] {
  if (!statSync(dir).isDirectory()) return dir.endsWith('.ts') && !dir.endsWith('.test.ts') ? [dir] : [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** How the law writes a number the rules use: 每百户 and per cent (%) are 100, 一次 is 1. */
const WRITTEN_AS: Record<number, string[]> = { 100: ['百', '%'], 1: ['一'] };

/** Where a number compared with is a threshold: an ordering operator's value, a tolerance's target, a scale's rate. */
const ORDERING = new Set(['greaterThan', 'greaterThanInclusive', 'lessThan', 'lessThanInclusive']);

describe('the law stays in data', () => {
  it('finds every number a check compares with in the text of the article it cites', () => {
    const missing: string[] = [];
    for (const city of CITY_KEYS) {
      for (const article of ruleFiles[city].articles) {
        for (const check of article.checks) {
          const numbers = new Set<number>();
          const walk = (node: unknown, key?: string): void => {
            if (typeof node === 'number' && key !== 'offsetYears') numbers.add(node);
            else if (Array.isArray(node)) node.forEach((n) => walk(n));
            else if (node && typeof node === 'object') Object.entries(node).forEach(([k, v]) => walk(v, k));
          };
          walk(check.conditions.all[1]);
          for (const n of numbers) {
            const forms = [String(n), ...(WRITTEN_AS[n] ?? [])];
            if (n !== 0 && !forms.some((form) => article.text.includes(form))) missing.push(`${check.id}: ${n}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("quotes, for every parameter that gives a law's number, words of the cited article that write it", () => {
    const wrong: string[] = [];
    let quoted = 0;
    for (const city of CITY_KEYS) {
      for (const article of ruleFiles[city].articles) {
        for (const check of article.checks) {
          for (const [name, parameter] of Object.entries(check.parameters ?? {})) {
            if (parameter.quote === undefined) continue;
            quoted += 1;
            const forms = [String(parameter.default), ...(WRITTEN_AS[parameter.default] ?? [])];
            if (!article.text.includes(parameter.quote)) wrong.push(`${check.id} ${name}: quote not in the text`);
            if (!forms.some((form) => parameter.quote!.includes(form))) wrong.push(`${check.id} ${name}: ${parameter.default} not in its quote`);
            if (!parameter.reason.includes(parameter.quote) && !parameter.reason.includes(String(parameter.default))) wrong.push(`${check.id} ${name}: reason does not quote the text`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(quoted).toBeGreaterThanOrEqual(9);
  });

  it('makes every threshold a named parameter: no number but 0 compared in place (ordering operators, tolerance targets, scale rates)', () => {
    const literals: string[] = [];
    const walk = (node: unknown, id: string): void => {
      if (Array.isArray(node)) node.forEach((n) => walk(n, id));
      else if (node && typeof node === 'object') {
        const leaf = node as { operator?: string; value?: unknown; fact?: string; params?: Record<string, unknown> };
        if (leaf.operator !== undefined && ORDERING.has(leaf.operator) && typeof leaf.value === 'number' && leaf.value !== 0) literals.push(`${id}: ${leaf.operator} ${leaf.value}`);
        if (leaf.operator === 'withinTolerance') {
          for (const [key, v] of Object.entries(leaf.value as Record<string, unknown>)) if (typeof v === 'number') literals.push(`${id}: withinTolerance ${key} ${v}`);
        }
        if (leaf.fact === 'scaled' && typeof leaf.params?.['rate'] === 'number') literals.push(`${id}: scaled rate ${String(leaf.params['rate'])}`);
        Object.values(node).forEach((n) => walk(n, id));
      }
    };
    for (const city of CITY_KEYS) for (const article of ruleFiles[city].articles) for (const check of article.checks) walk(check.conditions, check.id);
    expect(literals).toEqual([]);
  });

  it('keeps no threshold of a law (a number the rules compare with, 30 and above) in the law logic', () => {
    const thresholds = [...lawNumbers()].filter((n) => Math.abs(n) >= 30);
    expect(thresholds).toEqual(expect.arrayContaining([30, 300, 600, 800, 3000, 4000]));
    const offenders: string[] = [];
    for (const file of LAW_LOGIC.flatMap(sourceFiles)) {
      const code = stripComments(readFileSync(file, 'utf8'));
      for (const n of thresholds) {
        if (new RegExp(`(^|[^0-9.\\w])${n}([^0-9.]|$)`).test(code)) offenders.push(`${file}: ${n}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('keeps the distinctive thresholds (300 and above) out of all of src/', () => {
    const thresholds = [...lawNumbers()].filter((n) => Math.abs(n) >= 300);
    const offenders = sourceFiles('src').flatMap((file) => {
      const code = stripComments(readFileSync(file, 'utf8'));
      return thresholds.filter((n) => new RegExp(`(^|[^0-9.\\w])${n}([^0-9.]|$)`).test(code)).map((n) => `${file}: ${n}`);
    });
    expect(offenders).toEqual([]);
  });

  it('keeps no in-force date of a law in src/', () => {
    const dates = CITY_KEYS.flatMap((c) => [ruleFiles[c].law.inForceFrom, ruleFiles[c].law.adopted]).filter(Boolean) as string[];
    const offenders = sourceFiles('src').filter((f) => dates.some((d) => stripComments(readFileSync(f, 'utf8')).includes(d)));
    expect(offenders).toEqual([]);
  });
});
