/**
 * contract-v2 §2: a `severityReason` quotes only words that stand in the cited text. Every run of
 * Chinese characters in it (a run broken by … is two quotes: 由…担任) must be found in the cited
 * paragraph (or the article, when no paragraph is cited).
 */
import { describe, expect, it } from 'vitest';
import { ruleFiles } from '../src/catalogue/ruleFiles.js';
import { CITY_KEYS, type CatalogueArticle, type CheckEntry } from '../src/types.js';

/** The quoted words of a reason: its runs of Han characters, split at … . */
function quotedWords(reason: string): string[] {
  return reason.match(/\p{Script=Han}+/gu) ?? [];
}

function citedText(article: CatalogueArticle, check: CheckEntry): string {
  const paragraph = check.cites.paragraph;
  if (paragraph === undefined) return article.text;
  return article.paragraphs.find((p) => p.number === paragraph)?.text ?? '';
}

const checks = CITY_KEYS.flatMap((city) =>
  ruleFiles[city].articles.flatMap((article) => article.checks.map((check) => ({ article, check }))),
);

describe('severityReason quotes the cited text', () => {
  it('reads the quoted words of a reason, splitting at … and at anything that is not Chinese', () => {
    expect(quotedWords('由…担任 (an imperative standard), 每个楼栋、单元确定一名')).toEqual(['由', '担任', '每个楼栋', '单元确定一名']);
    expect(quotedWords('no quote at all')).toEqual([]);
  });

  it.each(checks.map(({ article, check }) => [check.id, article, check] as const))(
    '%s: every quoted word stands in the cited paragraph',
    (_id, article, check) => {
      const text = citedText(article, check);
      const words = quotedWords(check.severityReason);
      expect(words.length, 'the reason quotes the law').toBeGreaterThan(0);
      expect(words.filter((word) => !text.includes(word))).toEqual([]);
    },
  );
});
