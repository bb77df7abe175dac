import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkCoverage } from '../src/catalogue/coverage.js';
import { summarizeLaws } from '../src/catalogue/laws.js';
import { ruleFiles } from '../src/catalogue/ruleFiles.js';
import { bundledRuleFiles } from '../src/engine/bundledRules.js';
import { citationFor } from '../src/engine/compile.js';
import { CITY_KEYS } from '../src/types.js';
import { COVERAGE_FILE, EVALUATION_RULES_FILE, LAWS_FILE, renderCoverage, renderEvaluationRules, renderLaws } from './generatedData.js';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('src/generated/laws.json, coverage.json and evaluationRules.json', () => {
  it('are what `npm run gen:types` renders from the rule files (run it after changing rules/*.json)', () => {
    expect(readFileSync(`${root}${LAWS_FILE}`, 'utf8'), 'stale: run `npm run gen:types` (or `npm run docs`)').toBe(renderLaws());
    expect(readFileSync(`${root}${COVERAGE_FILE}`, 'utf8'), 'stale: run `npm run gen:types` (or `npm run docs`)').toBe(renderCoverage());
    expect(readFileSync(`${root}${EVALUATION_RULES_FILE}`, 'utf8'), 'stale: run `npm run gen:types` (or `npm run docs`)').toBe(
      renderEvaluationRules(),
    );
  });

  it('give checkCoverage and summarizeLaws the rule files’ own counts', () => {
    const summaries = summarizeLaws();
    for (const [index, city] of CITY_KEYS.entries()) {
      const { law, articles } = ruleFiles[city];
      const checked = articles.filter((article) => article.checks.length > 0);
      const checks = checked.flatMap((article) => article.checks).length;
      const reasons = articles.flatMap((article) => (article.checks.length === 0 && article.noCheck ? [article.noCheck.reason] : []));
      const coverage = checkCoverage()[index]!;
      expect(coverage).toMatchObject({ city, articles: articles.length, withChecks: checked.length, checks });
      expect(Object.values(coverage.withoutChecks).reduce((a, b) => a + b, 0)).toBe(reasons.length);
      for (const reason of new Set(reasons)) expect(coverage.withoutChecks[reason]).toBe(reasons.filter((r) => r === reason).length);
      expect(summaries[index]).toEqual({
        city,
        title: law.title,
        status: law.status,
        inForceFrom: law.inForceFrom,
        articleCount: articles.length,
        checkedArticleCount: checked.length,
        checkCount: checks,
      });
    }
  });

  it('give the evaluator every check of the rule files, unchanged but for its note (no finding quotes it), and the same citation for each', () => {
    const evaluation = bundledRuleFiles();
    for (const [index, city] of CITY_KEYS.entries()) {
      const full = ruleFiles[city];
      const trimmed = evaluation[index]!;
      expect(trimmed.law).toEqual(full.law);
      expect(trimmed.nonBinding).toEqual(full.nonBinding);
      const fullChecks = full.articles.flatMap((article) => article.checks.map((check) => ({ article, check })));
      const withoutNote = ({ note: _note, ...check }: (typeof fullChecks)[number]['check']) => check;
      expect(trimmed.articles.flatMap((article) => article.checks)).toStrictEqual(fullChecks.map(({ check }) => withoutNote(check)));
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
