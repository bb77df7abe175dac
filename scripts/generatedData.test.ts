import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruleFiles } from '../src/catalogue/ruleFiles.js';
import { bundledRuleFiles } from '../src/engine/bundledRules.js';
import { citationFor } from '../src/engine/compile.js';
import { CITY_KEYS } from '../src/types.js';
import { EVALUATION_RULES_FILE, LAWS_FILE, renderEvaluationRules, renderLaws } from './generatedData.js';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('src/generated/laws.json and evaluationRules.json', () => {
  it('are what `npm run gen:types` renders from the rule files (run it after changing rules/*.json)', () => {
    expect(readFileSync(`${root}${LAWS_FILE}`, 'utf8'), 'stale: run `npm run gen:types` (or `npm run docs`)').toBe(renderLaws());
    expect(readFileSync(`${root}${EVALUATION_RULES_FILE}`, 'utf8'), 'stale: run `npm run gen:types` (or `npm run docs`)').toBe(
      renderEvaluationRules(),
    );
  });

  it('give the evaluator every check of the rule files, unchanged, and the same citation for each', () => {
    const evaluation = bundledRuleFiles();
    for (const [index, city] of CITY_KEYS.entries()) {
      const full = ruleFiles[city];
      const trimmed = evaluation[index]!;
      expect(trimmed.law).toEqual(full.law);
      expect(trimmed.nonBinding).toEqual(full.nonBinding);
      const fullChecks = full.articles.flatMap((article) => article.checks.map((check) => ({ article, check })));
      expect(trimmed.articles.flatMap((article) => article.checks)).toEqual(fullChecks.map(({ check }) => check));
      for (const article of trimmed.articles) {
        for (const check of article.checks) {
          const original = fullChecks.find((entry) => entry.check.id === check.id)!;
          expect(citationFor(trimmed, article, check), check.id).toEqual(citationFor(full, original.article, original.check));
        }
      }
    }
  });

  it('leave out the text no citation quotes', () => {
    const evaluation = bundledRuleFiles();
    const size = (value: unknown) => JSON.stringify(value).length;
    expect(size(evaluation)).toBeLessThan(size(CITY_KEYS.map((city) => ruleFiles[city])) * 0.6);
    expect(evaluation.some((file) => file.articles.some((article) => article.paragraphs.some((p) => p.text === '')))).toBe(true);
  });
});
