import type { CityKey } from '../types.js';
import { toChineseNumeral } from './numerals.js';

/** What to cite: an article (Zhangjiakou: a numbered item of the decision), its 款 and 项. */
export interface FormatCitationLabelOptions {
  /** Zhangjiakou's decision numbers its items （一）…（十五） instead of 第X条. */
  city?: CityKey;
  /** Article number (Zhangjiakou: item number of the decision). */
  article: number;
  /** Paragraph (款), 1-based. */
  paragraph?: number;
  /** Enumerated item (项) inside the paragraph, 1-based. */
  item?: number;
  /** How many paragraphs the article has: a one-paragraph article is cited without 款. */
  paragraphCount?: number;
  /**
   * The article's own label as its law writes it (`第十条`, `（三）`), used in place of one built
   * from `city` and `article`: how a rule pack's sixth city gets its citations.
   */
  articleLabel?: string;
}

/**
 * The Chinese citation label of an article, paragraph and item, as a lawyer writes it.
 * A one-paragraph article is cited without 款 (paragraphCount 1 drops paragraph 1).
 *
 * @example
 * formatCitationLabel({ article: 10, paragraph: 1 }) //=> '第十条第一款'
 * formatCitationLabel({ article: 34, paragraph: 2 }) //=> '第三十四条第二款'
 * formatCitationLabel({ article: 47 }) //=> '第四十七条'
 * formatCitationLabel({ article: 18, paragraph: 3, item: 2 }) //=> '第十八条第三款第（二）项'
 * formatCitationLabel({ article: 37, paragraph: 1, paragraphCount: 1 }) //=> '第三十七条'
 * formatCitationLabel({ city: 'zhangjiakou', article: 3, paragraph: 2 }) //=> '（三）第二款'
 * formatCitationLabel({ city: 'zhangjiakou', article: 7, paragraph: 1, paragraphCount: 1 }) //=> '（七）'
 * formatCitationLabel({ article: 3, articleLabel: '第三条', paragraph: 2 }) //=> '第三条第二款'
 * @throws {RangeError} when a number is not a positive integer (or above 999).
 */
export function formatCitationLabel(options: FormatCitationLabelOptions): string {
  const { city, article, paragraph, item, paragraphCount, articleLabel } = options;
  let label = articleLabel ?? (city === 'zhangjiakou' ? `（${toChineseNumeral(article)}）` : `第${toChineseNumeral(article)}条`);
  if (paragraph !== undefined) {
    if (paragraphCount !== undefined && paragraph > paragraphCount) {
      throw new RangeError(`paragraph ${paragraph} of an article with ${paragraphCount} paragraph(s)`);
    }
    const paragraphLabel = `第${toChineseNumeral(paragraph)}款`;
    if (paragraphCount !== 1) label += paragraphLabel;
  }
  if (item !== undefined) label += `第（${toChineseNumeral(item)}）项`;
  return label;
}
