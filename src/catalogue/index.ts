// The catalogue of the five laws: metadata, articles, citation labels and search.
export { formatCitationLabel, type FormatCitationLabelOptions } from './citationLabel.js';
export { getArticle } from './getArticle.js';
export { isCityKey } from './isCityKey.js';
export { listLaws, summarizeLaws, type LawSummary } from './laws.js';
export { fromChineseNumeral, toChineseNumeral } from './numerals.js';
export { getRuleFile, ruleFiles } from './ruleFiles.js';
export {
  searchArticles,
  type ArticleMatch,
  type ParagraphMatch,
  type SearchArticlesOptions,
} from './searchArticles.js';
