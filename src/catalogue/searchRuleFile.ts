import type { CityKey, RuleFile } from '../types.js';
import { formatCitationLabel } from './citationLabel.js';

/** A paragraph that contains the query, with its citation label. */
export interface ParagraphMatch {
  number: number;
  /** 第十二条, 第十三条第二款, （三）第二款 … (a one-paragraph article without 款). */
  label: string;
  text: string;
  /** Guiyang: the verbatim traditional text of the page. */
  sourceText?: string;
}

/** An article with at least one matching paragraph. */
export interface ArticleMatch<City extends CityKey = CityKey> {
  city: City;
  /** Article number (Zhangjiakou: item number). */
  article: number;
  /** 第十二条 / （七） */
  label: string;
  /** Dalian's article title. */
  title?: string;
  paragraphs: ParagraphMatch[];
}

/**
 * The text a query is looked for in, and the query itself, normalized the same way: full-width
 * ASCII forms to ASCII, whitespace removed (the pages mix （） with () and spacing).
 * @throws {RangeError} for a query that is empty once normalized.
 */
export function searchNeedle(query: string): string {
  const needle = normalizeForSearch(query);
  if (needle === '') throw new RangeError('the search text is empty');
  return needle;
}

/**
 * The articles of one rule file with a paragraph containing `needle` (from `searchNeedle`), in
 * article order; each match is a fresh object (the rule file's strings are shared, and immutable).
 */
export function searchRuleFile(ruleFile: RuleFile, needle: string): ArticleMatch[] {
  const { city } = ruleFile;
  const matches: ArticleMatch[] = [];
  for (const article of ruleFile.articles) {
    const paragraphs = article.paragraphs
      .filter(
        (paragraph) =>
          normalizeForSearch(paragraph.text).includes(needle) ||
          (paragraph.sourceText !== undefined && normalizeForSearch(paragraph.sourceText).includes(needle)),
      )
      .map(
        (paragraph): ParagraphMatch => ({
          number: paragraph.number,
          label: formatCitationLabel({
            city,
            article: article.number,
            paragraph: paragraph.number,
            paragraphCount: article.paragraphs.length,
          }),
          text: paragraph.text,
          ...(paragraph.sourceText !== undefined ? { sourceText: paragraph.sourceText } : {}),
        }),
      );
    if (paragraphs.length === 0) continue;
    matches.push({
      city,
      article: article.number,
      label: article.label,
      ...(article.title !== undefined ? { title: article.title } : {}),
      paragraphs,
    });
  }
  return matches;
}

function normalizeForSearch(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode((char.codePointAt(0) ?? 0) - 0xfee0))
    .replace(/\s+/g, '');
}
