import { CITY_KEYS, type CityKey } from '../types.js';
import { formatCitationLabel } from './citationLabel.js';
import { getRuleFile } from './ruleFiles.js';

export interface SearchArticlesOptions {
  /** Search one city's law only. */
  city?: CityKey;
}

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
export interface ArticleMatch {
  city: CityKey;
  /** Article number (Zhangjiakou: item number). */
  article: number;
  /** 第十二条 / （七） */
  label: string;
  /** Dalian's article title. */
  title?: string;
  paragraphs: ParagraphMatch[];
}

/**
 * Finds the articles whose paragraphs contain `query`, in city then article order. The search runs
 * on the simplified text and on Guiyang's traditional source text, ignoring whitespace and the
 * difference between full-width and ASCII forms (居（村）民 finds 居(村)民). A traditional query
 * is not converted for the other cities: the converter is a build-time tool, not bundled.
 *
 * @example
 * searchArticles('网格', { city: 'tonghua' }).map((match) => match.label)
 * //=> ['第十三条', '第十四条', '第十五条', '第十六条', '第十七条', '第十九条']
 * searchArticles('不低于800平方米')[0].paragraphs[0].label //=> '第三十七条'
 * @throws {RangeError} for an empty query or an unknown city key.
 */
export function searchArticles(query: string, options: SearchArticlesOptions = {}): ArticleMatch[] {
  const needle = normalizeForSearch(query);
  if (needle === '') throw new RangeError('the search text is empty');
  const cities = options.city === undefined ? CITY_KEYS : [getRuleFile(options.city).city];
  const matches: ArticleMatch[] = [];
  for (const city of cities) {
    for (const article of getRuleFile(city).articles) {
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
  }
  return matches;
}

/** Full-width ASCII forms to ASCII, whitespace removed: the pages mix （） with () and spacing. */
function normalizeForSearch(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode((char.codePointAt(0) ?? 0) - 0xfee0))
    .replace(/\s+/g, '');
}
