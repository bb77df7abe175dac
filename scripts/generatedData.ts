/**
 * Three views of the rule files that the library imports instead of all five whole laws, so that an
 * app pays only for what it uses (issue #10, item 6):
 * - src/generated/laws.json: the laws' metadata (`listLaws`), without their articles;
 * - src/generated/coverage.json: per law, how many articles and checks it has and why the rest have
 *   none (`checkCoverage`, `summarizeLaws`), without the text;
 * - src/generated/evaluationRules.json: what the evaluator runs, i.e. each rule file with only the
 *   articles that have checks (or are cited as a check's liability), and of their text only what a
 *   citation quotes — the cited paragraph or item, the whole article where no paragraph is cited, the
 *   liability article — other texts left empty, and no `sourceText`, `noCheck` or check `note`.
 * A test fails when one is stale; `npm run gen:types` (also part of `npm run docs`) rewrites them.
 */
import { ruleFiles } from '../src/catalogue/ruleFiles.js';
import type { CityCoverage } from '../src/catalogue/coverage.js';
import type { CatalogueArticle, NoCheckReason, RuleFile } from '../src/types.js';
import { CITY_KEYS } from '../src/types.js';

export const LAWS_FILE = 'src/generated/laws.json';
export const EVALUATION_RULES_FILE = 'src/generated/evaluationRules.json';
export const COVERAGE_FILE = 'src/generated/coverage.json';

const json = (value: unknown): string => `${JSON.stringify(value, null, 1)}\n`;

export function renderLaws(): string {
  return json(CITY_KEYS.map((city) => ruleFiles[city].law));
}

/** How much of one law the checks cover: its articles, those with checks, and why the rest have none. */
export function coverageOf(file: RuleFile): CityCoverage {
  const withoutChecks: Partial<Record<NoCheckReason, number>> = {};
  for (const article of file.articles) {
    if (article.checks.length === 0 && article.noCheck) {
      withoutChecks[article.noCheck.reason] = (withoutChecks[article.noCheck.reason] ?? 0) + 1;
    }
  }
  return {
    city: file.city,
    articles: file.articles.length,
    withChecks: file.articles.filter((article) => article.checks.length > 0).length,
    checks: file.articles.reduce((n, article) => n + article.checks.length, 0),
    withoutChecks,
  };
}

export function renderCoverage(): string {
  return json(CITY_KEYS.map((city) => coverageOf(ruleFiles[city])));
}

/** One rule file as the evaluator needs it (see the file comment). */
export function forEvaluation(file: RuleFile): RuleFile {
  const checks = file.articles.flatMap((article) => article.checks);
  const liable = new Set(checks.flatMap((check) => (check.liability === undefined ? [] : [check.liability])));
  const articles = file.articles
    .filter((article) => article.checks.length > 0 || liable.has(article.number))
    .map((article): CatalogueArticle => {
      const cited = new Set(article.checks.map((check) => check.cites.paragraph));
      const citedItems = new Set(article.checks.map((check) => `${check.cites.paragraph}.${check.cites.item}`));
      const { sourceText: _sourceText, noCheck: _noCheck, ...rest } = article;
      return {
        ...rest,
        // A check's `note` is for the reader of the catalogue (`shequ-rules articles`); no finding quotes it.
        checks: article.checks.map(({ note: _note, ...check }) => check),
        text: liable.has(article.number) || cited.has(undefined) ? article.text : '',
        paragraphs: article.paragraphs.map(({ sourceText: _s, items, ...paragraph }) => ({
          ...paragraph,
          text: cited.has(paragraph.number) ? paragraph.text : '',
          ...(items && cited.has(paragraph.number)
            ? {
                items: items
                  .filter((item) => citedItems.has(`${paragraph.number}.${item.number}`))
                  .map(({ sourceText: _i, ...item }) => item),
              }
            : {}),
        })),
      };
    });
  const { preamble: _preamble, closing: _closing, ...rest } = file;
  return { ...rest, articles };
}

export function renderEvaluationRules(): string {
  return json(Object.fromEntries(CITY_KEYS.map((city) => [city, forEvaluation(ruleFiles[city])])));
}
